import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { events, openDays, people, stories, storyTopics, topics } from "@/db/schema";
import { cachedQuery, tags } from "@/lib/cache";
import { listedExpert } from "@/lib/people/visibility";
import { publicStory } from "@/lib/stories/visibility";

/** One URL for search engines: a site path and when its content last changed. */
export type SitemapEntry = { path: string; lastModified?: number };


function collect(now: number): SitemapEntry[] {
  const db = getDb();
  const storyRows = db
    .select({ slug: stories.slug, updatedAt: stories.updatedAt, publishAt: stories.publishAt })
    .from(stories)
    .where(publicStory(now))
    .all();
  const expertRows = db.select({ slug: people.slug, updatedAt: people.updatedAt }).from(people).where(listedExpert(now)).all();
  // A topic page changes when a story on it is published or edited.
  const topicRows = db
    .select({ slug: topics.slug, latest: sql<number | null>`max(max(${stories.updatedAt}, ${stories.publishAt}))`.mapWith(Number) })
    .from(topics)
    .leftJoin(storyTopics, eq(storyTopics.topicId, topics.id))
    .leftJoin(stories, and(eq(stories.id, storyTopics.storyId), publicStory(now)))
    .groupBy(topics.id)
    .all();
  const eventRows = db.select({ slug: events.slug, updatedAt: events.updatedAt }).from(events).where(ne(events.status, "draft")).all();
  const openDayRows = db.select({ slug: openDays.slug, updatedAt: openDays.updatedAt }).from(openDays).where(ne(openDays.status, "draft")).all();
  const newest = Math.max(0, ...storyRows.map((s) => s.publishAt ?? 0));

  return [
    { path: "/", lastModified: newest || undefined },
    { path: "/news", lastModified: newest || undefined },
    { path: "/experts" },
    { path: "/events" },
    { path: "/open-days" },
    ...storyRows.map((s) => ({ path: `/news/${s.slug}`, lastModified: Math.max(s.updatedAt, s.publishAt ?? 0) })),
    ...expertRows.map((p) => ({ path: `/experts/${p.slug}`, lastModified: p.updatedAt })),
    ...topicRows.map((t) => ({ path: `/topics/${t.slug}`, lastModified: t.latest ?? undefined })),
    ...eventRows.map((e) => ({ path: `/events/${e.slug}`, lastModified: e.updatedAt })),
    ...openDayRows.map((o) => ({ path: `/open-days/${o.slug}`, lastModified: o.updatedAt })),
  ];
}

/** Every public page worth indexing, for app/sitemap.ts. */
export function listSitemapEntries(): Promise<SitemapEntry[]> {
  return cachedQuery(["sitemap"], [tags.stories, tags.people, tags.topics, tags.events, tags.openDays], () => collect(Date.now()));
}
