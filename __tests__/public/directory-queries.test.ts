import { listUpcomingEvents } from "@/lib/events/upcoming";
import { getExpertBySlug, listExpertFacets, listExperts } from "@/lib/people/public";
import { listPromos } from "@/lib/promos/public";
import { getTopicBySlug, listTopics } from "@/lib/topics/public";
import { createEvent, createPerson, createPromo, createStory, createTopic } from "../factories";
import { freshDbPerTest } from "../helpers/db";
import { DAY, HOUR } from "../helpers/time";

freshDbPerTest();

describe("experts", () => {
  it("lists staff experts and guests with a public story, never guests with only drafts", async () => {
    await createPerson({ name: "Ann Staff", slug: "ann" });
    const published = await createPerson({ name: "Gus Guest", slug: "gus", isGuest: true });
    const drafted = await createPerson({ name: "Dee Draft", slug: "dee", isGuest: true });
    const future = await createPerson({ name: "Fay Future", slug: "fay", isGuest: true });
    await createStory({ authors: [published] });
    await createStory({ authors: [drafted], status: "draft" });
    await createStory({ authors: [drafted], status: "in-review", publishAt: Date.now() - DAY });
    await createStory({ authors: [drafted], status: "unpublished", publishAt: Date.now() - DAY });
    await createStory({ authors: [future], status: "scheduled", publishAt: Date.now() + DAY });
    expect((await listExperts()).map((p) => p.name)).toEqual(["Ann Staff", "Gus Guest"]);
    expect(await getExpertBySlug("gus")).toMatchObject({ name: "Gus Guest", isGuest: true });
    expect(await getExpertBySlug("dee")).toBeNull();
    expect(await getExpertBySlug("fay")).toBeNull();
    expect(await getExpertBySlug("nobody")).toBeNull();
  });

  it("filters by expertise (any case), department and availability, combined", async () => {
    await createPerson({ name: "A", expertise: ["Climate change", "Rivers"], department: "Geography", availableForMedia: true });
    await createPerson({ name: "B", expertise: ["climate change"], department: "Law", availableForMedia: false });
    await createPerson({ name: "C", expertise: ["Russia"], department: "Geography", availableForMedia: true });
    const names = async (f: Parameters<typeof listExperts>[0]) => (await listExperts(f)).map((p) => p.name);
    expect(await names({ expertise: "CLIMATE CHANGE" })).toEqual(["A", "B"]);
    expect(await names({ department: "Geography" })).toEqual(["A", "C"]);
    expect(await names({ available: true })).toEqual(["A", "C"]);
    expect(await names({ expertise: "climate change", available: true })).toEqual(["A"]);
    expect(await names({ expertise: "climate change", department: "Law", available: true })).toEqual([]);
    expect(await names({ expertise: "'); drop table people; --" })).toEqual([]);
  });

  it("offers facets from listed experts only", async () => {
    await createPerson({ expertise: ["Rivers", "rivers", "Floods"], department: "Geography" });
    await createPerson({ expertise: ["Secret"], department: "Hidden dept", isGuest: true });
    expect(await listExpertFacets()).toEqual({ expertise: ["Floods", "Rivers"], departments: ["Geography"] });
  });
});

describe("topics", () => {
  it("finds a topic by slug and counts only public stories", async () => {
    const t = await createTopic({ slug: "oceans", name: "Oceans", description: "Seas and coasts." });
    await createTopic({ slug: "art", name: "Art" });
    await createStory({ topics: [t] });
    await createStory({ topics: [t], status: "draft" });
    await createStory({ topics: [t], status: "scheduled", publishAt: Date.now() + DAY });
    expect(await getTopicBySlug("oceans")).toMatchObject({ name: "Oceans", description: "Seas and coasts." });
    expect(await getTopicBySlug("nope")).toBeNull();
    expect(await listTopics()).toEqual([
      { slug: "art", name: "Art", kind: "subject", storyCount: 0 },
      { slug: "oceans", name: "Oceans", kind: "subject", storyCount: 1 },
    ]);
  });
});

describe("promos", () => {
  it("lists active promos in slot order, then position", async () => {
    await createPromo({ slot: "student-life", title: "Life", linkUrl: "/life" });
    await createPromo({ slot: "open-days", title: "Open days 2", linkUrl: "/open-days", position: 2 });
    await createPromo({ slot: "open-days", title: "Open days 1", linkUrl: "/open-days", position: 1 });
    await createPromo({ slot: "research", title: "Research", linkUrl: "/research" });
    await createPromo({ slot: "newspaper", title: "Inactive", linkUrl: "/x", active: false });
    expect((await listPromos()).map((p) => p.title)).toEqual(["Open days 1", "Open days 2", "Research", "Life"]);
  });
});

describe("listUpcomingEvents", () => {
  it("lists published events that have not ended, soonest first, limited", async () => {
    await createEvent({ title: "Later", startsAt: Date.now() + 5 * DAY });
    await createEvent({ title: "Soon", startsAt: Date.now() + DAY });
    await createEvent({ title: "On now", startsAt: Date.now() - DAY, endsAt: Date.now() + HOUR });
    await createEvent({ title: "Ended", startsAt: Date.now() - 2 * DAY, endsAt: Date.now() - DAY });
    await createEvent({ title: "Draft", status: "draft" });
    await createEvent({ title: "Cancelled", status: "cancelled" });
    await createEvent({ title: "Far", startsAt: Date.now() + 30 * DAY });
    expect((await listUpcomingEvents(3)).map((e) => e.title)).toEqual(["On now", "Soon", "Later"]);
    expect(await listUpcomingEvents(10)).toHaveLength(4);
  });
});
