import "server-only";
import { and, asc, count, eq } from "drizzle-orm";
import { first, getDb } from "@/db/client";
import { stories, storyTopics, topics, type TopicKind } from "@/db/schema";
import { cachedQuery, tags } from "@/lib/cache";
import { memoUntilChange } from "@/lib/stories/listing-index";
import { publicStory } from "@/lib/stories/visibility";

export type PublicTopic = { id: number; slug: string; name: string; kind: TopicKind; description: string };
export type TopicOption = Pick<PublicTopic, "slug" | "name" | "kind"> & { storyCount: number };

export function getTopicBySlug(slug: string) {
  return cachedQuery(["topics:by-slug", slug], [tags.topics], async (): Promise<PublicTopic | null> => {
    const row = await first(
      getDb()
        .select({ id: topics.id, slug: topics.slug, name: topics.name, kind: topics.kind, description: topics.description })
        .from(topics)
        .where(eq(topics.slug, slug))
        .limit(1),
    );
    return row ?? null;
  });
}

/** Every topic with its number of public stories (for filters and the sitemap), by name. */
export function listTopics() {
  // Counting every topic joins all story_topics rows (half a second with 100,000 stories), so the
  // counts live in the listing index until the database or the public set changes.
  return cachedQuery(["topics:list"], [tags.topics, tags.stories], (): Promise<TopicOption[]> => memoUntilChange("topics:counts", async (now) => {
    const db = getDb();
    const counts = db
      .select({ topicId: storyTopics.topicId, n: count().as("n") })
      .from(storyTopics)
      .innerJoin(stories, and(eq(stories.id, storyTopics.storyId), publicStory(now)))
      .groupBy(storyTopics.topicId)
      .as("counts");
    const rows = await db
      .select({ slug: topics.slug, name: topics.name, kind: topics.kind, n: counts.n })
      .from(topics)
      .leftJoin(counts, eq(counts.topicId, topics.id))
      .orderBy(asc(topics.name));
    return rows.map(({ n, ...t }) => ({ ...t, storyCount: Number(n ?? 0) }));
  }, (list) => list.length));
}
