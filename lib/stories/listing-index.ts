import "server-only";
import type Database from "better-sqlite3";
import { and, gt, inArray, min, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
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

const states = new WeakMap<Database.Database, State>();
const generationStatements = new WeakMap<Database.Database, Database.Statement>();

/** The story generation: what the lists read has changed whenever it has. */
function versionOf(client: Database.Database): number {
  let generation = generationStatements.get(client);
  if (!generation) {
    generation = client.prepare("select n from listing_generation where id = 1").pluck();
    generationStatements.set(client, generation);
  }
  return Number(generation.get());
}

/** The next moment the set of public stories changes with no write: a publish or an expiry time. */
function nextVisibilityChange(now: number): number {
  const db = getDb();
  // The unary + keeps SQLite on the publish_at / unpublish_at indexes: from (status, publish_at)
  // it would read every published row to find the next expiry (a second with 100,000 stories).
  const live = inArray(sql<string>`+${stories.status}`, ["published", "scheduled"]);
  const publish = db.select({ t: min(stories.publishAt) }).from(stories).where(and(live, gt(stories.publishAt, now))).get()?.t;
  const expiry = db.select({ t: min(stories.unpublishAt) }).from(stories).where(and(live, gt(stories.unpublishAt, now))).get()?.t;
  return Math.min(publish ?? Infinity, expiry ?? Infinity, now + MAX_AGE_MS);
}

function currentState(now: number, client: Database.Database): State {
  const version = versionOf(client);
  const state = states.get(client);
  if (state && state.version === version && now < state.validUntil) return state;
  const fresh: State = { version, validUntil: nextVisibilityChange(now), entries: new Map(), weight: 0 };
  states.set(client, fresh);
  return fresh;
}

/**
 * The value for `key` while the database and the public set are unchanged;
 * `build(now)` computes it otherwise. `weight` is its size in ids, for the bound.
 */
export function memoUntilChange<T>(key: string, build: (now: number) => T, weight: (value: T) => number = () => 1): T {
  const now = Date.now();
  const client = getDb().$client;
  // Inside a transaction the counter may count writes that are later rolled back, and a
  // later commit could bring it back to the same number: build, but keep nothing.
  if (client.inTransaction) return build(now);
  const state = currentState(now, client);
  const hit = state.entries.get(key);
  if (hit) {
    // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
    state.entries.delete(key);
    state.entries.set(key, hit);
    return hit.value as T;
  }
  const value = build(now);
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
