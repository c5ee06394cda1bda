import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { config } from "@/lib/config";
import { listSitemapEntries } from "@/lib/sitemap";

/** /sitemap.xml. connection() makes it per request (not baked in at build); the data itself is cached. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  await connection();
  const { siteUrl } = config();
  const entries = await listSitemapEntries();
  return entries.map(({ path, lastModified }) => ({
    url: `${siteUrl}${path === "/" ? "" : path}`,
    ...(lastModified ? { lastModified: new Date(lastModified) } : {}),
  }));
}
