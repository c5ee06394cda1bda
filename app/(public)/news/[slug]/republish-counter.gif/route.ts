import { getStoryBySlug } from "@/lib/stories/public";
import { recordRepublishView } from "@/lib/stories/views";

/**
 * The 1×1 counter image in republished copies: each load counts one
 * republication view for the story (no cookies, nothing about the reader
 * is stored). Never cached, or repeat views would go uncounted.
 */
const PIXEL = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

const headers = {
  "Content-Type": "image/gif",
  "Cache-Control": "no-store, max-age=0",
  // Republishers embed this on their own sites.
  "Cross-Origin-Resource-Policy": "cross-origin",
};

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const story = await getStoryBySlug(slug);
  if (!story) return new Response(null, { status: 404, headers: { "Cache-Control": "no-store" } });
  await recordRepublishView(story.id);
  return new Response(new Uint8Array(PIXEL), { status: 200, headers: { ...headers, "Content-Length": String(PIXEL.length) } });
}
