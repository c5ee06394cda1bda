import { migrate } from "@/db/migrate";
import { search } from "@/lib/search/public";
import { createOpenDay } from "../factories";
import { freshDb } from "../helpers/db";

/** A database made before stories.body_text and open-day search: the next start rebuilds the index (issue 11). */
it("rebuilds an old stories index over the plain-text body and indexes existing open days", async () => {
  const db = freshDb();
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
  createOpenDay({ slug: "old-day", title: "Lakeside open day" });

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
