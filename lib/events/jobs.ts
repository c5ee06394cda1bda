import "server-only";
import { and, gt, inArray, lte, or, sql } from "drizzle-orm";
import { first, getDb } from "@/db/client";
import { events } from "@/db/schema";
import { tags } from "@/lib/cache";
import { boundaryJob, type Job } from "@/lib/job";

/**
 * An event started ("on now") or ended (off the upcoming lists, onto
 * ?when=past) in (from, to]. Uses the (status, starts_at) and
 * (status, ends_at) indexes.
 */
export async function eventBoundaryPassed(from: number, to: number): Promise<boolean> {
  const visible = inArray(events.status, ["published", "cancelled"]);
  return (
    (await first(
      getDb()
        .select({ one: sql`1` })
        .from(events)
        .where(and(visible, or(and(gt(events.startsAt, from), lte(events.startsAt, to)), and(gt(events.endsAt, from), lte(events.endsAt, to)))))
        .limit(1),
    )) !== undefined
  );
}

export const eventJobs: Job[] = [boundaryJob("events.boundaries", [tags.events], eventBoundaryPassed)];
