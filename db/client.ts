/**
 * The database connection: SQLite (better-sqlite3) by default, PostgreSQL
 * (node-postgres) when DATABASE_URL is a postgres:// URL. One per process,
 * opened lazily so that a test can point DATABASE_PATH at its own file (or
 * ":memory:") before first use.
 *
 * Code above db/ sees one API whatever the database: every query is awaited
 * (drizzle's builders are promises on both), writes that belong together go
 * through transaction(), and raw SQL through rows()/exec(). The types are
 * those of the SQLite schema; db/schema.ts builds the same tables with
 * PostgreSQL columns when that is the database (docs/decisions/0011-two-databases.md).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { sql, type SQL } from "drizzle-orm";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { drizzle as drizzlePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import { dialect } from "./dialect";
import { migrate } from "./migrate";
import { migratePostgres } from "./migrate-pg";
import { databasePathFrom } from "./paths";
import * as schema from "./schema";

export { dialect, isPg } from "./dialect";

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * THE transaction type: what a helper that runs inside its caller's
 * transaction takes. The database itself fits too (for a read outside one).
 */
export type Tx = Pick<DB, "select" | "selectDistinct" | "insert" | "update" | "delete">;

/** Distinct SQL texts kept prepared per connection (lists with IN (…) of varying length make new texts). */
const KEPT_STATEMENTS = 500;

/**
 * Drizzle prepares every query afresh (sqlite3_prepare on each call: a few
 * per cent of an uncached page render). The connection keeps the last
 * KEPT_STATEMENTS statements by SQL text and hands the same one out again,
 * back in its default mode (drizzle switches statements to raw mode; a
 * caller may pluck), so a kept statement behaves like a fresh one. Safe
 * because better-sqlite3 runs a statement to completion inside each call;
 * nothing here iterates a statement lazily.
 */
function keepStatements(sqlite: Database.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const kept = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    let stmt = kept.get(source);
    if (stmt) {
      kept.delete(source);
      if (stmt.reader) stmt.raw(false).pluck(false).expand(false);
    } else {
      stmt = prepare(source);
      if (kept.size >= KEPT_STATEMENTS) kept.delete(kept.keys().next().value!);
    }
    kept.set(source, stmt);
    return stmt;
  }) as typeof sqlite.prepare;
}

export function openDatabase(file: string): DB {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  keepStatements(sqlite);
  const db = drizzle(sqlite, { schema }) as DB;
  migrate(db);
  return db;
}

/** A PostgreSQL pool behind the same API; migrations are applied by db/migrate-pg.ts (npm start, db:migrate, the test set-up). */
export function openPostgres(url: string, max = Number(process.env.DATABASE_POOL_SIZE) || 10): DB {
  const pool = new Pool({ connectionString: url, max });
  // An idle connection the server drops (a restart, a failover) is an error event on the pool: log it
  // and let the pool open another, rather than the unhandled event ending the process.
  pool.on("error", (error) => console.error("[db] idle PostgreSQL connection lost:", error.message));
  return drizzlePg(pool, { schema: schema as never }) as unknown as DB;
}

/**
 * The configured database, migrated and ready, for the scripts (npm start's
 * preparation, db:migrate, db:seed): PostgreSQL when DATABASE_URL is a
 * postgres:// URL (migrations under an advisory lock, so instances starting
 * together migrate once), otherwise the SQLite file.
 */
export async function openConfigured(sqlitePath: string = databasePathFrom(process.env)): Promise<DB> {
  if (dialect === "sqlite") return openDatabase(sqlitePath);
  const db = openPostgres(process.env.DATABASE_URL!, 4);
  await migratePostgres(poolOf(db));
  return db;
}

/** Closes what openDatabase/openPostgres/openConfigured opened (SQLite: the file; PostgreSQL: the pool). */
export async function closeDatabase(db: DB): Promise<void> {
  if (dialect === "pg") await poolOf(db).end();
  else db.$client.close();
}

const poolOf = (db: DB) => db.$client as unknown as Pool;

/** Where the configured database lives, for messages: the PostgreSQL URL without its password, or the SQLite file. */
export function databaseLabel(sqlitePath: string = databasePathFrom(process.env)): string {
  if (dialect === "sqlite") return sqlitePath;
  const url = new URL(process.env.DATABASE_URL!);
  if (url.password) url.password = "***";
  return url.toString();
}

const globalForDb = globalThis as unknown as { newsroomDb?: DB };

/** The process-wide database (SQLite: migrated on first use). */
export function getDb(): DB {
  globalForDb.newsroomDb ??= dialect === "pg" ? openPostgres(process.env.DATABASE_URL!) : openDatabase(databasePathFrom(process.env));
  return globalForDb.newsroomDb;
}

/** For tests: replace the process-wide database with one of their own. */
export function setDb(db: DB | undefined): void {
  globalForDb.newsroomDb = db;
}

const pgOf = (db: Tx) => db as unknown as NodePgDatabase<Record<string, unknown>>;

// ─── transactions ───────────────────────────────────────────────────────────

const current = new AsyncLocalStorage<Tx>();
/** Set inside readSnapshot(), where transaction() is refused. */
const snapshots = new AsyncLocalStorage<true>();
/** SQLite: one transaction at a time per connection; the next waits its turn. */
const turns = new WeakMap<object, Promise<unknown>>();

/**
 * Runs `fn` in one transaction: all of it commits or none does. A call made
 * inside another transaction joins it. SQLite: BEGIN IMMEDIATE takes the
 * write lock first, so a count read inside cannot go stale before the write
 * (other processes wait on busy_timeout). PostgreSQL: READ COMMITTED, so a
 * rule that counts rows must lock what it counts (lockForUpdate()).
 */
export async function transaction<T>(fn: (tx: Tx) => Promise<T>, db: DB = getDb()): Promise<T> {
  // Joining would write inside a read-only snapshot: PostgreSQL refuses it, SQLite may fail with BUSY_SNAPSHOT.
  if (snapshots.getStore()) throw new Error("transaction() inside readSnapshot(): a snapshot only reads");
  const outer = current.getStore();
  if (outer) return fn(outer);
  if (dialect === "pg") return pgOf(db).transaction((tx) => current.run(tx as unknown as Tx, () => fn(tx as unknown as Tx)));
  return sqliteTransaction("BEGIN IMMEDIATE", fn, db);
}

/**
 * Runs `fn` on one consistent view of the database: everything it reads is
 * as of its first read, whatever commits meanwhile (an export that reads
 * table by table sees no story without its revisions). Writes elsewhere carry
 * on. PostgreSQL: REPEATABLE READ, READ ONLY, on one connection. SQLite: a
 * deferred transaction, which in WAL mode reads one snapshot without taking
 * the write lock.
 */
export async function readSnapshot<T>(fn: (tx: Tx) => Promise<T>, db: DB = getDb()): Promise<T> {
  const read = (tx: Tx) => snapshots.run(true, () => current.run(tx, () => fn(tx)));
  if (dialect === "pg") {
    return pgOf(db).transaction((tx) => read(tx as unknown as Tx), { isolationLevel: "repeatable read", accessMode: "read only" });
  }
  return sqliteTransaction("BEGIN DEFERRED", read, db);
}

function sqliteTransaction<T>(begin: "BEGIN IMMEDIATE" | "BEGIN DEFERRED", fn: (tx: Tx) => Promise<T>, db: DB): Promise<T> {
  const previous = turns.get(db) ?? Promise.resolve();
  const mine = previous.then(async () => {
    db.$client.exec(begin);
    try {
      const result = await current.run(db, () => fn(db));
      db.$client.exec("COMMIT");
      return result;
    } catch (error) {
      if (db.$client.inTransaction) db.$client.exec("ROLLBACK");
      throw error;
    }
  });
  turns.set(db, mine.catch(() => undefined));
  return mine;
}

/** True inside transaction(): results read here may not be committed yet, so are not kept. */
export function inTransaction(): boolean {
  return current.getStore() !== undefined;
}

/**
 * PostgreSQL: locks the rows a rule counts (SELECT … FOR UPDATE) until the
 * transaction ends, so two bookings for one open day run one after the
 * other. SQLite: nothing to do; BEGIN IMMEDIATE already holds the only write lock.
 */
export async function lockForUpdate(tx: Tx, query: SQL): Promise<void> {
  if (dialect === "pg") await pgOf(tx).execute(query);
}

/**
 * Runs `fn` only if no other instance is running the job of this name
 * (PostgreSQL: a session advisory lock on a connection of its own, so an
 * instance killed mid-job drops the lock with its connection and the next
 * tick anywhere takes the job). Returns false when another instance holds it.
 * SQLite has one server process, whose scheduler runs one job at a time.
 */
export async function runExclusive(name: string, fn: () => Promise<unknown>, db: DB = getDb()): Promise<boolean> {
  if (dialect === "sqlite") {
    await fn();
    return true;
  }
  const client = await poolOf(db).connect();
  try {
    const { rows: [lock] } = await client.query<{ ok: boolean }>("select pg_try_advisory_lock(hashtext($1)) as ok", [`newsroom-job:${name}`]);
    if (!lock?.ok) return false;
    try {
      await fn();
    } finally {
      await client.query("select pg_advisory_unlock(hashtext($1))", [`newsroom-job:${name}`]);
    }
    return true;
  } finally {
    client.release();
  }
}

// ─── small helpers ──────────────────────────────────────────────────────────

/** The first row of a query, or undefined (add .limit(1) to a select that could return many). */
export async function first<T>(query: PromiseLike<T[]>): Promise<T | undefined> {
  return (await query)[0];
}

/** Rows of a raw SQL query. */
export async function rows<T>(db: Tx, query: SQL): Promise<T[]> {
  if (dialect === "pg") return (await pgOf(db).execute(query)).rows as T[];
  return (db as DB).all<T>(query);
}

/** Runs a raw SQL statement. */
export async function exec(db: Tx, query: SQL): Promise<void> {
  if (dialect === "pg") await pgOf(db).execute(query);
  else (db as DB).run(query);
}

/**
 * Refreshes PostgreSQL's planner statistics after a bulk load (a seed, an
 * import). Until autovacuum reaches a freshly filled table, the planner
 * guesses: at 10,000 stories it expected 29 public ones, so the home page's
 * newest-first reads sorted every story (10–13 ms each) instead of walking an
 * index (about 1 ms). SQLite: nothing to do; its plans are fixed by the indexes
 * and the unindexed() hints (db/portable.ts), and an ANALYZE there could move them.
 */
export async function refreshPlannerStatistics(db: DB = getDb()): Promise<void> {
  if (dialect === "pg") await exec(db, sql`ANALYZE`);
}
