import { getDb } from "@/db/client";
import { storyViews } from "@/db/schema";
import { dayKey } from "@/lib/dates";
import {
  getFeaturedStory,
  getStoryBySlug,
  listByPerson,
  listByTopic,
  listLatest,
  listRelated,
  listStories,
  resolveOldSlug,
} from "@/lib/stories/public";
import { mostReadThisWeek, recordRepublishView, recordView, viewTotals } from "@/lib/stories/views";
import { createMedia, createPerson, createSlugRedirect, createStory, createStoryView, createTopic } from "../factories";
import { freshDb } from "../helpers/db";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

beforeEach(async () => {
  await freshDb();
});

/** One story in each non-public state, all sharing the given authors and topics. */
async function createHiddenStories(extra: Parameters<typeof createStory>[0] = {}) {
  return [
    await createStory({ ...extra, title: "Hidden draft", status: "draft", publishAt: null }),
    await createStory({ ...extra, title: "Hidden draft with past date", status: "draft", publishAt: Date.now() - DAY }),
    await createStory({ ...extra, title: "Hidden in review", status: "in-review", publishAt: Date.now() - DAY }),
    await createStory({ ...extra, title: "Hidden future", status: "scheduled", publishAt: Date.now() + DAY }),
    await createStory({ ...extra, title: "Hidden future published", status: "published", publishAt: Date.now() + DAY }),
    await createStory({ ...extra, title: "Hidden unpublished", status: "unpublished", publishAt: Date.now() - DAY }),
  ];
}

describe("listStories", () => {
  it("lists public stories newest first, 12 a page, with a total", async () => {
    for (let i = 0; i < 14; i++) await createStory({ title: `S${i}`, publishAt: Date.now() - (i + 1) * HOUR });
    const first = await listStories({ page: 1 });
    expect(first.total).toBe(14);
    expect(first.totalPages).toBe(2);
    expect(first.items).toHaveLength(12);
    expect(first.items.map((s) => s.title).slice(0, 3)).toEqual(["S0", "S1", "S2"]);
    const second = await listStories({ page: 2 });
    expect(second.items.map((s) => s.title)).toEqual(["S12", "S13"]);
  });

  it("shows a scheduled story once its time has passed", async () => {
    await createStory({ title: "Went live", status: "scheduled", publishAt: Date.now() - 1000 });
    const { items } = await listStories();
    expect(items.map((s) => s.title)).toEqual(["Went live"]);
  });

  it("never counts or lists drafts, in-review, future or unpublished stories", async () => {
    await createStory({ title: "Visible" });
    await createHiddenStories();
    const page = await listStories();
    expect(page.total).toBe(1);
    expect(page.items.map((s) => s.title)).toEqual(["Visible"]);
  });

  it("combines the type and topic filters", async () => {
    const climate = await createTopic({ slug: "climate" });
    const health = await createTopic({ slug: "health" });
    await createStory({ title: "Climate comment", type: "expert-comment", topics: [climate] });
    await createStory({ title: "Climate release", type: "news-release", topics: [climate] });
    await createStory({ title: "Health comment", type: "expert-comment", topics: [health] });
    await createStory({ title: "Both", type: "feature", topics: [climate, health] });

    const titles = async (f: Parameters<typeof listStories>[0]) => (await listStories(f)).items.map((s) => s.title).sort();
    expect(await titles({ type: "expert-comment" })).toEqual(["Climate comment", "Health comment"]);
    expect(await titles({ topic: "climate" })).toEqual(["Both", "Climate comment", "Climate release"]);
    expect(await titles({ type: "expert-comment", topic: "climate" })).toEqual(["Climate comment"]);
    expect((await listStories({ type: "expert-comment", topic: "climate" })).total).toBe(1);
    expect(await titles({ type: "video", topic: "climate" })).toEqual([]);
  });

  it("gives an empty page (not an error) for unknown types and topics and junk page numbers", async () => {
    await createStory();
    expect(await listStories({ type: "not-a-type" })).toMatchObject({ items: [], total: 0 });
    expect(await listStories({ topic: "no-such-topic" })).toMatchObject({ items: [], total: 0 });
    expect(await listStories({ page: 99999 })).toMatchObject({ items: [], total: 1 });
    expect((await listStories({ page: -1 })).items).toHaveLength(1);
    expect((await listStories({ page: Number.NaN })).page).toBe(1);
  });

  it("includes the hero image on cards", async () => {
    const hero = await createMedia({ fileName: "a.jpg", url: "/uploads/a.jpg", mimeType: "image/jpeg", bytes: 1, width: 1200, height: 800, altText: "A river" });
    await createStory({ heroImageId: hero.id });
    const [card] = (await listStories()).items;
    expect(card?.image).toEqual({ url: "/uploads/a.jpg", alt: "A river", width: 1200, height: 800 });
  });
});

describe("getStoryBySlug", () => {
  it("returns the story with ordered authors, topics and hero", async () => {
    const b = await createPerson({ name: "Bea", slug: "bea", jobTitle: "Lecturer", institution: "Harrowgate", department: "History" });
    const a = await createPerson({ name: "Zed", slug: "zed" });
    const topic = await createTopic({ slug: "history", name: "History" });
    const hero = await createMedia({ fileName: "h.jpg", url: "/h.jpg", mimeType: "image/jpeg", bytes: 1, width: 10, height: 5, altText: "Alt", caption: "Cap", credit: "Photo: X" });
    await createStory({ slug: "the-story", authors: [b, a], topics: [topic], heroImageId: hero.id, syndicationSource: "The Conversation", syndicationUrl: "https://theconversation.com/x", syndicationLicence: "CC BY-ND 4.0" });
    const story = await getStoryBySlug("the-story");
    expect(story?.authors).toEqual([
      { name: "Bea", slug: "bea", jobTitle: "Lecturer", institution: "Harrowgate", department: "History" },
      expect.objectContaining({ name: "Zed", slug: "zed" }),
    ]);
    expect(story?.topics).toEqual([{ id: topic.id, slug: "history", name: "History" }]);
    expect(story?.hero).toEqual({ url: "/h.jpg", alt: "Alt", width: 10, height: 5, caption: "Cap", credit: "Photo: X" });
    expect(story?.syndication).toEqual({ source: "The Conversation", url: "https://theconversation.com/x", licence: "CC BY-ND 4.0", counterUrl: null });
    expect(story?.republishLicence).toBe("CC BY-ND 4.0");
  });

  it("returns null for every non-public state", async () => {
    for (const s of await createHiddenStories()) expect(await getStoryBySlug(s.slug)).toBeNull();
    expect(await getStoryBySlug("nope")).toBeNull();
  });
});

describe("resolveOldSlug", () => {
  it("maps an old slug to the current slug of a public story only", async () => {
    const live = await createStory({ slug: "new-name" });
    const [draft] = await createHiddenStories();
    await createSlugRedirect({ oldSlug: "old-name", storyId: live.id });
    await createSlugRedirect({ oldSlug: "old-draft", storyId: draft!.id });
    expect(await resolveOldSlug("old-name")).toBe("new-name");
    expect(await resolveOldSlug("old-draft")).toBeNull();
    expect(await resolveOldSlug("never-existed")).toBeNull();
  });
});

describe("home-page queries", () => {
  it("getFeaturedStory prefers the featured story, else the newest; never a hidden one", async () => {
    expect(await getFeaturedStory()).toBeNull();
    await createStory({ title: "Older featured", featured: true, publishAt: Date.now() - 5 * DAY });
    await createStory({ title: "Newest" });
    await createStory({ title: "Hidden featured", featured: true, status: "draft" });
    expect((await getFeaturedStory())?.title).toBe("Older featured");
  });

  it("getFeaturedStory falls back to the newest public story", async () => {
    await createStory({ title: "Old", publishAt: Date.now() - 2 * DAY });
    await createStory({ title: "New" });
    await createStory({ title: "Future featured", featured: true, status: "scheduled", publishAt: Date.now() + DAY });
    expect((await getFeaturedStory())?.title).toBe("New");
  });

  it("listLatest filters by type, limits and excludes a story", async () => {
    const one = await createStory({ title: "One", type: "feature", publishAt: Date.now() - 3 * HOUR });
    await createStory({ title: "Two", type: "news-release", publishAt: Date.now() - 2 * HOUR });
    await createStory({ title: "Three", type: "expert-comment", publishAt: Date.now() - HOUR });
    await createHiddenStories({ type: "feature" });
    expect((await listLatest({ limit: 2 })).map((s) => s.title)).toEqual(["Three", "Two"]);
    expect((await listLatest({ types: ["feature", "news-release"] })).map((s) => s.title)).toEqual(["Two", "One"]);
    expect((await listLatest({ excludeId: one.id })).map((s) => s.title)).toEqual(["Three", "Two"]);
  });
});

describe("listRelated", () => {
  it("orders by shared topics, leaves out the story itself and hidden stories", async () => {
    const [t1, t2, t3] = [await createTopic(), await createTopic(), await createTopic()];
    const me = await createStory({ topics: [t1!, t2!] });
    await createStory({ title: "Shares two", topics: [t1!, t2!], publishAt: Date.now() - 3 * DAY });
    await createStory({ title: "Shares one", topics: [t2!] });
    await createStory({ title: "Shares none", topics: [t3!] });
    await createHiddenStories({ topics: [t1!, t2!] });
    expect((await listRelated(me.id, 5)).map((s) => s.title)).toEqual(["Shares two", "Shares one"]);
  });
});

describe("listByPerson and listByTopic", () => {
  it("page through one person's public stories", async () => {
    const p = await createPerson();
    for (let i = 0; i < 13; i++) await createStory({ authors: [p], publishAt: Date.now() - (i + 1) * HOUR });
    await createStory();
    await createHiddenStories({ authors: [p] });
    const first = await listByPerson(p.id, 1);
    expect(first).toMatchObject({ total: 13, totalPages: 2 });
    expect((await listByPerson(p.id, 2)).items).toHaveLength(1);
  });

  it("page through one topic's public stories", async () => {
    const t = await createTopic();
    await createStory({ title: "On topic", topics: [t] });
    await createStory({ title: "Off topic" });
    await createHiddenStories({ topics: [t] });
    const page = await listByTopic(t.id, 1);
    expect(page.total).toBe(1);
    expect(page.items.map((s) => s.title)).toEqual(["On topic"]);
  });
});

describe("views", () => {
  it("records views per day in the site zone and ranks the week's most read", async () => {
    const a = await createStory({ title: "A" });
    const b = await createStory({ title: "B" });
    const hidden = await createStory({ title: "Hidden", status: "unpublished" });
    await recordView(a.id);
    await recordView(b.id);
    await recordView(b.id);
    await recordView(hidden.id);
    const today = dayKey(Date.now());
    expect(await getDb().select().from(storyViews)).toEqual(
      expect.arrayContaining([{ storyId: b.id, day: today, views: 2, republishViews: 0 }]),
    );
    // Views older than a week do not count.
    await createStoryView({ storyId: a.id, day: dayKey(Date.now() - 10 * DAY), views: 50 });
    const top = await mostReadThisWeek(5);
    expect(top.map((s) => [s.title, s.views])).toEqual([["B", 2], ["A", 1]]);
  });

  it("counts republish views separately", async () => {
    const a = await createStory();
    await recordRepublishView(a.id);
    await recordRepublishView(a.id);
    await recordView(a.id);
    expect(await viewTotals(a.id)).toEqual({ views: 1, republishViews: 2 });
  });
});
