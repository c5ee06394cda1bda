import "server-only";
import { sql } from "drizzle-orm";
import { exec, first, getDb, isPg, rows, runExclusive, transaction, type DB } from "@/db/client";
import type { Job } from "@/lib/job";

/**
 * Brings PostgreSQL's term list (search_terms, db/migrations-pg/0003) up to
 * date with the stories written since its last refresh, and forgets those
 * stories (search_terms_pending). Returns false when none were written, so a
 * quiet site pays nothing. SQLite's fts5vocab is always in step: nothing to do.
 *
 * Refreshed here, by a job, rather than on a reader's request: the refresh is
 * a ts_stat over every story (seconds at 100,000), and until it runs
 * suggest.ts reads the stories written since from the pending list, so a
 * reader never waits for it and never misses a new word. The interval only
 * bounds how many stories that request-time ts_stat reads.
 *
 * The DELETE reads the pending rows committed so far; the REFRESH, a later
 * statement of the same transaction, sees at least those stories, so a row is
 * forgotten only once the view holds its story. Rows committed meanwhile stay
 * for the next run. CONCURRENTLY: readers keep the old list meanwhile.
 */
export async function refreshSearchTerms(db: DB = getDb()): Promise<boolean> {
  if (!isPg) return false;
  return transaction(async (tx) => {
    const pending = await first(rows<{ any: boolean }>(tx, sql`SELECT EXISTS (SELECT 1 FROM search_terms_pending) AS any`));
    if (!pending?.any) return false;
    await exec(tx, sql`DELETE FROM search_terms_pending`);
    await exec(tx, sql`REFRESH MATERIALIZED VIEW CONCURRENTLY search_terms`);
    return true;
  }, db);
}

const REFRESH = "search.refresh-terms";
let refreshing: Promise<void> | undefined;

/**
 * The job's refresh, by one instance at a time (runExclusive: what `once`
 * does, taken here), and at most one at a time per process: a call while a
 * refresh is going joins it. The job does not await it: at 100,000 stories a
 * refresh takes ~2.6 s, and the scheduler runs its jobs one after another,
 * so awaiting would hold back the twice-a-second publish and boundary jobs
 * that keep public pages on time.
 */
export function refreshSearchTermsInBackground(): Promise<void> {
  refreshing ??= runExclusive(REFRESH, () => refreshSearchTerms())
    .then(
      () => undefined,
      (error: unknown) => console.error(`[scheduler] ${REFRESH} failed:`, error),
    )
    .finally(() => {
      refreshing = undefined;
    });
  return refreshing;
}

/** Every few minutes; at start too (the scheduler's first tick), so after a seed or an import. */
export const searchJobs: Job[] = isPg
  ? [
      {
        name: REFRESH,
        everyMs: 5 * 60_000,
        run: () => {
          void refreshSearchTermsInBackground();
        },
      },
    ]
  : [];
