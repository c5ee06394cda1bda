import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { config } from "@/lib/config";

/**
 * /robots.txt: keep crawlers out of the editor, sign-in and registrants'
 * private pages; point them at the sitemap. Per request so the sitemap URL
 * follows SITE_URL at run time, not at build time.
 */
export default async function robots(): Promise<MetadataRoute.Robots> {
  await connection();
  const { siteUrl } = config();
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/editor", "/login", "/api/", "/open-days/registrations/"] },
    sitemap: `${siteUrl}/sitemap.xml`,
  };
}
