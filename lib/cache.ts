import "server-only";
import { revalidateTag, unstable_cache } from "next/cache";

/**
 * The one way public data is cached and refreshed. Reads are wrapped with
 * tags; writes call revalidate() with the tags they touched. The 60-second
 * lifetime is what makes a scheduled story appear on time with nobody
 * present: public queries compare publishAt with the current time.
 * @see docs/decisions/0001-caching.md
 */
export const tags = {
  stories: "stories",
  story: (slug: string) => `story:${slug}`,
  people: "people",
  person: (slug: string) => `person:${slug}`,
  topics: "topics",
  events: "events",
  openDays: "open-days",
  promos: "promos",
  comments: (storyId: number) => `comments:${storyId}`,
} as const;

export const CACHE_SECONDS = 60;

export function cachedQuery<T>(keyParts: (string | number)[], tagList: string[], fn: () => T | Promise<T>): Promise<T> {
  // Jest has no incremental cache; tests exercise the query itself.
  if (process.env.NODE_ENV === "test") return Promise.resolve(fn());
  return unstable_cache(async () => fn(), keyParts.map(String), { tags: tagList, revalidate: CACHE_SECONDS })();
}

/** Marks tagged data stale so the next request re-reads it (no stale copy is served). */
export function revalidate(...tagList: string[]): void {
  if (process.env.NODE_ENV === "test") {
    revalidated.push(...tagList);
    return;
  }
  for (const tag of new Set(tagList)) {
    try {
      revalidateTag(tag, { expire: 0 });
    } catch {
      // Outside a request (the scheduler) Next has no cache context to mark;
      // the 60-second lifetime refreshes those pages instead.
    }
  }
}

/** Tags revalidated so far in a test run: tests assert on it. */
export const revalidated: string[] = [];
