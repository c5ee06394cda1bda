import { renderChildSitemap, xmlResponse } from "@/lib/sitemap/xml";

export const dynamic = "force-dynamic";

/** The child sitemaps named by /sitemap.xml's index on a large site. */
export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }) {
  const body = await renderChildSitemap((await params).name);
  return body === null ? new Response("Not found", { status: 404 }) : xmlResponse(body);
}
