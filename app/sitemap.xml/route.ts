import { renderSitemap, xmlResponse } from "@/lib/sitemap/xml";

export const dynamic = "force-dynamic";

export async function GET() {
  return xmlResponse(await renderSitemap());
}
