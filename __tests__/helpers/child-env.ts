import { sql } from "drizzle-orm";
import { first, getDb, isPg, rows, type DB } from "@/db/client";
import { databaseUrl } from "./pg-test-server";

/**
 * What a child process started by a test adds to its environment to use the
 * test file's own database. PostgreSQL: DATABASE_URL naming the file's
 * database (helpers/db.ts clones one per file; the inherited DATABASE_URL is
 * the server's maintenance database). SQLite: nothing; the test says which
 * file (DATABASE_PATH) itself.
 */
export async function childDatabaseEnv(db: DB = getDb()): Promise<Record<string, string>> {
  if (!isPg) return {};
  const row = await first(rows<{ name: string }>(db, sql`select current_database() as name`));
  return { DATABASE_URL: databaseUrl(row!.name) };
}
