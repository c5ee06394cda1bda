import "server-only";
import { currentPageCache, currentPurgeBroadcast } from "@/lib/page-cache/global";

/**
 * The one way public output is refreshed. Reads name the tags of what they
 * return; writes call revalidate() with the tags they touched, which purges
 * every cached page showing that content (lib/page-cache, served by
 * scripts/server.ts) at once, from a request or from the scheduler alike.
 *
 * There is no data cache under the page cache: a miss renders from SQLite
 * directly (a few milliseconds a page with the indexes in db/schema.ts), so
 * there is only one copy to keep fresh.
 * @see docs/decisions/0006-page-cache.md
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

/**
 * A tagged public read. The key and tags document what the result depends
 * on; the page cache, not this function, keeps rendered pages (tags by route
 * in lib/page-cache/key.ts must cover the tags of the reads a page makes).
 */
export function cachedQuery<T>(_keyParts: (string | number)[], _tagList: string[], fn: () => T | Promise<T>): Promise<T> {
  try {
    return Promise.resolve(fn());
  } catch (error) {
    return Promise.reject(error as Error);
  }
}

/**
 * Purges every cached page showing any of these tags; the next request
 * renders afresh. With several instances (REDIS_URL) the purge is also
 * broadcast, so every instance and the proxy in front drop those pages too.
 */
export function revalidate(...tagList: string[]): void {
  const unique = [...new Set(tagList)];
  currentPageCache()?.purge(unique);
  currentPurgeBroadcast()?.(unique);
}
