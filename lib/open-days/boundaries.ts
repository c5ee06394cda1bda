import "server-only";
import { and, gt, lte, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { openDays } from "@/db/schema";
import { tags } from "@/lib/cache";
import { boundaryJob, type Job } from "@/lib/job";

/**
 * An open day stopped taking registrations (it started: lib/open-days/public.ts
 * "bookable") or ended in (from, to]: the finder and its page change then.
 */
export function openDayBoundaryPassed(from: number, to: number): boolean {
  return (
    getDb()
      .select({ one: sql`1` })
      .from(openDays)
      .where(or(and(gt(openDays.startsAt, from), lte(openDays.startsAt, to)), and(gt(openDays.endsAt, from), lte(openDays.endsAt, to))))
      .limit(1)
      .get() !== undefined
  );
}

export const openDayBoundaryJobs: Job[] = [boundaryJob("open-days.boundaries", [tags.openDays], openDayBoundaryPassed)];
