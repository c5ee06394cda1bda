import { count, desc, eq, sql, type SQL } from "drizzle-orm";
import { closeDatabase, first, isPg, openDatabase, openPostgres, rows, setDb, type DB } from "@/db/client";
import { seed, seedSyntheticStories } from "@/db/seed";
import { stories, storyAuthors, storyTopics, topics } from "@/db/schema";
import { listByPerson, listByTopic, listStories } from "@/lib/stories/public";
import { listTopics } from "@/lib/topics/public";
import { PAGE_SIZE } from "@/lib/pagination";
import { createStory } from "../factories";
import { childDatabaseEnv } from "../helpers/child-env";
import { freshDb } from "../helpers/db";

/**
 * Story lists page through the listing index (lib/stories/listing-index.ts)
 * instead of OFFSET: every page must equal what a plain OFFSET query gives,
 * and the index must never serve a list the database no longer matches.
 */

const MINUTE = 60_000;
const PUBLIC = (now: number) => sql`s.status in ('published', 'scheduled') and s.publish_at <= ${now} and (s.unpublish_at is null or s.unpublish_at > ${now})`;

let db: DB;
const progress: [number, number][] = [];

beforeAll(async () => {
  db = await freshDb();
  const now = Date.now();
  await seed(db, { password: "pagination test password", now, writeImages: false });
  await seedSyntheticStories(db, 700, { now, batchSize: 250, onProgress: (done, total) => progress.push([done, total]) });
});
afterEach(() => {
  jest.restoreAllMocks();
});

/** The reference: ids of page N by plain OFFSET, and the total by count(*) (PostgreSQL: bigints, read as strings). */
async function byOffset(from: string, where: SQL, page: number) {
  const found = sql`from ${sql.raw(from)} where ${PUBLIC(Date.now())} and ${where}`;
  const ids = await rows<{ id: number | string }>(db, sql`select s.id ${found} order by s.publish_at desc, s.id desc limit ${PAGE_SIZE} offset ${(page - 1) * PAGE_SIZE}`);
  const total = await first(rows<{ n: number | string }>(db, sql`select count(*) as n ${found}`));
  return { ids: ids.map((r) => Number(r.id)), total: Number(total!.n) };
}

async function expectEveryPageToMatch(
  list: (page: number) => Promise<{ items: { id: number }[]; total: number; totalPages: number }>,
  reference: (page: number) => Promise<{ ids: number[]; total: number }>,
) {
  const first = await list(1);
  expect(first.total).toBe((await reference(1)).total);
  expect(first.total).toBeGreaterThan(PAGE_SIZE);
  // One past the end too: empty in both.
  for (let page = 1; page <= first.totalPages + 1; page++) {
    const got = await list(page);
    const want = await reference(page);
    expect({ page, ids: got.items.map((s) => s.id), total: got.total }).toEqual({ page, ids: want.ids, total: want.total });
  }
}

describe("seeding synthetic stories", () => {
  it("reports progress after each batch", () => {
    expect(progress).toEqual([[250, 700], [500, 700], [700, 700]]);
  });
});

describe("every page equals the same page by OFFSET", () => {
  it("/news, unfiltered", async () => {
    await expectEveryPageToMatch((page) => listStories({ page }), (page) => byOffset("stories s", sql`true`, page));
  });

  it("/news?type=", async () => {
    await expectEveryPageToMatch(
      (page) => listStories({ type: "feature", page }),
      (page) => byOffset("stories s", sql`s.type = ${"feature"}`, page),
    );
  });

  it("/news?topic= and type + topic", async () => {
    const [topic] = await db
      .select({ id: topics.id, slug: topics.slug })
      .from(topics)
      .innerJoin(storyTopics, eq(storyTopics.topicId, topics.id))
      .groupBy(topics.id)
      .orderBy(desc(count()))
      .limit(1);
    const onTopic = "story_topics st join stories s on s.id = st.story_id";
    await expectEveryPageToMatch((page) => listStories({ topic: topic!.slug, page }), (page) => byOffset(onTopic, sql`st.topic_id = ${topic!.id}`, page));
    await expectEveryPageToMatch(
      (page) => listStories({ type: "news-release", topic: topic!.slug, page }),
      (page) => byOffset(onTopic, sql`st.topic_id = ${topic!.id} and s.type = ${"news-release"}`, page),
    );
    await expectEveryPageToMatch((page) => listByTopic(topic!.id, page), (page) => byOffset(onTopic, sql`st.topic_id = ${topic!.id}`, page));
  });

  it("an expert's stories", async () => {
    const [person] = await db.select({ id: storyAuthors.personId }).from(storyAuthors).groupBy(storyAuthors.personId).orderBy(desc(count())).limit(1);
    await expectEveryPageToMatch(
      (page) => listByPerson(person!.id, page),
      (page) => byOffset("story_authors sa join stories s on s.id = sa.story_id", sql`sa.person_id = ${person!.id}`, page),
    );
  });

  it("an unknown topic or type matches nothing", async () => {
    expect((await listStories({ topic: "no-such-topic" })).total).toBe(0);
    expect((await listStories({ type: "podcast" })).total).toBe(0);
  });
});

describe("the listing index never serves a stale list", () => {
  it("a story published now is first on page 1 and counted; unpublished, it is gone", async () => {
    const before = await listStories({ page: 1 });
    const before500 = (await listTopics()).reduce((n, t) => n + t.storyCount, 0);
    const story = await createStory({ title: "Just published", publishAt: Date.now() - 1000 });
    const after = await listStories({ page: 1 });
    expect(after.items[0]?.id).toBe(story.id);
    expect(after.total).toBe(before.total + 1);
    // The previous page 1's last story moved to page 2.
    expect((await listStories({ page: 2 })).items[0]?.id).toBe(before.items[PAGE_SIZE - 1]?.id);

    await db.update(stories).set({ status: "unpublished" }).where(eq(stories.id, story.id));
    const gone = await listStories({ page: 1 });
    expect(gone.items.map((s) => s.id)).not.toContain(story.id);
    expect(gone.total).toBe(before.total);
    expect((await listTopics()).reduce((n, t) => n + t.storyCount, 0)).toBe(before500);
  });

  it("a scheduled story appears when its time comes, with no write in between", async () => {
    const start = Date.now();
    const story = await createStory({ title: "Scheduled", status: "scheduled", publishAt: start + 5 * MINUTE });
    const waiting = await listStories({ page: 1 });
    expect(waiting.items.map((s) => s.id)).not.toContain(story.id);

    jest.spyOn(Date, "now").mockReturnValue(start + 5 * MINUTE + 1);
    const due = await listStories({ page: 1 });
    expect(due.items[0]?.id).toBe(story.id);
    expect(due.total).toBe(waiting.total + 1);
  });

  it("an expiry takes effect when its time comes, with no write in between", async () => {
    const start = Date.now();
    const story = await createStory({ title: "Expiring", publishAt: start - 1000, unpublishAt: start + 3 * MINUTE });
    const listed = await listStories({ page: 1 });
    expect(listed.items[0]?.id).toBe(story.id);

    jest.spyOn(Date, "now").mockReturnValue(start + 3 * MINUTE + 1);
    const expired = await listStories({ page: 1 });
    expect(expired.items.map((s) => s.id)).not.toContain(story.id);
    expect(expired.items).toHaveLength(PAGE_SIZE);
    expect(expired.total).toBe(listed.total - 1);
  });

  it("a write from another connection to the same database is seen", async () => {
    // A second process (the seed, a backup restore) commits through its own connection.
    const fs = await import("node:fs");
    const os = await import("node:os");
    const path = await import("node:path");
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "newsroom-pagination-")), "db.sqlite");
    // SQLite: two connections to a new file. PostgreSQL: this file's database, emptied (the last test here), and a second pool on it.
    const mine = isPg ? await freshDb() : openDatabase(file);
    const other = isPg ? openPostgres((await childDatabaseEnv(mine)).DATABASE_URL!, 1) : openDatabase(file);
    setDb(mine);
    try {
      await createStory({ title: "Mine", publishAt: Date.now() - 2000 });
      expect((await listStories()).total).toBe(1);
      await other.insert(stories).values({
        type: "feature", slug: "from-elsewhere", title: "From elsewhere", standfirst: "", body: "", bodyText: "",
        status: "published", publishAt: Date.now() - 1000, createdAt: Date.now(), updatedAt: Date.now(),
      });
      const now = await listStories();
      expect(now.total).toBe(2);
      expect(now.items[0]?.title).toBe("From elsewhere");
    } finally {
      setDb(db);
      if (!isPg) mine.$client.close();
      await closeDatabase(other);
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});
