import { sql } from "drizzle-orm";
import { isPg, rows, type DB } from "@/db/client";
import { seed } from "@/db/seed";
import { dayKey } from "@/lib/dates";
import { mostReadThisWeek } from "@/lib/stories/views";
import { freshDb } from "../helpers/db";
import { count } from "./helpers";

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 18, 13, 30);

/** The UTC day before a story's publication, as YYYY-MM-DD. */
const DAY_BEFORE_PUBLICATION = isPg
  ? sql`to_char((to_timestamp(s.publish_at / 1000) at time zone 'UTC') - interval '1 day', 'YYYY-MM-DD')`
  : sql`strftime('%Y-%m-%d', s.publish_at / 1000, 'unixepoch', '-1 day')`;

/** "Most read this week" shows a real list on a fresh demo (issue 11). */
describe("seeded reads", () => {
  let db: DB;
  beforeAll(async () => {
    db = await freshDb();
    await seed(db, { password: "correct horse battery staple", now: NOW, writeImages: false });
  });

  it("counts views on each of the last seven days for public stories only, never before publication", async () => {
    const days = (await rows<{ day: string }>(db, sql`select distinct day from story_views order by day`)).map((r) => r.day);
    expect(days).toEqual(Array.from({ length: 7 }, (_, i) => dayKey(NOW - (6 - i) * DAY)));
    expect(await count(db, sql`select count(distinct story_id) as n from story_views`)).toBeGreaterThanOrEqual(10);
    expect(await count(db, sql`select count(*) as n from story_views v join stories s on s.id = v.story_id where s.status not in ('published', 'scheduled') or s.publish_at > ${NOW}`)).toBe(0);
    expect(await count(db, sql`select count(*) as n from story_views v join stories s on s.id = v.story_id where v.day < ${DAY_BEFORE_PUBLICATION}`)).toBe(0);
    expect(await count(db, sql`select count(*) as n from story_views where views < 1 or views > 5000 or republish_views > views`)).toBe(0);
  });

  it("fills the home page's most-read list", async () => {
    const live = await freshDb();
    await seed(live, { password: "correct horse battery staple", now: Date.now(), writeImages: false });
    const list = await mostReadThisWeek(5);
    expect(list).toHaveLength(5);
    const views = list.map((s) => s.views);
    expect(views).toEqual([...views].sort((a, b) => b - a));
    expect(new Set(views).size).toBeGreaterThan(1);
  });
});
