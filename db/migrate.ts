import fs from "node:fs";
import path from "node:path";
import { migrate as drizzleMigrate } from "drizzle-orm/better-sqlite3/migrator";
import type Database from "better-sqlite3";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { markdownToSearchText } from "./search-text";

/**
 * Applies the drizzle-kit migrations, then the full-text search objects
 * (FTS5 tables and the triggers that keep them in step with every write),
 * which drizzle-kit cannot express. search.sql is idempotent.
 */
export function migrate(db: BetterSQLite3Database<Record<string, unknown>> & { $client: Database.Database }): void {
  const folder = migrationsFolder();
  drizzleMigrate(db, { migrationsFolder: folder });
  const searchSql = path.join(folder, "..", "search.sql");
  if (fs.existsSync(searchSql)) applySearchSql(db.$client, fs.readFileSync(searchSql, "utf8"));
}

const FTS_TABLES = ["stories_fts", "events_fts", "people_fts", "open_days_fts"] as const;

/**
 * `CREATE … IF NOT EXISTS` cannot change an existing FTS table, so a table
 * whose stored definition no longer matches search.sql is dropped with its
 * triggers first; every table created in this run is then filled from its
 * content table ('rebuild'), which also indexes rows of databases made
 * before the table existed (open days were added later). Cheap on a
 * current database: one read of sqlite_master.
 */
function applySearchSql(sqlite: Database.Database, script: string): void {
  const stored = (name: string) =>
    (sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) as { sql: string } | undefined)?.sql;
  const wanted = (name: string) => normalise(script.match(new RegExp(`CREATE VIRTUAL TABLE IF NOT EXISTS ${name} USING [^;]+`))?.[0] ?? "");
  const upgrade = sqlite.transaction(() => {
    const created: string[] = [];
    for (const name of FTS_TABLES) {
      const current = stored(name);
      if (current && normalise(current) === wanted(name)) continue;
      if (current) {
        sqlite.exec(`DROP TABLE ${name}`);
        for (const suffix of ["ai", "ad", "au"]) sqlite.exec(`DROP TRIGGER IF EXISTS ${name}_${suffix}`);
      }
      created.push(name);
    }
    if (created.includes("stories_fts")) backfillBodyText(sqlite);
    sqlite.exec(script);
    for (const name of created) sqlite.exec(`INSERT INTO ${name}(${name}) VALUES ('rebuild')`);
  });
  upgrade();
}

/** SQLite stores "CREATE VIRTUAL TABLE name USING …" without IF NOT EXISTS; compare the rest. */
function normalise(sqlText: string): string {
  return sqlText.replace(/IF NOT EXISTS\s+/i, "").replace(/\s+/g, " ").trim();
}

/** Rows written before stories.body_text existed get their plain text once, when the index is rebuilt. */
function backfillBodyText(sqlite: Database.Database): void {
  const rows = sqlite.prepare("SELECT id, body FROM stories WHERE body_text = '' AND body <> ''").all() as { id: number; body: string }[];
  const update = sqlite.prepare("UPDATE stories SET body_text = ? WHERE id = ?");
  for (const row of rows) update.run(markdownToSearchText(row.body), row.id);
}

function migrationsFolder(): string {
  // process.cwd() is the project root under next start, jest and the scripts alike.
  return path.join(process.cwd(), "db", "migrations");
}
