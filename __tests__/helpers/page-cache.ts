import { installPageCache } from "@/lib/page-cache/global";
import { PageCache } from "@/lib/page-cache/page-cache";

/** Tags that reached the installed page cache's purge since the last watchPageCache(). */
export const purgedTags: string[] = [];

/**
 * Installs a real page cache where lib/cache.ts revalidate() finds it (the
 * same global the production server uses) and records what it purges.
 */
export function watchPageCache(): PageCache {
  purgedTags.length = 0;
  const cache = new PageCache({ budgetBytes: 4 * 1024 * 1024, ttlMs: 60_000 });
  const purge = cache.purge.bind(cache);
  cache.purge = (tagList) => {
    purgedTags.push(...tagList);
    return purge(tagList);
  };
  installPageCache(cache);
  return cache;
}
