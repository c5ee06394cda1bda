import "server-only";
import { revalidate } from "@/lib/cache";

/**
 * A scheduled job (run by lib/scheduler.ts, listed in instrumentation.ts).
 * Jobs must be idempotent: a restart or an overlapping run must never repeat
 * an effect such as an e-mail; record what was done in the database.
 */
export type Job = {
  name: string;
  /** May return a Promise (any database work does); the scheduler awaits it before the next job. */
  run: (now: number) => unknown;
  /** How often it runs; 30 s unless said. Checks that keep public pages on time run twice a second, so a change is live within a second even on a busy machine. */
  everyMs?: number;
  /** With several instances, run by one at a time (db/client.ts runExclusive): jobs that write or send. Boundary jobs purge each instance's own cache, so run everywhere. */
  once?: boolean;
};

/**
 * A job that purges `tagList` when a time boundary (a start, an end, a
 * closing time) has passed since its last run: public queries compare times
 * with the clock, so the page changes then although no row did. `passed` is
 * a cheap indexed EXISTS over (from, to].
 */
export function boundaryJob(name: string, tagList: string[], passed: (from: number, to: number) => Promise<boolean>, startedAt = Date.now()): Job {
  let last = startedAt;
  return {
    name,
    everyMs: 500,
    run: async (now) => {
      if (now <= last) return;
      const from = last;
      last = now;
      if (await passed(from, now)) revalidate(...tagList);
    },
  };
}
