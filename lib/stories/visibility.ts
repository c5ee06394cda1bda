import "server-only";
import { and, gt, inArray, isNull, lte, or, type SQL } from "drizzle-orm";
import { unindexed } from "@/db/portable";
import { stories } from "@/db/schema";

/**
 * THE public visibility rule for stories, used by every public query
 * (lists, counts, related, most read): published or scheduled, and the
 * publish time has passed. A scheduled story therefore appears on its own
 * once its time comes (within the 60-second cache lifetime), and an expiry
 * (unpublish time) takes effect the same way, without waiting for the scheduler.
 * lib/search/public.ts repeats this rule in raw SQL (PUBLIC_STORY_SQL).
 */
export function publicStory(now: number = Date.now()): SQL {
  return and(
    // unindexed() (SQLite's unary +) keeps SQLite off status-leading indexes (stories_status_publish serves the
    // scheduler): from those it sorts every public story (a second with 100,000), while the
    // publish_at-leading ones (decision 0005) give the range and the order with no sort.
    inArray(unindexed<string>(stories.status), ["published", "scheduled"]),
    lte(stories.publishAt, now),
    or(isNull(stories.unpublishAt), gt(stories.unpublishAt, now)),
  ) as SQL;
}
