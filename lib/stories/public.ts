import "server-only";
import { and, asc, count, desc, eq, inArray, ne } from "drizzle-orm";
import { first, getDb } from "@/db/client";
import { unindexed } from "@/db/portable";
import { media, people, slugRedirects, stories, storyAuthors, storyTopics, topics, type StoryType } from "@/db/schema";
import { cachedQuery, tags } from "@/lib/cache";
import { clampPage, PAGE_SIZE, totalPages, type Paged } from "@/lib/pagination";
import { isStoryType } from "@/lib/stories/labels";
import { memoUntilChange } from "@/lib/stories/listing-index";
import { publicStory } from "@/lib/stories/visibility";

/**
 * Public reads of stories. Every query applies publicStory() inside SQL
 * (lists, counts, related alike) and returns plain objects that survive
 * Next's data cache.
 */

export type CardImage = { url: string; alt: string; width: number; height: number };
export type StoryCardData = {
  id: number;
  slug: string;
  type: StoryType;
  title: string;
  standfirst: string;
  publishAt: number;
  image: CardImage | null;
};
export type StoryAuthor = { name: string; slug: string; jobTitle: string; institution: string; department: string };
/** A story's bylines in the order the editor set (name breaks ties); the public page and the preview share it. */
export async function listStoryAuthors(storyId: number): Promise<StoryAuthor[]> {
  return getDb()
    .select({ name: people.name, slug: people.slug, jobTitle: people.jobTitle, institution: people.institution, department: people.department })
    .from(storyAuthors)
    .innerJoin(people, eq(people.id, storyAuthors.personId))
    .where(eq(storyAuthors.storyId, storyId))
    .orderBy(asc(storyAuthors.position), asc(people.name));
}
export type HeroMedia = CardImage & { caption: string; credit: string };
export type StoryDetail = Omit<StoryCardData, "image"> & {
  body: string;
  updatedAt: number;
  seoDescription: string | null;
  authors: StoryAuthor[];
  topics: { id: number; slug: string; name: string }[];
  hero: HeroMedia | null;
  syndication: { source: string; url: string | null; licence: string | null; counterUrl: string | null } | null;
  mediaUrl: string | null;
  captionsUrl: string | null;
  transcript: string | null;
  republishLicence: string;
  commentsEnabled: boolean;
};

const cardColumns = {
  id: stories.id,
  slug: stories.slug,
  type: stories.type,
  title: stories.title,
  standfirst: stories.standfirst,
  publishAt: stories.publishAt,
  imageUrl: media.url,
  imageAlt: media.altText,
  imageWidth: media.width,
  imageHeight: media.height,
};

type CardRow = {
  id: number;
  slug: string;
  type: StoryType;
  title: string;
  standfirst: string;
  publishAt: number | null;
  imageUrl: string | null;
  imageAlt: string | null;
  imageWidth: number | null;
  imageHeight: number | null;
};

function toCard(r: CardRow): StoryCardData {
  return {
    id: r.id,
    slug: r.slug,
    type: r.type,
    title: r.title,
    standfirst: r.standfirst,
    // Never null here: publicStory() requires publish_at <= now.
    publishAt: r.publishAt ?? 0,
    image: r.imageUrl ? { url: r.imageUrl, alt: r.imageAlt ?? "", width: r.imageWidth ?? 0, height: r.imageHeight ?? 0 } : null,
  };
}

const newestFirst = [desc(stories.publishAt), desc(stories.id)];

/** The filters a public story list can have; each names one list in the listing index. */
type ListFilter = { type?: StoryType; topicId?: number; personId?: number };

/**
 * The ids of every public story matching the filter, newest first. Topic and
 * person lists start from their link table's index (story_topics_topic,
 * story_authors_person): a topic holds a fraction of all stories, so sorting
 * those beats walking all 100,000 in date order and probing each.
 */
async function orderedIds({ type, topicId, personId }: ListFilter, now: number): Promise<Int32Array> {
  const db = getDb();
  const where = and(publicStory(now), type ? eq(stories.type, type) : undefined);
  const rows =
    topicId !== undefined
      ? await db.select({ id: stories.id }).from(storyTopics).innerJoin(stories, eq(stories.id, storyTopics.storyId))
        .where(and(eq(storyTopics.topicId, topicId), where)).orderBy(...newestFirst)
      : personId !== undefined
        ? await db.select({ id: stories.id }).from(storyAuthors).innerJoin(stories, eq(stories.id, storyAuthors.storyId))
          .where(and(eq(storyAuthors.personId, personId), where)).orderBy(...newestFirst)
        : await db.select({ id: stories.id }).from(stories).where(where).orderBy(...newestFirst);
  return Int32Array.from(rows, (r) => Number(r.id));
}

/** The listing index's copy of orderedIds(): rebuilt only when the database or the public set changes. */
export function publicStoryIds(filter: ListFilter): Promise<Int32Array> {
  const key = `stories:${filter.type ?? ""}:${filter.topicId ?? ""}:${filter.personId ?? ""}`;
  return memoUntilChange(key, (now) => orderedIds(filter, now), (ids) => ids.length);
}

/**
 * One page of public story cards with the total count. Page N is a slice of
 * the list's ordered ids (no OFFSET walk, no count scan) and its cards are
 * read by primary key, still through publicStory().
 */
async function pagedCards(filter: ListFilter, page: number, pageSize = PAGE_SIZE): Promise<Paged<StoryCardData>> {
  const ids = await publicStoryIds(filter);
  const safePage = clampPage(page);
  const slice = Array.from(ids.subarray((safePage - 1) * pageSize, safePage * pageSize));
  const rows = slice.length
    ? await getDb().select(cardColumns).from(stories).leftJoin(media, eq(media.id, stories.heroImageId))
      .where(and(publicStory(), inArray(stories.id, slice)))
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = slice.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toCard(row)] : [];
  });
  return { items, total: ids.length, page: safePage, pageSize, totalPages: totalPages(ids.length, pageSize) };
}

async function topicIdForSlug(slug: string): Promise<number | null> {
  return (await first(getDb().select({ id: topics.id }).from(topics).where(eq(topics.slug, slug)).limit(1)))?.id ?? null;
}

const EMPTY_PAGE = (page: number): Paged<StoryCardData> => ({ items: [], total: 0, page, pageSize: PAGE_SIZE, totalPages: 1 });

/** /news: newest first, 12 a page; type and topic filters combine. An unknown type or topic matches nothing. */
export function listStories({ type, topic, page = 1 }: { type?: string; topic?: string; page?: number } = {}) {
  return cachedQuery(["stories:list", type ?? "", topic ?? "", page], [tags.stories, tags.topics], async () => {
    if (type !== undefined && !isStoryType(type)) return EMPTY_PAGE(clampPage(page));
    const topicId = topic ? await topicIdForSlug(topic) : undefined;
    if (topicId === null) return EMPTY_PAGE(clampPage(page));
    return pagedCards({ type: type || undefined, topicId }, page);
  });
}

export function listByPerson(personId: number, page = 1) {
  return cachedQuery(["stories:by-person", personId, page], [tags.stories, tags.people], () => pagedCards({ personId }, page));
}

export function listByTopic(topicId: number, page = 1) {
  return cachedQuery(["stories:by-topic", topicId, page], [tags.stories, tags.topics], () => pagedCards({ topicId }, page));
}

/** The latest public stories, optionally of some types, optionally leaving one out (the story being read). */
export function listLatest({ types, limit = 4, excludeId }: { types?: StoryType[]; limit?: number; excludeId?: number } = {}) {
  return cachedQuery(["stories:latest", (types ?? []).join(","), limit, excludeId ?? 0], [tags.stories], async () => {
    // A short newest-first walk; no count is needed here. One type walks stories_type_public in order;
    // several test an unindexed type (SQLite's `+type`), so SQLite walks stories_public newest first and filters, instead of
    // gathering every story of those types through the type index and sorting them (5 s cold at 100,000).
    const typeTest = !types?.length ? undefined : types.length === 1 ? eq(stories.type, types[0]!) : inArray(unindexed<string>(stories.type), types);
    const where = and(publicStory(), typeTest, excludeId ? ne(stories.id, excludeId) : undefined);
    const rows = await getDb().select(cardColumns).from(stories).leftJoin(media, eq(media.id, stories.heroImageId))
      .where(where).orderBy(...newestFirst).limit(Math.min(Math.max(1, limit), 50));
    return rows.map(toCard);
  });
}

/** The editor's featured story, else the newest. */
export function getFeaturedStory() {
  return cachedQuery(["stories:featured"], [tags.stories], async (): Promise<StoryCardData | null> => {
    const row = await first(
      getDb()
        .select(cardColumns)
        .from(stories)
        .leftJoin(media, eq(media.id, stories.heroImageId))
        .where(publicStory())
        .orderBy(desc(stories.featured), ...newestFirst)
        .limit(1),
    );
    return row ? toCard(row) : null;
  });
}

const RELATED_CANDIDATES = 600;

/** Stories sharing the most topics with the given one, then newest. */
export function listRelated(storyId: number, limit = 3) {
  return cachedQuery(["stories:related", storyId, limit], [tags.stories], async () => {
    const db = getDb();
    const shared = count(storyTopics.topicId);
    const theirTopics = db.select({ id: storyTopics.topicId }).from(storyTopics).where(eq(storyTopics.storyId, storyId));
    // Rank only the most recent stories sharing a topic: with 100,000 stories a topic holds
    // thousands, and grouping them all made each uncached story page take over half a second.
    const recentSharing = db
      .select({ id: storyTopics.storyId })
      .from(storyTopics)
      .where(inArray(storyTopics.topicId, theirTopics))
      .orderBy(desc(storyTopics.storyId))
      .limit(RELATED_CANDIDATES);
    const rows = await db
      .select({ ...cardColumns, shared })
      .from(storyTopics)
      .innerJoin(stories, eq(stories.id, storyTopics.storyId))
      .leftJoin(media, eq(media.id, stories.heroImageId))
      .where(and(publicStory(), ne(stories.id, storyId), inArray(storyTopics.topicId, theirTopics), inArray(storyTopics.storyId, recentSharing)))
      // media.id too: PostgreSQL accepts the hero's columns only when its key is grouped (one hero a story, so the same groups).
      .groupBy(stories.id, media.id)
      .orderBy(desc(shared), ...newestFirst)
      .limit(Math.min(Math.max(1, limit), 20));
    return rows.map(toCard);
  });
}

/** One public story with everything its page shows, or null (draft, future, unknown…). */
export function getStoryBySlug(slug: string) {
  return cachedQuery(["stories:by-slug", slug], [tags.stories, tags.story(slug)], async (): Promise<StoryDetail | null> => {
    const db = getDb();
    const s = await first(
      db
        .select({
          id: stories.id, slug: stories.slug, type: stories.type, title: stories.title, standfirst: stories.standfirst,
          publishAt: stories.publishAt, updatedAt: stories.updatedAt, body: stories.body, seoDescription: stories.seoDescription,
          syndicationSource: stories.syndicationSource, syndicationUrl: stories.syndicationUrl,
          syndicationLicence: stories.syndicationLicence, syndicationCounterUrl: stories.syndicationCounterUrl,
          mediaUrl: stories.mediaUrl, captionsUrl: stories.captionsUrl, transcript: stories.transcript,
          republishLicence: stories.republishLicence, commentsEnabled: stories.commentsEnabled,
          heroUrl: media.url, heroAlt: media.altText, heroWidth: media.width, heroHeight: media.height,
          heroCaption: media.caption, heroCredit: media.credit,
        })
        .from(stories)
        .leftJoin(media, eq(media.id, stories.heroImageId))
        .where(and(eq(stories.slug, slug), publicStory()))
        .limit(1),
    );
    if (!s) return null;
    const authors = await listStoryAuthors(s.id);
    const storyTopicRows = await db
      .select({ id: topics.id, slug: topics.slug, name: topics.name })
      .from(storyTopics)
      .innerJoin(topics, eq(topics.id, storyTopics.topicId))
      .where(eq(storyTopics.storyId, s.id))
      .orderBy(asc(topics.name));
    return {
      id: s.id, slug: s.slug, type: s.type, title: s.title, standfirst: s.standfirst,
      publishAt: s.publishAt ?? 0, updatedAt: Math.max(s.updatedAt, s.publishAt ?? 0),
      body: s.body, seoDescription: s.seoDescription, authors, topics: storyTopicRows,
      hero: s.heroUrl
        ? { url: s.heroUrl, alt: s.heroAlt ?? "", width: s.heroWidth ?? 0, height: s.heroHeight ?? 0, caption: s.heroCaption ?? "", credit: s.heroCredit ?? "" }
        : null,
      syndication: s.syndicationSource
        ? { source: s.syndicationSource, url: s.syndicationUrl, licence: s.syndicationLicence, counterUrl: s.syndicationCounterUrl }
        : null,
      mediaUrl: s.mediaUrl, captionsUrl: s.captionsUrl, transcript: s.transcript, republishLicence: s.republishLicence, commentsEnabled: s.commentsEnabled,
    };
  });
}

/** An old slug → the story's current slug, when that story is public; else null. */
export function resolveOldSlug(oldSlug: string) {
  return cachedQuery(["stories:old-slug", oldSlug], [tags.stories, tags.story(oldSlug)], async (): Promise<string | null> => {
    const row = await first(
      getDb()
        .select({ slug: stories.slug })
        .from(slugRedirects)
        .innerJoin(stories, eq(stories.id, slugRedirects.storyId))
        .where(and(eq(slugRedirects.oldSlug, oldSlug), publicStory()))
        .limit(1),
    );
    return row && row.slug !== oldSlug ? row.slug : null;
  });
}
