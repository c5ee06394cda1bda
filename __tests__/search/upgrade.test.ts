import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate as migrateWith } from "drizzle-orm/node-postgres/migrator";
import { Pool } from "pg";
import { isPg, openPostgres, setDb, type DB } from "@/db/client";
import { migrate } from "@/db/migrate";
import { migratePostgres } from "@/db/migrate-pg";
import { search } from "@/lib/search/public";
import { suggestQuery } from "@/lib/search/suggest";
import { createOpenDay } from "../factories";
import { freshDb } from "../helpers/db";
import { databaseUrl, fileDatabase } from "../helpers/pg-test-server";

/** Each database upgrades its own index: FTS5 tables rebuilt by db/migrate.ts, tsvector columns by db/migrations-pg. */
// Each run defines only the test of the database it runs on.
const onSqlite = (name: string, fn: () => Promise<void>) => (isPg ? undefined : it(name, fn));
const onPostgres = (name: string, fn: () => Promise<void>) => (isPg ? it(name, fn) : undefined);

/** A database made before stories.body_text and open-day search: the next start rebuilds the index (issue 11). */
onSqlite("rebuilds an old stories index over the plain-text body and indexes existing open days", async () => {
  const db = await freshDb();
  const sqlite = db.$client;
  // The previous definitions, as older databases hold them.
  sqlite.exec(`DROP TABLE stories_fts; DROP TRIGGER stories_fts_ai; DROP TRIGGER stories_fts_ad; DROP TRIGGER stories_fts_au;
    DROP TABLE open_days_fts; DROP TRIGGER open_days_fts_ai; DROP TRIGGER open_days_fts_ad; DROP TRIGGER open_days_fts_au;
    CREATE VIRTUAL TABLE stories_fts USING fts5(title, standfirst, body, content='stories', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');
    CREATE TRIGGER stories_fts_ai AFTER INSERT ON stories BEGIN
      INSERT INTO stories_fts(rowid, title, standfirst, body) VALUES (new.id, new.title, new.standfirst, new.body);
    END;`);
  sqlite
    .prepare("INSERT INTO stories (type, slug, title, body, status, publish_at) VALUES ('feature', 'old', 'Old story', ?, 'published', ?)")
    .run("## Notes\n\nA **platypus** swims past the [report](https://x.test/dugong).", Date.now() - 60_000);
  await createOpenDay({ slug: "old-day", title: "Lakeside open day" });

  migrate(db);

  expect(sqlite.prepare("SELECT body_text FROM stories WHERE slug = 'old'").get()).toEqual({ body_text: "Notes\n\nA platypus swims past the report." });
  const [hit] = (await search({ q: "platypus" })).hits;
  expect(hit?.snippetHtml).toBe("Notes A <mark>platypus</mark> swims past the report.".replace("Notes A", "Notes\n\nA"));
  expect((await search({ q: "dugong" })).total).toBe(0);
  expect((await search({ q: "lakeside" })).hits.map((h) => h.href)).toEqual(["/open-days/old-day"]);
  // A second start changes nothing and keeps the index whole.
  migrate(db);
  expect((await search({ q: "platypus" })).total).toBe(1);
});

/** The migrations folder as it was before `tag` (drizzle's migrator reads only the journal's entries). */
function migrationsBefore(tag: string): string {
  const from = path.join(process.cwd(), "db", "migrations-pg");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "newsroom-migrations-"));
  const journal = JSON.parse(fs.readFileSync(path.join(from, "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };
  const upTo = journal.entries.findIndex((e) => e.tag === tag);
  journal.entries = journal.entries.slice(0, upTo);
  fs.mkdirSync(path.join(dir, "meta"));
  fs.writeFileSync(path.join(dir, "meta", "_journal.json"), JSON.stringify(journal));
  for (const { tag: earlier } of journal.entries) fs.copyFileSync(path.join(from, `${earlier}.sql`), path.join(dir, `${earlier}.sql`));
  return dir;
}

/**
 * A database of its own, migrated up to before `tag`, for `fn` to fill and
 * upgrade (`db` is opened on it; install it with setDb once migrated).
 * Named as this run's file databases are, so the run's teardown drops it
 * should the test crash.
 */
async function withDatabaseBefore(tag: string, fn: (pool: Pool, db: DB) => Promise<void>): Promise<void> {
  const name = fileDatabase();
  const admin = new Pool({ connectionString: process.env.TEST_DATABASE_URL, max: 1 });
  await admin.query(`create database "${name}"`);
  const pool = new Pool({ connectionString: databaseUrl(name), max: 1 });
  const db = openPostgres(databaseUrl(name), 2);
  const folder = migrationsBefore(tag);
  try {
    await migrateWith(drizzle(pool), { migrationsFolder: folder });
    await fn(pool, db);
  } finally {
    setDb(undefined);
    fs.rmSync(folder, { recursive: true, force: true });
    // pool.end() resolves before the sockets have closed: the drop below may end a connection that is
    // already on its way out, which then reports it; nothing waits on those connections any more.
    for (const ended of [(db as unknown as { $client: Pool }).$client, pool]) {
      ended.removeAllListeners("error").on("error", () => undefined);
      await ended.end();
    }
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

/** A database made with 0001's search columns ('english': stop words dropped, accents kept): 0002 re-indexes the rows it finds (issue 11). */
onPostgres("re-indexes existing stories and open days with words as FTS5 reads them", () =>
  withDatabaseBefore("0002_search_words", async (pool, db) => {
    await pool.query(
      "INSERT INTO stories (type, slug, title, body_text, status, publish_at) VALUES ('feature', 'old', 'Either OR neither', $1, 'published', $2)",
      ["Notes\n\nJosé saw a platypus swim past the report.", Date.now() - 60_000],
    );
    await pool.query(
      "INSERT INTO open_days (slug, title, level, campus, starts_at, ends_at, capacity) VALUES ('old-day', 'Lakeside open day', 'undergraduate', 'City campus', $1, $2, 100)",
      [Date.now() + 86_400_000, Date.now() + 90_000_000],
    );
    const before = await pool.query<{ v: string }>("SELECT search::text AS v FROM stories WHERE slug = 'old'");
    expect(before.rows[0]?.v).not.toContain("'or'");

    await migratePostgres(pool);
    setDb(db);

    expect((await search({ q: "or" })).hits.map((h) => h.href)).toEqual(["/news/old"]);
    const [hit] = (await search({ q: "jose platypus" })).hits;
    expect(hit?.snippetHtml).toBe("Notes\n\n<mark>José</mark> saw a <mark>platypus</mark> swim past the report.");
    expect((await search({ q: "lakeside" })).hits.map((h) => h.href)).toEqual(["/open-days/old-day"]);
    // A second start changes nothing.
    await migratePostgres(pool);
    expect((await search({ q: "platypus" })).total).toBe(1);
  }),
);

/** Stories from before the term list (0003): the migration lists their words, so "Did you mean" need not wait for the first refresh. */
onPostgres("lists the words of the stories a database already holds", () =>
  withDatabaseBefore("0003_search_terms", async (pool, db) => {
    await pool.query(
      "INSERT INTO stories (type, slug, title, status, publish_at) VALUES ('feature', 'old', 'Platypus spotted downstream', 'published', $1)",
      [Date.now() - 60_000],
    );

    await migratePostgres(pool);
    setDb(db);

    expect((await pool.query("SELECT word, ndoc FROM search_terms WHERE word = 'platypus'")).rows).toEqual([{ word: "platypus", ndoc: 1 }]);
    expect((await pool.query("SELECT count(*)::integer AS n FROM search_terms_pending")).rows).toEqual([{ n: 0 }]);
    expect(await suggestQuery("platypsu")).toBe("platypus");
  }),
);
