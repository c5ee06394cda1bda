import "server-only";
import { and, eq, exists, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { people, stories, storyAuthors } from "@/db/schema";
import { publicStory } from "@/lib/stories/visibility";

/**
 * THE rule for which experts are public: staff experts always, guest
 * experts only once they have a public story, so a draft never exposes a
 * name early. (lib/search/public.ts states the same rule in raw FTS SQL.)
 */
export function listedExpert(now: number = Date.now()): SQL {
  const hasPublicStory = exists(
    getDb()
      .select({ one: sql`1` })
      .from(storyAuthors)
      .innerJoin(stories, eq(stories.id, storyAuthors.storyId))
      .where(and(eq(storyAuthors.personId, people.id), publicStory(now))),
  );
  return or(eq(people.isGuest, false), hasPublicStory) as SQL;
}
