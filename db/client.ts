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

export function openDatabase(file: string): DB {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
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
