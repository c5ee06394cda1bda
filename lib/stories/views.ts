import "server-only";
import { and, desc, eq, gte, sql, sum } from "drizzle-orm";
import { first, getDb, transaction } from "@/db/client";
import { media, stories, storyViews } from "@/db/schema";
import { cachedQuery, tags } from "@/lib/cache";
import { dayKey } from "@/lib/dates";
import type { StoryCardData } from "@/lib/stories/public";
import { publicStory } from "@/lib/stories/visibility";
import { pingOutletCounter } from "@/lib/syndication/counter";

/**
 * Read counts for "most read this week" and republication counts, kept as
 * one row per story per day (site time zone). Counted on the server: no
 * cookies, no visitor identifiers, no third-party scripts.
 */

/** At most this many outlet-counter loads per story per batch, so a traffic spike never floods an outlet. */
const MAX_PINGS_PER_BATCH = 50;

async function bump(storyId: number, column: "views" | "republishViews"): Promise<void> {
  const day = dayKey(Date.now());
  const target = storyViews[column];
  await getDb()
    .insert(storyViews)
    .values({ storyId, day, [column]: 1 })
    .onConflictDoUpdate({ target: [storyViews.storyId, storyViews.day], set: { [column]: sql`${target} + 1` } });
}

export async function recordView(storyId: number): Promise<void> {
  await bump(storyId, "views");
}

/**
 * Views counted by the server (scripts/server.ts) for story pages sent to
 * readers, cached or not, gathered by slug and written in one transaction.
 * A republished story's outlet counter is loaded once per view here, as the
 * page did before it was cached (docs/decisions/0004-syndication-counter.md).
 */
export async function recordViews(counts: ReadonlyMap<string, number>, now: number = Date.now()): Promise<void> {
  const day = dayKey(now);
  const pings: string[] = [];
  await transaction(async (tx) => {
    for (const [slug, n] of counts) {
      if (n <= 0) continue;
      const story = await first(tx.select({ id: stories.id, counterUrl: stories.syndicationCounterUrl }).from(stories).where(eq(stories.slug, slug)).limit(1));
      if (!story) continue;
      await tx.insert(storyViews)
        .values({ storyId: story.id, day, views: n })
        .onConflictDoUpdate({ target: [storyViews.storyId, storyViews.day], set: { views: sql`${storyViews.views} + ${n}` } });
      if (story.counterUrl) for (let i = 0; i < Math.min(n, MAX_PINGS_PER_BATCH); i++) pings.push(story.counterUrl);
    }
  });
  for (const url of pings) void pingOutletCounter(url);
}

/** Called by the 1×1 counter image embedded in republished copies. */
export async function recordRepublishView(storyId: number): Promise<void> {
  await bump(storyId, "republishViews");
}

export type MostRead = StoryCardData & { views: number };

/** The most-read public stories over the last seven days (today included). */
export function mostReadThisWeek(limit = 5) {
  return cachedQuery(["stories:most-read", limit], [tags.stories], async (): Promise<MostRead[]> => {
    const since = dayKey(Date.now() - 6 * 24 * 3_600_000);
    const views = sum(storyViews.views).mapWith(Number);
    const rows = await getDb()
      .select({
        id: stories.id, slug: stories.slug, type: stories.type, title: stories.title, standfirst: stories.standfirst,
        publishAt: stories.publishAt, imageUrl: media.url, imageAlt: media.altText, imageWidth: media.width,
        imageHeight: media.height, views,
      })
      .from(storyViews)
      .innerJoin(stories, eq(stories.id, storyViews.storyId))
      .leftJoin(media, eq(media.id, stories.heroImageId))
      .where(and(gte(storyViews.day, since), publicStory()))
      // media.id too: PostgreSQL accepts the hero's columns only when its key is grouped (one hero a story, so the same groups).
      .groupBy(stories.id, media.id)
      .having(sql`${views} > 0`)
      .orderBy(desc(views), desc(stories.publishAt))
      .limit(Math.min(Math.max(1, limit), 20));
    return rows.map((r) => ({
      id: r.id, slug: r.slug, type: r.type, title: r.title, standfirst: r.standfirst, publishAt: r.publishAt ?? 0,
      image: r.imageUrl ? { url: r.imageUrl, alt: r.imageAlt ?? "", width: r.imageWidth ?? 0, height: r.imageHeight ?? 0 } : null,
      views: r.views,
    }));
  });
}

/** Totals for one story (editors see these beside the story). */
export async function viewTotals(storyId: number): Promise<{ views: number; republishViews: number }> {
  const row = await first(
    getDb()
      .select({ views: sum(storyViews.views).mapWith(Number), republishViews: sum(storyViews.republishViews).mapWith(Number) })
      .from(storyViews)
      .where(eq(storyViews.storyId, storyId)),
  );
  return { views: row?.views ?? 0, republishViews: row?.republishViews ?? 0 };
}
