import "server-only";
import { and, count, eq, ne, sql } from "drizzle-orm";
import { first, getDb } from "@/db/client";
import { events, openDays, people, stories, storyTopics, topics } from "@/db/schema";
import { cachedQuery, tags } from "@/lib/cache";
import { listedExpert } from "@/lib/people/visibility";
import { publicStory } from "@/lib/stories/visibility";

/** One URL for search engines: a site path and when its content last changed. */
export type SitemapEntry = { path: string; lastModified?: number };


/** The later of two times, either of which may be missing (a topic with no public story has neither). */
function latestOf(a: number | null, b: number | null): number | undefined {
  if (a === null && b === null) return undefined;
  return Math.max(a ?? -Infinity, b ?? -Infinity);
}

/** Everything but the stories: a few hundred entries at most. */
async function collectPages(now: number): Promise<SitemapEntry[]> {
  const db = getDb();
  const newest = (await first(db.select({ at: sql<number | null>`max(${stories.publishAt})`.mapWith(Number) }).from(stories).where(publicStory(now)).limit(1)))?.at ?? undefined;
  const expertRows = await db.select({ slug: people.slug, updatedAt: people.updatedAt }).from(people).where(listedExpert(now));
  // A topic page changes when a story on it is published or edited: the later of its newest edit and
  // newest publish time, compared in latestOf() (SQLite's max(a, b) is greatest(a, b) on PostgreSQL).
  const topicRows = await db
    .select({
      slug: topics.slug,
      updated: sql<number | null>`max(${stories.updatedAt})`.mapWith(Number),
      published: sql<number | null>`max(${stories.publishAt})`.mapWith(Number),
    })
    .from(topics)
    .leftJoin(storyTopics, eq(storyTopics.topicId, topics.id))
    .leftJoin(stories, and(eq(stories.id, storyTopics.storyId), publicStory(now)))
    .groupBy(topics.id);
  const eventRows = await db.select({ slug: events.slug, updatedAt: events.updatedAt }).from(events).where(ne(events.status, "draft"));
  const openDayRows = await db.select({ slug: openDays.slug, updatedAt: openDays.updatedAt }).from(openDays).where(ne(openDays.status, "draft"));
  return [
    { path: "/", lastModified: newest },
    { path: "/news", lastModified: newest },
    { path: "/experts" },
    { path: "/events" },
    { path: "/open-days" },
    ...expertRows.map((p) => ({ path: `/experts/${p.slug}`, lastModified: p.updatedAt })),
    ...topicRows.map((t) => ({ path: `/topics/${t.slug}`, lastModified: latestOf(t.updated, t.published) })),
    ...eventRows.map((e) => ({ path: `/events/${e.slug}`, lastModified: e.updatedAt })),
    ...openDayRows.map((o) => ({ path: `/open-days/${o.slug}`, lastModified: o.updatedAt })),
  ];
}

/**
 * A sitemap file may hold at most 50,000 URLs, so stories are served in
 * chunks (oldest first, so a chunk's content is stable) once there are more.
 */
export const STORIES_PER_SITEMAP = 40_000;

async function collectStories(now: number, chunk: number, perFile: number): Promise<SitemapEntry[]> {
  const rows = await getDb()
    .select({ slug: stories.slug, updatedAt: stories.updatedAt, publishAt: stories.publishAt })
    .from(stories)
    .where(publicStory(now))
    .orderBy(stories.id)
    .limit(perFile)
    .offset(chunk * perFile);
  return rows.map((s) => ({ path: `/news/${s.slug}`, lastModified: Math.max(s.updatedAt, s.publishAt ?? 0) }));
}

const sitemapTags = [tags.stories, tags.people, tags.topics, tags.events, tags.openDays];

/** Every public page except stories. */
export function listPageEntries(): Promise<SitemapEntry[]> {
  return cachedQuery(["sitemap:pages"], sitemapTags, () => collectPages(Date.now()));
}

/** How many story sitemap files there are (at least one). */
export function storySitemapCount(perFile = STORIES_PER_SITEMAP): Promise<number> {
  return cachedQuery(["sitemap:story-count", perFile], [tags.stories], async () => {
    const n = (await first(getDb().select({ n: count() }).from(stories).where(publicStory()).limit(1)))?.n ?? 0;
    return Math.max(1, Math.ceil(n / perFile));
  });
}

/** One chunk of public stories (not cached: a chunk is larger than Next's 2 MB cache item limit). */
export function listStoryEntries(chunk: number, perFile = STORIES_PER_SITEMAP): Promise<SitemapEntry[]> {
  return collectStories(Date.now(), chunk, perFile);
}
