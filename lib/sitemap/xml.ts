import "server-only";
import { config } from "@/lib/config";
import { escapeHtml as escape } from "@/lib/escape";
import { listPageEntries, listStoryEntries, STORIES_PER_SITEMAP, storySitemapCount, type SitemapEntry } from "./public";

/** A <urlset> with absolute URLs and W3C dates. */
export function urlsetXml(entries: SitemapEntry[], siteUrl: string): string {
  const urls = entries.map(({ path, lastModified }) => {
    const loc = `<loc>${escape(`${siteUrl}${path === "/" ? "" : path}`)}</loc>`;
    const mod = lastModified ? `<lastmod>${new Date(lastModified).toISOString()}</lastmod>` : "";
    return `<url>${loc}${mod}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
}

/** A <sitemapindex> naming the child sitemaps. */
export function sitemapIndexXml(paths: string[], siteUrl: string): string {
  const items = paths.map((p) => `<sitemap><loc>${escape(`${siteUrl}${p}`)}</loc></sitemap>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join("\n")}\n</sitemapindex>\n`;
}

/**
 * /sitemap.xml: one <urlset> while the stories fit in one file; beyond that a
 * <sitemapindex> of /sitemaps/pages.xml and /sitemaps/stories-N.xml (the
 * protocol allows 50,000 URLs a file).
 */
export async function renderSitemap(perFile = STORIES_PER_SITEMAP): Promise<string> {
  const { siteUrl } = config();
  const chunks = await storySitemapCount(perFile);
  if (chunks === 1) return urlsetXml([...(await listPageEntries()), ...(await listStoryEntries(0, perFile))], siteUrl);
  const children = ["/sitemaps/pages.xml", ...Array.from({ length: chunks }, (_, i) => `/sitemaps/stories-${i + 1}.xml`)];
  return sitemapIndexXml(children, siteUrl);
}

/** A child sitemap by file name, or null when there is no such file. */
export async function renderChildSitemap(name: string, perFile = STORIES_PER_SITEMAP): Promise<string | null> {
  const { siteUrl } = config();
  if (name === "pages.xml") return urlsetXml(await listPageEntries(), siteUrl);
  const match = /^stories-([1-9]\d{0,4})\.xml$/.exec(name);
  if (!match || Number(match[1]) > (await storySitemapCount(perFile))) return null;
  return urlsetXml(await listStoryEntries(Number(match[1]) - 1, perFile), siteUrl);
}

export function xmlResponse(body: string): Response {
  return new Response(body, { headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}
