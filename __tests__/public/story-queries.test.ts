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

beforeEach(() => {
  freshDb();
});

/** One story in each non-public state, all sharing the given authors and topics. */
function createHiddenStories(extra: Parameters<typeof createStory>[0] = {}) {
  return [
    createStory({ ...extra, title: "Hidden draft", status: "draft", publishAt: null }),
    createStory({ ...extra, title: "Hidden draft with past date", status: "draft", publishAt: Date.now() - DAY }),
    createStory({ ...extra, title: "Hidden in review", status: "in-review", publishAt: Date.now() - DAY }),
    createStory({ ...extra, title: "Hidden future", status: "scheduled", publishAt: Date.now() + DAY }),
    createStory({ ...extra, title: "Hidden future published", status: "published", publishAt: Date.now() + DAY }),
    createStory({ ...extra, title: "Hidden unpublished", status: "unpublished", publishAt: Date.now() - DAY }),
  ];
}

describe("listStories", () => {
  it("lists public stories newest first, 12 a page, with a total", async () => {
    for (let i = 0; i < 14; i++) createStory({ title: `S${i}`, publishAt: Date.now() - (i + 1) * HOUR });
    const first = await listStories({ page: 1 });
    expect(first.total).toBe(14);
    expect(first.totalPages).toBe(2);
    expect(first.items).toHaveLength(12);
    expect(first.items.map((s) => s.title).slice(0, 3)).toEqual(["S0", "S1", "S2"]);
    const second = await listStories({ page: 2 });
    expect(second.items.map((s) => s.title)).toEqual(["S12", "S13"]);
  });

  it("shows a scheduled story once its time has passed", async () => {
    createStory({ title: "Went live", status: "scheduled", publishAt: Date.now() - 1000 });
    const { items } = await listStories();
    expect(items.map((s) => s.title)).toEqual(["Went live"]);
  });

  it("never counts or lists drafts, in-review, future or unpublished stories", async () => {
    createStory({ title: "Visible" });
    createHiddenStories();
    const page = await listStories();
    expect(page.total).toBe(1);
    expect(page.items.map((s) => s.title)).toEqual(["Visible"]);
  });

  it("combines the type and topic filters", async () => {
    const climate = createTopic({ slug: "climate" });
    const health = createTopic({ slug: "health" });
    createStory({ title: "Climate comment", type: "expert-comment", topics: [climate] });
    createStory({ title: "Climate release", type: "news-release", topics: [climate] });
    createStory({ title: "Health comment", type: "expert-comment", topics: [health] });
    createStory({ title: "Both", type: "feature", topics: [climate, health] });

    const titles = async (f: Parameters<typeof listStories>[0]) => (await listStories(f)).items.map((s) => s.title).sort();
    expect(await titles({ type: "expert-comment" })).toEqual(["Climate comment", "Health comment"]);
    expect(await titles({ topic: "climate" })).toEqual(["Both", "Climate comment", "Climate release"]);
    expect(await titles({ type: "expert-comment", topic: "climate" })).toEqual(["Climate comment"]);
    expect((await listStories({ type: "expert-comment", topic: "climate" })).total).toBe(1);
    expect(await titles({ type: "video", topic: "climate" })).toEqual([]);
  });

  it("gives an empty page (not an error) for unknown types and topics and junk page numbers", async () => {
    createStory();
    expect(await listStories({ type: "not-a-type" })).toMatchObject({ items: [], total: 0 });
    expect(await listStories({ topic: "no-such-topic" })).toMatchObject({ items: [], total: 0 });
    expect(await listStories({ page: 99999 })).toMatchObject({ items: [], total: 1 });
    expect((await listStories({ page: -1 })).items).toHaveLength(1);
    expect((await listStories({ page: Number.NaN })).page).toBe(1);
  });

  it("includes the hero image on cards", async () => {
    const hero = createMedia({ fileName: "a.jpg", url: "/uploads/a.jpg", mimeType: "image/jpeg", bytes: 1, width: 1200, height: 800, altText: "A river" });
    createStory({ heroImageId: hero.id });
    const [card] = (await listStories()).items;
    expect(card?.image).toEqual({ url: "/uploads/a.jpg", alt: "A river", width: 1200, height: 800 });
  });
});

describe("getStoryBySlug", () => {
  it("returns the story with ordered authors, topics and hero", async () => {
    const b = createPerson({ name: "Bea", slug: "bea", jobTitle: "Lecturer", institution: "Harrowgate", department: "History" });
    const a = createPerson({ name: "Zed", slug: "zed" });
    const topic = createTopic({ slug: "history", name: "History" });
    const hero = createMedia({ fileName: "h.jpg", url: "/h.jpg", mimeType: "image/jpeg", bytes: 1, width: 10, height: 5, altText: "Alt", caption: "Cap", credit: "Photo: X" });
    createStory({ slug: "the-story", authors: [b, a], topics: [topic], heroImageId: hero.id, syndicationSource: "The Conversation", syndicationUrl: "https://theconversation.com/x", syndicationLicence: "CC BY-ND 4.0" });
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
    for (const s of createHiddenStories()) expect(await getStoryBySlug(s.slug)).toBeNull();
    expect(await getStoryBySlug("nope")).toBeNull();
  });
});

describe("resolveOldSlug", () => {
  it("maps an old slug to the current slug of a public story only", async () => {
    const live = createStory({ slug: "new-name" });
    const [draft] = createHiddenStories();
    createSlugRedirect({ oldSlug: "old-name", storyId: live.id });
    createSlugRedirect({ oldSlug: "old-draft", storyId: draft!.id });
    expect(await resolveOldSlug("old-name")).toBe("new-name");
    expect(await resolveOldSlug("old-draft")).toBeNull();
    expect(await resolveOldSlug("never-existed")).toBeNull();
  });
});

describe("home-page queries", () => {
  it("getFeaturedStory prefers the featured story, else the newest; never a hidden one", async () => {
    expect(await getFeaturedStory()).toBeNull();
    createStory({ title: "Older featured", featured: true, publishAt: Date.now() - 5 * DAY });
    createStory({ title: "Newest" });
    createStory({ title: "Hidden featured", featured: true, status: "draft" });
    expect((await getFeaturedStory())?.title).toBe("Older featured");
  });

  it("getFeaturedStory falls back to the newest public story", async () => {
    createStory({ title: "Old", publishAt: Date.now() - 2 * DAY });
    createStory({ title: "New" });
    createStory({ title: "Future featured", featured: true, status: "scheduled", publishAt: Date.now() + DAY });
    expect((await getFeaturedStory())?.title).toBe("New");
  });

  it("listLatest filters by type, limits and excludes a story", async () => {
    const one = createStory({ title: "One", type: "feature", publishAt: Date.now() - 3 * HOUR });
    createStory({ title: "Two", type: "news-release", publishAt: Date.now() - 2 * HOUR });
    createStory({ title: "Three", type: "expert-comment", publishAt: Date.now() - HOUR });
    createHiddenStories({ type: "feature" });
    expect((await listLatest({ limit: 2 })).map((s) => s.title)).toEqual(["Three", "Two"]);
    expect((await listLatest({ types: ["feature", "news-release"] })).map((s) => s.title)).toEqual(["Two", "One"]);
    expect((await listLatest({ excludeId: one.id })).map((s) => s.title)).toEqual(["Three", "Two"]);
  });
});

describe("listRelated", () => {
  it("orders by shared topics, leaves out the story itself and hidden stories", async () => {
    const [t1, t2, t3] = [createTopic(), createTopic(), createTopic()];
    const me = createStory({ topics: [t1!, t2!] });
    createStory({ title: "Shares two", topics: [t1!, t2!], publishAt: Date.now() - 3 * DAY });
    createStory({ title: "Shares one", topics: [t2!] });
    createStory({ title: "Shares none", topics: [t3!] });
    createHiddenStories({ topics: [t1!, t2!] });
    expect((await listRelated(me.id, 5)).map((s) => s.title)).toEqual(["Shares two", "Shares one"]);
  });
});

describe("listByPerson and listByTopic", () => {
  it("page through one person's public stories", async () => {
    const p = createPerson();
    for (let i = 0; i < 13; i++) createStory({ authors: [p], publishAt: Date.now() - (i + 1) * HOUR });
    createStory();
    createHiddenStories({ authors: [p] });
    const first = await listByPerson(p.id, 1);
    expect(first).toMatchObject({ total: 13, totalPages: 2 });
    expect((await listByPerson(p.id, 2)).items).toHaveLength(1);
  });

  it("page through one topic's public stories", async () => {
    const t = createTopic();
    createStory({ title: "On topic", topics: [t] });
    createStory({ title: "Off topic" });
    createHiddenStories({ topics: [t] });
    const page = await listByTopic(t.id, 1);
    expect(page.total).toBe(1);
    expect(page.items.map((s) => s.title)).toEqual(["On topic"]);
  });
});

describe("views", () => {
  it("records views per day in the site zone and ranks the week's most read", async () => {
    const a = createStory({ title: "A" });
    const b = createStory({ title: "B" });
    const hidden = createStory({ title: "Hidden", status: "unpublished" });
    recordView(a.id);
    recordView(b.id);
    recordView(b.id);
    recordView(hidden.id);
    const today = dayKey(Date.now());
    expect(getDb().select().from(storyViews).all()).toEqual(
      expect.arrayContaining([{ storyId: b.id, day: today, views: 2, republishViews: 0 }]),
    );
    // Views older than a week do not count.
    createStoryView({ storyId: a.id, day: dayKey(Date.now() - 10 * DAY), views: 50 });
    const top = await mostReadThisWeek(5);
    expect(top.map((s) => [s.title, s.views])).toEqual([["B", 2], ["A", 1]]);
  });

  it("counts republish views separately", () => {
    const a = createStory();
    recordRepublishView(a.id);
    recordRepublishView(a.id);
    recordView(a.id);
    expect(viewTotals(a.id)).toEqual({ views: 1, republishViews: 2 });
  });
});
