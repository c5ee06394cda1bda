import { eq } from "drizzle-orm";
import * as s from "@/db/schema";
import { createPerson, createStory, createTopic } from "@/__tests__/factories";
import { freshDbPerTest } from "@/__tests__/helpers/db";
import { getDb } from "@/db/client";
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

const generation = () => Number(getDb().$client.prepare("select n from listing_generation").pluck().get());

describe("what does not rebuild the lists", () => {
  test("a view-count flush (and reading) keeps every list, /news's ids included", () => {
    const a = createStory();
    const b = createStory();
    const list = countedList();
    list.read();
    const ids = publicStoryIds({});
    expect(Array.from(ids)).toEqual([b.id, a.id].sort((x, y) => y - x));

    recordViews(new Map([[a.slug, 5], [b.slug, 2]]));
    recordViews(new Map([[a.slug, 1]]));
    list.read();
    expect(list.builds()).toBe(1);
    // The same array: not rebuilt.
    expect(publicStoryIds({})).toBe(ids);
    expect(getDb().select().from(s.storyViews).all().reduce((n, r) => n + r.views, 0)).toBe(8);
  });

  test("a headline or body change, a comment and an unrelated table leave the generation alone", () => {
    const story = createStory();
    const before = generation();
    const list = countedList();
    list.read();
    getDb().update(s.stories).set({ title: "A corrected headline", body: "New body", updatedAt: Date.now(), version: 2 }).where(eq(s.stories.id, story.id)).run();
    // Rewriting the same status and times (as a full-row update does) is no change either.
    getDb().update(s.stories).set({ status: story.status, publishAt: story.publishAt, type: story.type }).where(eq(s.stories.id, story.id)).run();
    getDb().insert(s.comments).values({ storyId: story.id, name: "Reader", email: "r@example.org", body: "Hello", status: "approved", createdAt: Date.now() }).run();
    createPerson();
    list.read();
    expect(generation()).toBe(before);
    expect(list.builds()).toBe(1);
  });
});

describe("what rebuilds the lists", () => {
  test("a publish, an unpublish, a new publish or expiry time, a type change, a new story and a deletion", () => {
    const story = createStory({ status: "draft" });
    const list = countedList();
    list.read();
    const steps: [string, () => void][] = [
      ["publish", () => getDb().update(s.stories).set({ status: "published" }).where(eq(s.stories.id, story.id)).run()],
      ["publish time", () => getDb().update(s.stories).set({ publishAt: Date.now() - 5_000 }).where(eq(s.stories.id, story.id)).run()],
      ["expiry", () => getDb().update(s.stories).set({ unpublishAt: Date.now() + 3_600_000 }).where(eq(s.stories.id, story.id)).run()],
      ["type", () => getDb().update(s.stories).set({ type: "feature" }).where(eq(s.stories.id, story.id)).run()],
      ["unpublish", () => getDb().update(s.stories).set({ status: "unpublished" }).where(eq(s.stories.id, story.id)).run()],
      ["new story", () => createStory()],
      ["deletion", () => getDb().delete(s.stories).where(eq(s.stories.id, story.id)).run()],
    ];
    steps.forEach(([name, write], i) => {
      write();
      list.read();
      expect({ name, builds: list.builds() }).toEqual({ name, builds: i + 2 });
    });
  });

  test("a story's topics or bylines, and the topics themselves", () => {
    const topic = createTopic();
    const person = createPerson();
    const story = createStory();
    const list = countedList();
    list.read();
    const steps: [string, () => void][] = [
      ["topic added", () => getDb().insert(s.storyTopics).values({ storyId: story.id, topicId: topic.id }).run()],
      ["topic removed", () => getDb().delete(s.storyTopics).where(eq(s.storyTopics.storyId, story.id)).run()],
      ["byline added", () => getDb().insert(s.storyAuthors).values({ storyId: story.id, personId: person.id, position: 0 }).run()],
      ["byline removed by deleting the person", () => getDb().delete(s.people).where(eq(s.people.id, person.id)).run()],
      ["topic renamed", () => getDb().update(s.topics).set({ name: "Renamed" }).where(eq(s.topics.id, topic.id)).run()],
      ["topic created", () => createTopic()],
    ];
    steps.forEach(([name, write], i) => {
      write();
      list.read();
      expect({ name, builds: list.builds() }).toEqual({ name, builds: i + 2 });
    });
  });

  test("the ids follow a publish at once", () => {
    const draft = createStory({ status: "draft", publishAt: Date.now() - 60_000 });
    const before = publicStoryIds({});
    expect(Array.from(before)).not.toContain(draft.id);
    getDb().update(s.stories).set({ status: "published" }).where(eq(s.stories.id, draft.id)).run();
    expect(Array.from(publicStoryIds({}))).toContain(draft.id);
  });

  test("a list read inside a transaction is not kept: a rollback cannot leave it behind", () => {
    const list = countedList();
    list.read();
    const db = getDb();
    expect(() =>
      db.transaction((tx) => {
        tx.insert(s.stories).values({ type: "feature", slug: "rolled-back", title: "Rolled back", standfirst: "", body: "", bodyText: "", status: "published", publishAt: Date.now() - 1000 }).run();
        list.read();
        throw new Error("roll back");
      }),
    ).toThrow("roll back");
    // Another write brings the counter back to the number it had inside the transaction.
    createStory();
    list.read();
    expect(list.builds()).toBe(3);
  });
});
