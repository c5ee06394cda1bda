import "server-only";
import { and, gt, inArray, min, sql } from "drizzle-orm";
import { dialect, first, getDb, inTransaction, rows, type DB } from "@/db/client";
import { unindexed } from "@/db/portable";
import { stories } from "@/db/schema";

/**
 * Results that change only when the database does: the ordered ids of each
 * public story list (so page 5,000 of 100,000 stories is a slice of an array,
 * not an OFFSET walk of 60,000 index entries), hence its count, and the story
 * count of every topic. Each is built once and kept while it is provably
 * current, so a reader never sees a stale list:
 *
 * - nothing the lists read has changed since it was built: triggers
 *   (migration 0006) bump listing_generation.n on every write to a story's
 *   existence, type, status, publish or expiry time, to story_topics,
 *   story_authors or topics, from any connection; view-count flushes,
 *   comments, events and promos leave it alone, so they cost no rebuild
 *   (one is an index walk, ~135–230 ms for all of /news at 100,000 stories);
 * - no publish or expiry time has passed since (publicStory() compares with
 *   the clock, so a scheduled story turns public without any write).
 *
 * Memory is bounded: at most MAX_ENTRIES lists and MAX_WEIGHT ids in all,
 * least recently used dropped first.
 * @see docs/decisions/0008-story-lists-at-volume.md
 */

const MAX_ENTRIES = 400;
const MAX_WEIGHT = 4_000_000;
/** A rebuild at least this often even with no write, in case a clock jumps. */
const MAX_AGE_MS = 10 * 60_000;

type Entry = { value: unknown; weight: number };
type State = { version: number; validUntil: number; entries: Map<string, Entry>; weight: number };

const states = new WeakMap<DB, State>();

/** The story generation: what the lists read has changed whenever it has. */
async function versionOf(db: DB): Promise<number> {
  const row = await first(rows<{ n: number | string }>(db, sql`select n from listing_generation where id = 1`));
  return Number(row?.n);
}

/** The next moment the set of public stories changes with no write: a publish or an expiry time. */
async function nextVisibilityChange(db: DB, now: number): Promise<number> {
  // unindexed() (SQLite's unary +) keeps SQLite on the publish_at / unpublish_at indexes: from (status, publish_at)
  // it would read every published row to find the next expiry (a second with 100,000 stories).
  const live = inArray(unindexed<string>(stories.status), ["published", "scheduled"]);
  const [publish, expiry] = await Promise.all([
    first(db.select({ t: min(stories.publishAt) }).from(stories).where(and(live, gt(stories.publishAt, now)))),
    first(db.select({ t: min(stories.unpublishAt) }).from(stories).where(and(live, gt(stories.unpublishAt, now)))),
  ]);
  return Math.min(publish?.t ?? Infinity, expiry?.t ?? Infinity, now + MAX_AGE_MS);
}

async function currentState(now: number, db: DB): Promise<State> {
  const version = await versionOf(db);
  const state = states.get(db);
  if (state && state.version === version && now < state.validUntil) return state;
  const fresh: State = { version, validUntil: await nextVisibilityChange(db, now), entries: new Map(), weight: 0 };
  states.set(db, fresh);
  return fresh;
}

/**
 * Inside a transaction the counter may count writes that are later rolled back, and a later
 * commit could bring it back to the same number. SQLite: every caller shares one connection,
 * so a read made while another caller's transaction is open sees its uncommitted rows too.
 */
function mayReadUncommitted(db: DB): boolean {
  return inTransaction() || (dialect === "sqlite" && db.$client.inTransaction);
}

/**
 * The value for `key` while the database and the public set are unchanged;
 * `build(now)` computes it otherwise. `weight` is its size in ids, for the bound.
 */
export async function memoUntilChange<T>(key: string, build: (now: number) => T | Promise<T>, weight: (value: T) => number = () => 1): Promise<T> {
  const now = Date.now();
  const db = getDb();
  // Build, but keep nothing, when the result could hold writes that are later rolled back.
  if (mayReadUncommitted(db)) return build(now);
  // The version is read before the build: a write committed in between makes the entry stale, never wrong.
  const state = await currentState(now, db);
  const hit = state.entries.get(key);
  if (hit) {
    // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
    state.entries.delete(key);
    state.entries.set(key, hit);
    return hit.value as T;
  }
  const value = await build(now);
  if (mayReadUncommitted(db)) return value;
  const entry = { value, weight: Math.max(1, weight(value)) };
  state.entries.set(key, entry);
  state.weight += entry.weight;
  for (const [oldKey, old] of state.entries) {
    if (state.entries.size <= MAX_ENTRIES && state.weight <= MAX_WEIGHT) break;
    if (oldKey === key) continue;
    state.entries.delete(oldKey);
    state.weight -= old.weight;
  }
  return value;
}
