import { listFeedStories, renderRss } from "@/lib/feeds";
import { isStoryType } from "@/lib/stories/labels";
import { getTopicBySlug } from "@/lib/topics/public";

const notFound = (what: string) => new Response(`No such ${what}.`, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** RSS 2.0 of the latest public stories; `?type=` and `?topic=<slug>` as on /news. Public, so no role check. */
export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const type = params.get("type") || undefined;
  const topicSlug = params.get("topic") || undefined;
  if (type !== undefined && !isStoryType(type)) return notFound("story type");
  const topic = topicSlug === undefined ? undefined : await getTopicBySlug(topicSlug);
  if (topic === null) return notFound("topic");
  const filter = { type, topic };
  const items = await listFeedStories(filter);
  return new Response(renderRss(items, filter), {
    headers: { "Content-Type": "application/rss+xml; charset=utf-8" },
  });
}
