import { Pool } from "pg";
import { isPg, openDatabase, openPostgres, setDb, type DB } from "@/db/client";
import { databaseUrl, fileDatabase, templateDatabase } from "./pg-test-server";

/**
 * A fresh, migrated database installed as the process-wide one. SQLite: a
 * new in-memory database each call. PostgreSQL (TEST_DATABASE_URL set, npm
 * run test:pg): each test file gets its own database, cloned from the
 * migrated template that jest's global set-up made, and every call empties
 * it again (TRUNCATE … RESTART IDENTITY), so no state crosses tests or files.
 */
export async function freshDb(): Promise<DB> {
  const db = isPg ? await freshPostgres() : openDatabase(":memory:");
  setDb(db);
  return db;
}

/** Every test in the file starts on its own fresh database. */
export function freshDbPerTest(): void {
  beforeEach(async () => {
    await freshDb();
  });
}

type PgState = { name: string; db: DB; truncate: string };
const state = globalThis as unknown as { newsroomPgTest?: Promise<PgState> };

async function freshPostgres(): Promise<DB> {
  if (!state.newsroomPgTest) {
    state.newsroomPgTest = createFileDatabase();
    return (await state.newsroomPgTest).db;
  }
  const { db, truncate } = await state.newsroomPgTest;
  await poolOf(db).query(truncate);
  return db;
}

async function createFileDatabase(): Promise<PgState> {
  const name = fileDatabase();
  await withAdmin((admin) => admin.query(`create database "${name}" template "${templateDatabase()}"`));
  const db = openPostgres(databaseUrl(name), 4);
  const tables = await poolOf(db).query<{ name: string }>(
    "select tablename as name from pg_tables where schemaname = 'public' and tablename not in ('listing_generation')",
  );
  // TRUNCATE fires no row or statement triggers, so the story generation is bumped by hand: a list
  // kept in memory by one test (lib/stories/listing-index.ts) is never served to the next.
  const truncate = `truncate table ${tables.rows.map((t) => `"${t.name}"`).join(", ")} restart identity cascade; update listing_generation set n = n + 1 where id = 1`;
  return { name, db, truncate };
}

/** Ends the file's pool and drops its database (setup-tests.ts runs it after each file). */
export async function closeTestDatabase(): Promise<void> {
  if (!state.newsroomPgTest) return;
  const { name, db } = await state.newsroomPgTest;
  state.newsroomPgTest = undefined;
  setDb(undefined);
  // end() resolves before the sockets close; the forced drop below then ends them from the server's
  // side, which an idle client reports as an error event: expected here, so not an uncaught error.
  poolOf(db).removeAllListeners("error").on("error", () => undefined);
  await poolOf(db).end();
  await withAdmin((admin) => admin.query(`drop database if exists "${name}" with (force)`));
}

const poolOf = (db: DB) => (db as unknown as { $client: Pool }).$client;

async function withAdmin<T>(fn: (admin: Pool) => Promise<T>): Promise<T> {
  const admin = new Pool({ connectionString: process.env.TEST_DATABASE_URL, max: 1 });
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}
