import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "@/db/client";
import { demoImages, parseStoriesArg, seed, seedSyntheticStories } from "@/db/seed";
import { writeDemoImages } from "@/db/seed/images";
import { STORY_TYPES } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { count, databaseDigest, tableCounts } from "./helpers";

// A fixed instant (a Wednesday afternoon in British summer time).
const NOW = Date.UTC(2025, 5, 18, 13, 30);
const PASSWORD = "correct horse battery staple";
const PUBLIC = "status in ('published', 'scheduled') and publish_at <= ?";

function seeded() {
  const db = openDatabase(":memory:");
  const result = seed(db, { password: PASSWORD, now: NOW, writeImages: false });
  return { db, result };
}

describe("demo seed", () => {
  const { db, result } = seeded();

  it("creates at least 60 public stories across all five types, each with authors, topics, hero and revision", () => {
    expect(result.created).toBe(true);
    expect(count(db, `select count(*) as n from stories where ${PUBLIC}`, NOW)).toBeGreaterThanOrEqual(60);
    for (const type of STORY_TYPES) {
      expect(count(db, `select count(*) as n from stories where type = ? and ${PUBLIC}`, type, NOW)).toBeGreaterThanOrEqual(5);
    }
    const oldest = count(db, "select min(publish_at) as n from stories where status = 'published'");
    expect(NOW - oldest).toBeGreaterThan(700 * 86_400_000);
    expect(NOW - oldest).toBeLessThanOrEqual(730 * 86_400_000);
    const bad = db.$client
      .prepare(
        `select s.slug from stories s where
           (select count(*) from story_authors a where a.story_id = s.id) not between 1 and 2
        or (select count(*) from story_topics t where t.story_id = s.id) not between 2 and 3
        or s.hero_image_id is null
        or (select count(*) from story_revisions r where r.story_id = s.id and r.reason = 'seed') <> 1`,
      )
      .all();
    expect(bad).toEqual([]);
    expect(count(db, "select count(*) as n from stories where featured = 1")).toBe(1);
    expect(count(db, "select count(distinct body) as n from stories")).toBe(count(db, "select count(*) as n from stories"));
  });

  it("writes expert comments with sub-headings, quotes and figures, some republished under CC BY-ND", () => {
    const bodies = db.$client.prepare("select body from stories where type = 'expert-comment'").all() as { body: string }[];
    for (const { body } of bodies) {
      expect(body).toMatch(/^## /m);
      expect(body).toMatch(/^> /m);
      expect(body).toMatch(/^!\[[^\]]+\]\(\/demo\/[a-z-]+\.svg "[^"|]+ \| Photo: [^"]+"\)$/m);
    }
    expect(count(db, "select count(*) as n from stories where type = 'expert-comment' and syndication_source is not null and syndication_url like 'https://%' and syndication_licence = 'CC BY-ND 4.0'")).toBeGreaterThanOrEqual(4);
    expect(count(db, "select count(*) as n from stories where type in ('video', 'audio') and (media_url is null or transcript is null or length(transcript) < 200)")).toBe(0);
  });

  it("creates experts, guests and topics", () => {
    expect(count(db, "select count(*) as n from people where is_guest = 0")).toBeGreaterThanOrEqual(12);
    expect(count(db, "select count(*) as n from people where is_guest = 1 and institution <> 'University of Harrowgate' and user_id is null")).toBe(2);
    expect(count(db, "select count(*) as n from people where photo_url like '/demo/portrait-%.svg' and length(bio) > 100")).toBe(count(db, "select count(*) as n from people"));
    expect(count(db, "select count(*) as n from people where available_for_media = 1")).toBeGreaterThan(0);
    expect(count(db, "select count(*) as n from topics where kind = 'faculty'")).toBe(4);
    expect(count(db, "select count(*) as n from topics where kind = 'subject'")).toBeGreaterThanOrEqual(8);
    expect(count(db, "select count(*) as n from topics where kind = 'tag'")).toBeGreaterThanOrEqual(6);
    expect(count(db, "select count(*) as n from topics where description = ''")).toBe(0);
  });

  it("creates three accounts whose passwords are stored only as argon2id hashes", async () => {
    const users = db.$client.prepare("select id, email, role, password_hash as hash from users order by id").all() as { id: number; email: string; role: string; hash: string }[];
    expect(users.map((u) => [u.email, u.role])).toEqual([
      ["admin@newsroom.test", "admin"],
      ["editor@newsroom.test", "editor"],
      ["contributor@newsroom.test", "contributor"],
    ]);
    expect(result.accounts).toEqual(users.map(({ email, role }) => ({ email, role })));
    for (const u of users) {
      expect(u.hash).toMatch(/^\$argon2id\$/);
      expect(u.hash).not.toContain(PASSWORD);
      await expect(verifyPassword(u.hash, PASSWORD)).resolves.toBe(true);
      await expect(verifyPassword(u.hash, "wrong password")).resolves.toBe(false);
    }
    const contributor = users[2] as { id: number };
    expect(count(db, "select count(*) as n from people where user_id = ?", contributor.id)).toBe(1);
  });

  it("creates 20 events, past, current and upcoming, some spanning days and some all-day", () => {
    expect(count(db, "select count(*) as n from events where status = 'published'")).toBe(20);
    expect(count(db, "select count(*) as n from events where ends_at < ?", NOW)).toBeGreaterThanOrEqual(8);
    expect(count(db, "select count(*) as n from events where starts_at > ?", NOW)).toBeGreaterThanOrEqual(10);
    expect(count(db, "select count(*) as n from events where starts_at <= ? and ends_at > ? and ends_at - starts_at > 2 * 86400000", NOW, NOW)).toBeGreaterThanOrEqual(1);
    expect(count(db, "select count(*) as n from events where ends_at - starts_at > 86400000")).toBeGreaterThanOrEqual(3);
    expect(count(db, "select count(*) as n from events where all_day = 1")).toBeGreaterThanOrEqual(2);
    expect(count(db, "select count(distinct campus) as n from events")).toBe(2);
    expect(count(db, "select count(distinct category) as n from events")).toBe(6);
    expect(count(db, "select count(*) as n from events where booking_url is not null")).toBeGreaterThan(0);
    expect(count(db, "select count(*) as n from events where booking_url is null")).toBeGreaterThan(0);
  });

  it("times events at sensible local hours in Europe/London", () => {
    const rows = db.$client.prepare("select starts_at as s from events where all_day = 0").all() as { s: number }[];
    for (const { s } of rows) {
      const hour = Number(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", hourCycle: "h23" }).format(new Date(s)));
      expect(hour).toBeGreaterThanOrEqual(9);
      expect(hour).toBeLessThanOrEqual(19);
    }
  });

  it("creates six upcoming open days, both levels and campuses, with programmes", () => {
    const days = db.$client.prepare("select id, level, campus, capacity, travel_info as travel, subjects from open_days where status = 'open' and starts_at > ?").all(NOW) as {
      id: number; level: string; campus: string; capacity: number; travel: string; subjects: string;
    }[];
    expect(days).toHaveLength(6);
    expect(days.filter((d) => d.level === "undergraduate")).toHaveLength(3);
    expect(days.filter((d) => d.level === "postgraduate")).toHaveLength(3);
    expect(new Set(days.map((d) => d.campus)).size).toBe(2);
    for (const d of days) {
      expect(d.capacity).toBeGreaterThan(0);
      expect(d.travel.length).toBeGreaterThan(50);
      expect(JSON.parse(d.subjects).length).toBeGreaterThan(2);
      const n = count(db, "select count(*) as n from open_day_sessions s join open_days o on o.id = s.open_day_id where s.open_day_id = ? and s.starts_at >= o.starts_at and s.ends_at <= o.ends_at and s.ends_at > s.starts_at", d.id);
      expect(n).toBeGreaterThanOrEqual(4);
      expect(n).toBeLessThanOrEqual(6);
    }
    expect(count(db, "select count(*) as n from open_day_sessions where capacity is not null")).toBeGreaterThan(0);
  });

  it("fills the four promo slots", () => {
    const slots = (db.$client.prepare("select slot from promos where active = 1 and image_url is not null order by slot").all() as { slot: string }[]).map((r) => r.slot);
    expect(slots).toEqual(["newspaper", "open-days", "research", "student-life"]);
  });

  it("keeps drafts, stories in review and future scheduled stories off the public site", () => {
    expect(count(db, "select count(*) as n from stories where status in ('draft', 'in-review')")).toBeGreaterThanOrEqual(2);
    expect(count(db, "select count(*) as n from stories where status = 'scheduled' and publish_at > ?", NOW)).toBeGreaterThanOrEqual(1);
    expect(count(db, `select count(*) as n from stories where status not in ('published') and ${PUBLIC}`, NOW)).toBe(0);
  });

  it("changes nothing when run a second time", () => {
    const before = { counts: tableCounts(db), digest: databaseDigest(db) };
    const again = seed(db, { password: "another password", now: NOW + 86_400_000, writeImages: false });
    expect(again).toEqual({ created: false, accounts: [] });
    expect(tableCounts(db)).toEqual(before.counts);
    expect(databaseDigest(db)).toBe(before.digest);
  });
});

describe("determinism", () => {
  it("produces identical rows for the same now (apart from salted password hashes)", () => {
    const skip = { skipColumns: { users: ["password_hash"] } };
    expect(databaseDigest(seeded().db, skip)).toBe(databaseDigest(seeded().db, skip));
  });
});

describe("synthetic stories", () => {
  it("adds exactly the number asked for, public and searchable, across batches", () => {
    const { db } = seeded();
    const before = count(db, "select count(*) as n from stories");
    const fts = count(db, "select count(*) as n from stories_fts");
    expect(seedSyntheticStories(db, 250, { now: NOW, batchSize: 100 })).toBe(250);
    expect(count(db, "select count(*) as n from stories")).toBe(before + 250);
    expect(count(db, "select count(*) as n from stories_fts")).toBe(fts + 250);
    expect(count(db, `select count(*) as n from stories where ${PUBLIC}`, NOW)).toBeGreaterThanOrEqual(before - 4 + 250);
    expect(count(db, "select count(distinct type) as n from stories where slug like '%-x%'")).toBe(5);
    expect(count(db, "select count(*) as n from stories s where not exists (select 1 from story_authors a where a.story_id = s.id)")).toBe(0);
    // The full-text trigger is back in place and the index is consistent.
    expect(count(db, "select count(*) as n from sqlite_master where type = 'trigger' and name = 'stories_fts_ai'")).toBe(1);
    expect(() => db.$client.exec("insert into stories_fts(stories_fts) values('integrity-check')")).not.toThrow();
    expect(seedSyntheticStories(db, 250, { now: NOW })).toBe(250);
    expect(count(db, "select count(*) as n from stories")).toBe(before + 500);
  });

  it("refuses an empty database and bad counts without writing", () => {
    const db = openDatabase(":memory:");
    expect(() => seedSyntheticStories(db, 10, { now: NOW })).toThrow(/demo seed first/);
    expect(() => seedSyntheticStories(db, -1, { now: NOW })).toThrow(/whole number/);
    expect(count(db, "select count(*) as n from stories")).toBe(0);
  });

  it("parses --stories", () => {
    expect(parseStoriesArg([])).toBeNull();
    expect(parseStoriesArg(["--stories", "100000"])).toBe(100000);
    expect(parseStoriesArg(["--stories=25"])).toBe(25);
    expect(() => parseStoriesArg(["--stories", "lots"])).toThrow(/whole number/);
  });
});

describe("demo images", () => {
  it("draws every image the content references, small, and writes only what changed", () => {
    const { db } = seeded();
    const files = new Set(demoImages(NOW).map((i) => i.file));
    const referenced = [
      ...(db.$client.prepare("select url from media").all() as { url: string }[]).map((r) => r.url),
      ...(db.$client.prepare("select photo_url as url from people").all() as { url: string }[]).map((r) => r.url),
      ...(db.$client.prepare("select image_url as url from promos").all() as { url: string }[]).map((r) => r.url),
      ...(db.$client.prepare("select body from stories").all() as { body: string }[]).flatMap((r) => [...r.body.matchAll(/\]\((\/demo\/[^ )]+)/g)].map((m) => m[1] as string)),
    ];
    expect(referenced.length).toBeGreaterThan(100);
    for (const url of referenced) expect(files).toContain(url.replace(/^\/demo\//, ""));
    const total = demoImages(NOW).reduce((sum, i) => sum + Buffer.byteLength(i.svg), 0);
    expect(total).toBeLessThan(1_000_000);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "seed-images-"));
    expect(writeDemoImages(demoImages(NOW), dir)).toBe(files.size);
    expect(writeDemoImages(demoImages(NOW), dir)).toBe(0);
    expect(fs.readFileSync(path.join(dir, "promo-newspaper.svg"), "utf8")).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*viewBox="0 0 1200 800"/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("gives different content for a different now (the digest notices)", () => {
    const skip = { skipColumns: { users: ["password_hash"] } };
    const other = openDatabase(":memory:");
    seed(other, { password: PASSWORD, now: NOW + 86_400_000, writeImages: false });
    expect(databaseDigest(other, skip)).not.toBe(databaseDigest(seeded().db, skip));
  });
});

describe("demo media", () => {
  it("points every video and audio story at a playable file that ships with the demo", () => {
    const db = openDatabase(":memory:");
    seed(db, { password: "pw-for-media-test", now: NOW, writeImages: false });
    const rows = db.$client.prepare("select media_url as url from stories where type in ('video','audio')").all() as { url: string }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const { url } of rows) {
      expect(fs.statSync(path.join(process.cwd(), "public", url)).size).toBeGreaterThan(1000);
    }
  });
});
