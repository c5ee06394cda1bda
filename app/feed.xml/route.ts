import { listFeedStories, renderRss } from "@/lib/feeds";
import { isStoryType } from "@/lib/stories/labels";

/** RSS 2.0 of the latest public stories; `?type=` as on /news. Public, so no role check. */
export async function GET(request: Request): Promise<Response> {
  const type = new URL(request.url).searchParams.get("type") || undefined;
  if (type !== undefined && !isStoryType(type)) {
    return new Response("No such story type.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const items = await listFeedStories(type);
  return new Response(renderRss(items, type), {
    headers: { "Content-Type": "application/rss+xml; charset=utf-8" },
  });
}
