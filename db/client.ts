/**
 * The database connection. One per process, opened lazily so that a test
 * can point DATABASE_PATH at its own file (or ":memory:") before first use.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "./migrate";
import { databasePathFrom } from "./paths";
import * as schema from "./schema";

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * THE transaction type: what a helper that runs inside its caller's
 * transaction takes. The database itself fits too (for a read outside one).
 */
export type Tx = Pick<DB, "select" | "selectDistinct" | "insert" | "update" | "delete" | "run" | "get" | "all">;

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

const globalForDb = globalThis as unknown as { newsroomDb?: DB };

/** The process-wide database, migrated on first use. */
export function getDb(): DB {
  globalForDb.newsroomDb ??= openDatabase(databasePathFrom(process.env));
  return globalForDb.newsroomDb;
}

/** For tests: replace the process-wide database with one of their own. */
export function setDb(db: DB | undefined): void {
  globalForDb.newsroomDb = db;
}
