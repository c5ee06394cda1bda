import "server-only";
import { and, count, eq, ne, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { events, openDays, people, stories, storyTopics, topics } from "@/db/schema";
import { cachedQuery, tags } from "@/lib/cache";
import { listedExpert } from "@/lib/people/visibility";
import { publicStory } from "@/lib/stories/visibility";

/** One URL for search engines: a site path and when its content last changed. */
export type SitemapEntry = { path: string; lastModified?: number };


/** Everything but the stories: a few hundred entries at most. */
function collectPages(now: number): SitemapEntry[] {
  const db = getDb();
  const newest = db.select({ at: sql<number | null>`max(${stories.publishAt})` }).from(stories).where(publicStory(now)).get()?.at ?? undefined;
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
  return [
    { path: "/", lastModified: newest },
    { path: "/news", lastModified: newest },
    { path: "/experts" },
    { path: "/events" },
    { path: "/open-days" },
    ...expertRows.map((p) => ({ path: `/experts/${p.slug}`, lastModified: p.updatedAt })),
    ...topicRows.map((t) => ({ path: `/topics/${t.slug}`, lastModified: t.latest ?? undefined })),
    ...eventRows.map((e) => ({ path: `/events/${e.slug}`, lastModified: e.updatedAt })),
    ...openDayRows.map((o) => ({ path: `/open-days/${o.slug}`, lastModified: o.updatedAt })),
  ];
}

/**
 * A sitemap file may hold at most 50,000 URLs, so stories are served in
 * chunks (oldest first, so a chunk's content is stable) once there are more.
 */
export const STORIES_PER_SITEMAP = 40_000;

function collectStories(now: number, chunk: number, perFile: number): SitemapEntry[] {
  return getDb()
    .select({ slug: stories.slug, updatedAt: stories.updatedAt, publishAt: stories.publishAt })
    .from(stories)
    .where(publicStory(now))
    .orderBy(stories.id)
    .limit(perFile)
    .offset(chunk * perFile)
    .all()
    .map((s) => ({ path: `/news/${s.slug}`, lastModified: Math.max(s.updatedAt, s.publishAt ?? 0) }));
}

const sitemapTags = [tags.stories, tags.people, tags.topics, tags.events, tags.openDays];

/** Every public page except stories. */
export function listPageEntries(): Promise<SitemapEntry[]> {
  return cachedQuery(["sitemap:pages"], sitemapTags, () => collectPages(Date.now()));
}

/** How many story sitemap files there are (at least one). */
export function storySitemapCount(perFile = STORIES_PER_SITEMAP): Promise<number> {
  return cachedQuery(["sitemap:story-count", perFile], [tags.stories], () => {
    const n = getDb().select({ n: count() }).from(stories).where(publicStory()).get()?.n ?? 0;
    return Math.max(1, Math.ceil(n / perFile));
  });
}

/** One chunk of public stories (not cached: a chunk is larger than Next's 2 MB cache item limit). */
export function listStoryEntries(chunk: number, perFile = STORIES_PER_SITEMAP): SitemapEntry[] {
  return collectStories(Date.now(), chunk, perFile);
}
