import { eq, sql } from "drizzle-orm";
import * as s from "@/db/schema";
import { createPerson, createStory, createTopic } from "@/__tests__/factories";
import { freshDbPerTest } from "@/__tests__/helpers/db";
import { first, getDb, isPg, rows, transaction } from "@/db/client";
import { memoUntilChange } from "@/lib/stories/listing-index";
import { publicStoryIds } from "@/lib/stories/public";
import { recordViews } from "@/lib/stories/views";

/**
 * The listing index keeps its lists until the story generation (a counter the
 * triggers of migration 0006 bump) changes: writes to what the lists read
 * rebuild them, view-count flushes and other writes do not.
 * @see docs/decisions/0008-story-lists-at-volume.md
 */

freshDbPerTest();

/** A list that counts its builds, read through the index. */
function countedList(key = "test:list") {
  let builds = 0;
  const read = () => memoUntilChange(key, () => ++builds);
  return { read, builds: () => builds };
}

const generation = async () => Number((await first(rows<{ n: number | string }>(getDb(), sql`select n from listing_generation`)))?.n);

describe("what does not rebuild the lists", () => {
  test("a view-count flush (and reading) keeps every list, /news's ids included", async () => {
    const a = await createStory();
    const b = await createStory();
    const list = countedList();
    await list.read();
    const ids = await publicStoryIds({});
    expect(Array.from(ids)).toEqual([b.id, a.id].sort((x, y) => y - x));

    await recordViews(new Map([[a.slug, 5], [b.slug, 2]]));
    await recordViews(new Map([[a.slug, 1]]));
    await list.read();
    expect(list.builds()).toBe(1);
    // The same array: not rebuilt.
    expect(await publicStoryIds({})).toBe(ids);
    expect((await getDb().select().from(s.storyViews)).reduce((n, r) => n + r.views, 0)).toBe(8);
  });

  test("a headline or body change, a comment and an unrelated table leave the generation alone", async () => {
    const story = await createStory();
    const before = await generation();
    const list = countedList();
    await list.read();
    await getDb().update(s.stories).set({ title: "A corrected headline", body: "New body", updatedAt: Date.now(), version: 2 }).where(eq(s.stories.id, story.id));
    // Rewriting the same status and times (as a full-row update does) is no change either.
    await getDb().update(s.stories).set({ status: story.status, publishAt: story.publishAt, type: story.type }).where(eq(s.stories.id, story.id));
    await getDb().insert(s.comments).values({ storyId: story.id, name: "Reader", email: "r@example.org", body: "Hello", status: "approved", createdAt: Date.now() });
    await createPerson();
    await list.read();
    expect(await generation()).toBe(before);
    expect(list.builds()).toBe(1);
  });
});

describe("what rebuilds the lists", () => {
  test("a publish, an unpublish, a new publish or expiry time, a type change, a new story and a deletion", async () => {
    const story = await createStory({ status: "draft" });
    const list = countedList();
    await list.read();
    const steps: [string, () => Promise<unknown>][] = [
      ["publish", async () => getDb().update(s.stories).set({ status: "published" }).where(eq(s.stories.id, story.id))],
      ["publish time", async () => getDb().update(s.stories).set({ publishAt: Date.now() - 5_000 }).where(eq(s.stories.id, story.id))],
      ["expiry", async () => getDb().update(s.stories).set({ unpublishAt: Date.now() + 3_600_000 }).where(eq(s.stories.id, story.id))],
      ["type", async () => getDb().update(s.stories).set({ type: "feature" }).where(eq(s.stories.id, story.id))],
      ["unpublish", async () => getDb().update(s.stories).set({ status: "unpublished" }).where(eq(s.stories.id, story.id))],
      ["new story", () => createStory()],
      ["deletion", async () => getDb().delete(s.stories).where(eq(s.stories.id, story.id))],
    ];
    for (const [i, [name, write]] of steps.entries()) {
      await write();
      await list.read();
      expect({ name, builds: list.builds() }).toEqual({ name, builds: i + 2 });
    }
  });

  test("a story's topics or bylines, and the topics themselves", async () => {
    const topic = await createTopic();
    const person = await createPerson();
    const story = await createStory();
    const list = countedList();
    await list.read();
    const steps: [string, () => Promise<unknown>][] = [
      ["topic added", async () => getDb().insert(s.storyTopics).values({ storyId: story.id, topicId: topic.id })],
      ["topic removed", async () => getDb().delete(s.storyTopics).where(eq(s.storyTopics.storyId, story.id))],
      ["byline added", async () => getDb().insert(s.storyAuthors).values({ storyId: story.id, personId: person.id, position: 0 })],
      ["byline removed by deleting the person", async () => getDb().delete(s.people).where(eq(s.people.id, person.id))],
      ["topic renamed", async () => getDb().update(s.topics).set({ name: "Renamed" }).where(eq(s.topics.id, topic.id))],
      ["topic created", () => createTopic()],
    ];
    for (const [i, [name, write]] of steps.entries()) {
      await write();
      await list.read();
      expect({ name, builds: list.builds() }).toEqual({ name, builds: i + 2 });
    }
  });

  test("the ids follow a publish at once", async () => {
    const draft = await createStory({ status: "draft", publishAt: Date.now() - 60_000 });
    const before = await publicStoryIds({});
    expect(Array.from(before)).not.toContain(draft.id);
    await getDb().update(s.stories).set({ status: "published" }).where(eq(s.stories.id, draft.id));
    expect(Array.from(await publicStoryIds({}))).toContain(draft.id);
  });

  test("a list read inside a transaction is not kept: a rollback cannot leave it behind", async () => {
    const list = countedList();
    await list.read();
    await expect(
      transaction(async (tx) => {
        await tx.insert(s.stories).values({ type: "feature", slug: "rolled-back", title: "Rolled back", standfirst: "", body: "", bodyText: "", status: "published", publishAt: Date.now() - 1000 });
        await list.read();
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    // Another write brings the counter back to the number it had inside the transaction.
    await createStory();
    await list.read();
    expect(list.builds()).toBe(3);
  });

  test("nor is a list read elsewhere while a transaction is open (SQLite: one connection sees its writes)", async () => {
    // A key of its own: on PostgreSQL the file's database (and so its index) is kept from test to test, only emptied.
    const list = countedList("test:list:elsewhere");
    await list.read();
    expect(list.builds()).toBe(1);
    let inserted!: () => void;
    let rollBack!: () => void;
    const written = new Promise<void>((resolve) => (inserted = resolve));
    const released = new Promise<void>((resolve) => (rollBack = resolve));
    const open = transaction(async (tx) => {
      await tx.insert(s.stories).values({ type: "feature", slug: "rolled-back", title: "Rolled back", standfirst: "", body: "", bodyText: "", status: "published", publishAt: Date.now() - 1000 });
      inserted();
      await released;
      throw new Error("roll back");
    });
    await written;
    // A request outside the transaction, while it is open.
    await list.read();
    // SQLite: that read saw the uncommitted row, so it was built afresh and not kept. PostgreSQL: it came
    // from another connection, which sees committed rows only, so the kept list was still right.
    expect(list.builds()).toBe(isPg ? 1 : 2);
    rollBack();
    await expect(open).rejects.toThrow("roll back");
    await createStory();
    await list.read();
    expect(list.builds()).toBe(isPg ? 2 : 3);
  });
});
