import fs from "node:fs";
import path from "node:path";
import { migrate as drizzleMigrate } from "drizzle-orm/better-sqlite3/migrator";
import type Database from "better-sqlite3";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";

/**
 * Applies the drizzle-kit migrations, then the full-text search objects
 * (FTS5 tables and the triggers that keep them in step with every write),
 * which drizzle-kit cannot express. search.sql is idempotent.
 */
export function migrate(db: BetterSQLite3Database<Record<string, unknown>> & { $client: Database.Database }): void {
  const folder = migrationsFolder();
  drizzleMigrate(db, { migrationsFolder: folder });
  const searchSql = path.join(folder, "..", "search.sql");
  if (fs.existsSync(searchSql)) db.$client.exec(fs.readFileSync(searchSql, "utf8"));
}

function migrationsFolder(): string {
  // process.cwd() is the project root under next start, jest and the scripts alike.
  return path.join(process.cwd(), "db", "migrations");
}
