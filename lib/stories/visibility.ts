import "server-only";
import { and, inArray, lte, type SQL } from "drizzle-orm";
import { stories } from "@/db/schema";

/**
 * THE public visibility rule for stories, used by every public query
 * (lists, counts, related, most read): published or scheduled, and the
 * publish time has passed. A scheduled story therefore appears on its own
 * once its time comes (within the 60-second cache lifetime).
 */
export function publicStory(now: number = Date.now()): SQL {
  return and(inArray(stories.status, ["published", "scheduled"]), lte(stories.publishAt, now)) as SQL;
}
