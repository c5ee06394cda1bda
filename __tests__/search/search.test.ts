import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { events, people, stories } from "@/db/schema";
import { createEvent, createOpenDay, createPerson, createStory } from "@/__tests__/factories";
import { freshDb } from "@/__tests__/helpers/db";
import { RANK_WINDOW, search, SEARCH_COUNT_CAP, SEARCH_PAGE_SIZE } from "@/lib/search/public";
import { suggestQuery } from "@/lib/search/suggest";

const HOUR = 3_600_000;

beforeEach(async () => {
  await freshDb();
});

describe("ranking", () => {
  it("puts a title match above a body match", async () => {
    const inBody = await createStory({ title: "Campus news roundup", body: "The new observatory opens to the public next week." });
    const inTitle = await createStory({ title: "Observatory opens its doors", body: "A telescope for everyone." });
    const { hits, total } = await search({ q: "observatory" });
    expect(total).toBe(2);
    expect(hits.map((h) => h.href)).toEqual([`/news/${inTitle.slug}`, `/news/${inBody.slug}`]);
  });

  it("matches the last word as a prefix and stems the others", async () => {
    const story = await createStory({ title: "Researchers publish climate findings" });
    expect((await search({ q: "researcher clim" })).hits.map((h) => h.href)).toEqual([`/news/${story.slug}`]);
  });

  it("searches events and experts with the right labels and links", async () => {
    await createStory({ title: "Volcano story" });
    const event = await createEvent({ title: "Volcano lecture" });
    const person = await createPerson({ name: "Dr Ash Cloud", bio: "Studies every volcano on Earth." });
    const { hits } = await search({ q: "volcano" });
    expect(hits.map((h) => h.label).sort()).toEqual(["Event", "Expert", "News release"]);
    expect(hits.map((h) => h.href)).toEqual(expect.arrayContaining([`/events/${event.slug}`, `/experts/${person.slug}`]));
    const expert = hits.find((h) => h.kind === "expert");
    expect(expert?.date).toBeNull();
    expect(expert?.snippetHtml).toContain("<mark>volcano</mark>");
  });
});

describe("highlighting", () => {
  it("escapes stored HTML and marks only the match", async () => {
    await createStory({ title: "<script>alert(1)</script> Telescope & <b>bold</b>", standfirst: "A <img src=x onerror=alert(1)> telescope story" });
    const [hit] = (await search({ q: "telescope" })).hits;
    expect(hit?.titleHtml).toBe("&lt;script&gt;alert(1)&lt;/script&gt; <mark>Telescope</mark> &amp; &lt;b&gt;bold&lt;/b&gt;");
    expect(hit?.snippetHtml).toContain("&lt;img src=x onerror=alert(1)&gt; <mark>telescope</mark>");
    expect(hit?.snippetHtml).not.toMatch(/<(?!\/?mark>)/);
  });
});

describe("words as readers type them", () => {
  it("folds accents and keeps common words searchable, on both databases", async () => {
    const story = await createStory({ title: "José Müller opens the café", standfirst: "Either OR neither: the who and the what." });
    for (const q of ["jose muller", "José", "cafe", "the who", '"the who"', "or"]) {
      expect((await search({ q })).hits.map((h) => h.href)).toEqual([`/news/${story.slug}`]);
    }
    expect((await search({ q: "jose" })).hits[0]?.titleHtml).toBe("<mark>José</mark> Müller opens the café");
  });

  it("excerpts a long body around the match, with an ellipsis where the text goes on", async () => {
    const filler = (word: string) => Array.from({ length: 40 }, (_, i) => `${word}${i}`).join(" ");
    await createStory({ title: "Sky notes", standfirst: "", body: `${filler("before")} the comet passed ${filler("after")}.` });
    const [hit] = (await search({ q: "comet" })).hits;
    expect(hit?.snippetHtml).toMatch(/^….* the <mark>comet<\/mark> passed .*…$/);
    expect(hit?.snippetHtml.split(" ").length).toBeLessThanOrEqual(26);
  });
});

describe("hostile queries", () => {
  const hostile: [string, string][] = [
    ["a lone double quote", '"'],
    ["unbalanced quotes", '"telescope'],
    ["a star", "*"],
    ["a leading star", "*telescope"],
    ["OR alone", "OR"],
    ["OR between words", "telescope OR observatory"],
    ["AND NOT", "AND NOT telescope"],
    ["NEAR group", "NEAR(a b)"],
    ["NEAR with distance", "NEAR(telescope observatory, 2)"],
    ["open bracket", "("],
    ["close bracket", ")"],
    ["minus", "-"],
    ["minus prefix", "-telescope"],
    ["colon", ":"],
    ["column filter", "title:telescope"],
    ["column set", "{title body}: telescope"],
    ["caret", "^telescope"],
    ["plus", "+"],
    ["emoji", "🔭🌌"],
    ["emoji with word", "telescope 🔭"],
    ["zero-width joiner family", "👨‍👩‍👧"],
    ["SQL", "'; DROP TABLE stories; --"],
    ["null byte", "tele\u0000scope"],
    ["sentinel characters", "\uE000telescope\uE001"],
    ["2,000 characters", "telescope ".repeat(200)],
    ["2,000 punctuation", '"*()-:'.repeat(334)],
    ["empty", ""],
    ["whitespace", "   \t\n "],
  ];

  beforeEach(async () => {
    await createStory({ title: "Telescope observatory opens", body: "Near a hill." });
  });

  it.each(hostile)("%s never throws", async (_name, q) => {
    const result = await search({ q });
    expect(Array.isArray(result.hits)).toBe(true);
    expect(result.total).toBeGreaterThanOrEqual(0);
  });

  it("treats FTS syntax words as plain words", async () => {
    await createStory({ title: "Either OR neither" });
    const { hits } = await search({ q: "OR" });
    expect(hits.map((h) => h.title)).toEqual(["Either OR neither"]);
  });

  it("returns nothing for input with no searchable word", async () => {
    expect(await search({ q: '"*()' })).toEqual({ hits: [], total: 0, page: 1, pageCount: 0 });
  });

  it("still finds the story when the query is wrapped in syntax", async () => {
    expect((await search({ q: 'NEAR("telescope" -observ*)' })).total).toBe(1);
  });
});

describe("public visibility", () => {
  it.each([
    ["draft", { status: "draft" as const }],
    ["in review", { status: "in-review" as const }],
    ["unpublished", { status: "unpublished" as const }],
    ["scheduled in the future", { status: "scheduled" as const, publishAt: Date.now() + HOUR }],
    ["published with a future time", { status: "published" as const, publishAt: Date.now() + HOUR }],
    ["without a publish time", { status: "published" as const, publishAt: null }],
  ])("a %s story never appears", async (_name, overrides) => {
    await createStory({ title: "Hidden glacier report", ...overrides });
    expect(await search({ q: "glacier" })).toMatchObject({ total: 0, hits: [] });
    expect(await search({ q: "glacier", kind: "story" })).toMatchObject({ total: 0 });
  });

  it("a scheduled story whose time has passed appears", async () => {
    await createStory({ title: "Glacier report", status: "scheduled", publishAt: Date.now() - 1000 });
    expect((await search({ q: "glacier" })).total).toBe(1);
  });

  it("draft events never appear; cancelled ones do, marked as such", async () => {
    await createEvent({ title: "Glacier walk", status: "draft" });
    await createEvent({ title: "Glacier talk", status: "cancelled" });
    const { hits } = await search({ q: "glacier" });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ title: "Glacier talk", cancelled: true });
  });
});

describe("filters and pagination", () => {
  beforeEach(async () => {
    await createStory({ title: "Quantum news", type: "news-release" });
    await createStory({ title: "Quantum feature", type: "feature" });
    await createStory({ title: "Quantum comment", type: "expert-comment" });
    await createEvent({ title: "Quantum evening" });
    await createPerson({ name: "Quantum Expert", expertise: ["quantum computing"] });
  });

  it("filters by kind", async () => {
    expect((await search({ q: "quantum", kind: "story" })).hits.every((h) => h.kind === "story")).toBe(true);
    expect((await search({ q: "quantum", kind: "story" })).total).toBe(3);
    expect((await search({ q: "quantum", kind: "event" })).hits.map((h) => h.title)).toEqual(["Quantum evening"]);
    expect((await search({ q: "quantum", kind: "expert" })).hits.map((h) => h.title)).toEqual(["Quantum Expert"]);
    expect((await search({ q: "quantum" })).total).toBe(5);
  });

  it("filters by story type (which implies stories)", async () => {
    const { hits, total } = await search({ q: "quantum", type: "feature" });
    expect(total).toBe(1);
    expect(hits[0]).toMatchObject({ title: "Quantum feature", label: "Feature" });
    expect((await search({ q: "quantum", kind: "event", type: "feature" })).hits.map((h) => h.kind)).toEqual(["story"]);
  });

  it("pages ten at a time with a total, and past the end is empty", async () => {
    for (let i = 0; i < 12; i += 1) await createStory({ title: `Quantum leap ${i}` });
    const first = await search({ q: "quantum" });
    const second = await search({ q: "quantum", page: 2 });
    expect(first).toMatchObject({ total: 17, pageCount: 2, page: 1 });
    expect(first.hits).toHaveLength(SEARCH_PAGE_SIZE);
    expect(second.hits).toHaveLength(7);
    const seen = new Set([...first.hits, ...second.hits].map((h) => h.href));
    expect(seen.size).toBe(17);
    expect(await search({ q: "quantum", page: 99 })).toMatchObject({ hits: [], total: 17, page: 99 });
    expect((await search({ q: "quantum", page: -1 })).page).toBe(1);
    expect((await search({ q: "quantum", page: 1.5 })).page).toBe(1);
  });
});

describe("sync by triggers", () => {
  it("follows inserts, updates and deletes of stories", async () => {
    const story = await createStory({ title: "Meteorite found" });
    expect((await search({ q: "meteorite" })).total).toBe(1);
    await getDb().update(stories).set({ title: "Comet found" }).where(eq(stories.id, story.id));
    expect((await search({ q: "meteorite" })).total).toBe(0);
    expect((await search({ q: "comet" })).total).toBe(1);
    await getDb().delete(stories).where(eq(stories.id, story.id));
    expect((await search({ q: "comet" })).total).toBe(0);
  });

  it("follows status changes without re-indexing (visibility is checked at query time)", async () => {
    const story = await createStory({ title: "Meteorite found" });
    await getDb().update(stories).set({ status: "unpublished" }).where(eq(stories.id, story.id));
    expect((await search({ q: "meteorite" })).total).toBe(0);
  });

  it("follows events and people", async () => {
    const event = await createEvent({ title: "Meteorite lecture" });
    const person = await createPerson({ name: "Meteorite Hunter" });
    expect((await search({ q: "meteorite" })).total).toBe(2);
    await getDb().update(events).set({ venue: "Nebula hall" }).where(eq(events.id, event.id));
    expect((await search({ q: "nebula", kind: "event" })).total).toBe(1);
    await getDb().update(people).set({ expertise: ["asteroids"] }).where(eq(people.id, person.id));
    expect((await search({ q: "asteroids", kind: "expert" })).total).toBe(1);
    await getDb().delete(events).where(eq(events.id, event.id));
    await getDb().delete(people).where(eq(people.id, person.id));
    expect((await search({ q: "meteorite" })).total).toBe(0);
  });
});

describe("guest experts", () => {
  it("appear only once they have a public story", async () => {
    const guest = await createPerson({ name: "Guest Nightingale", isGuest: true });
    await createStory({ title: "Draft by guest", status: "draft", authors: [guest] });
    expect((await search({ q: "nightingale" })).total).toBe(0);
    await createStory({ title: "Published by guest", authors: [guest] });
    expect((await search({ q: "nightingale", kind: "expert" })).total).toBe(1);
  });
});

describe("quoted phrases (issue 11)", () => {
  it("matches a quoted phrase as a phrase, unquoted words anywhere", async () => {
    const phrase = await createStory({ title: "Climate change reaches the uplands" });
    const apart = await createStory({ title: "Change of plan as the climate warms" });
    expect((await search({ q: '"climate change"' })).hits.map((h) => h.href)).toEqual([`/news/${phrase.slug}`]);
    expect((await search({ q: "climate change" })).total).toBe(2);
    expect((await search({ q: 'uplands "climate change"' })).hits.map((h) => h.href)).toEqual([`/news/${phrase.slug}`]);
    expect(apart.slug).not.toBe(phrase.slug);
  });
});

describe("plain-text excerpts (issue 11)", () => {
  const body = [
    "## Wombat burrows",
    "",
    "> A *wombat* can dig a **burrow** in a night, said the [field report](https://data.example.test/numbat-survey).",
    "",
    "- First finding about the wombat",
    "1. Second finding",
  ].join("\n");

  it("shows no Markdown syntax in a snippet, and keeps <mark> escaped-safe", async () => {
    await createStory({ title: "Field notes", standfirst: "", body });
    const [hit] = (await search({ q: "wombat" })).hits;
    expect(hit?.snippetHtml).toContain("<mark>wombat</mark>");
    const text = (hit?.snippetHtml ?? "").replace(/<\/?mark>/g, "");
    for (const syntax of ["**", "##", "](", "&gt;", ">", "*", "https://"]) expect(text).not.toContain(syntax);
  });

  it("does not match words that only appear inside a link's URL", async () => {
    await createStory({ title: "Field notes", body });
    expect((await search({ q: "numbat" })).total).toBe(0);
    expect((await search({ q: "report" })).total).toBe(1);
  });

  it("follows edits of the body", async () => {
    const story = await createStory({ title: "Field notes", body });
    await getDb().update(stories).set({ body: "Now about **echidnas**.", bodyText: "Now about echidnas." }).where(eq(stories.id, story.id));
    expect((await search({ q: "wombat" })).total).toBe(0);
    expect((await search({ q: "echidnas" })).total).toBe(1);
  });
});

describe("open days (issue 11)", () => {
  it("finds open days by title, summary, campus and subject, never drafts", async () => {
    const day = await createOpenDay({ title: "Postgraduate open evening", summary: "Meet supervisors over coffee.", campus: "Riverside campus", subjects: ["Marine Biology"] });
    await createOpenDay({ title: "Draft marine day", status: "draft", subjects: ["Marine Biology"] });
    for (const q of ["postgraduate evening", "supervisors", "riverside", "marine"]) {
      const { hits } = await search({ q });
      expect(hits.map((h) => [h.kind, h.label, h.href])).toEqual([["open-day", "Open day", `/open-days/${day.slug}`]]);
    }
    const [hit] = (await search({ q: "marine", kind: "open-day" })).hits;
    expect(hit?.snippetHtml).toContain("<mark>Marine</mark> Biology");
    expect(hit?.snippetHtml).not.toMatch(/[[\]"]/);
    expect(hit?.date).toBe(day.startsAt);
    expect((await search({ q: "marine", kind: "story" })).total).toBe(0);
  });
});

describe("did you mean (issue 11)", () => {
  beforeEach(async () => {
    await createStory({ title: "Glacier retreat measured in the Alps", body: "The researchers measured how far each glacier moved." });
    await createStory({ title: "Climate modelling at scale" });
  });

  it("corrects misspelt words from the index's own vocabulary, as readers wrote them", async () => {
    expect(await suggestQuery("glaceir")).toBe("glacier");
    expect(await suggestQuery("glaicer retreet")).toBe("glacier retreat");
    // A stemmed index term ("climat") is offered as the word stories use.
    expect(await suggestQuery("climmate")).toBe("climate");
    expect(await suggestQuery('"glacier retraet"')).toBe('"glacier retreat"');
  });

  it("offers nothing when the words are right, too far off, or unsafe", async () => {
    expect(await suggestQuery("glacier")).toBeNull();
    expect(await suggestQuery("zzzzqqq")).toBeNull();
    expect(await suggestQuery("")).toBeNull();
    expect(await suggestQuery('"*()')).toBeNull();
  });

  it("never suggests a word that only drafts contain", async () => {
    await createStory({ title: "Embargoed zeppelin launch", status: "draft" });
    expect(await suggestQuery("zepelin")).toBeNull();
  });
});

/** Many published features at once, ids in order (one multi-row INSERT: the factories would take seconds). */
async function insertPublished(rows: { slug: string; title: string; bodyText: string }[]): Promise<void> {
  const publishAt = Date.now() - 60_000;
  await getDb().insert(stories).values(rows.map((row) => ({ ...row, type: "feature" as const, status: "published" as const, publishAt })));
}

describe("count at volume (issue 9)", () => {
  it("stops counting past SEARCH_COUNT_CAP and still pages through the first 1,000", async () => {
    await insertPublished(Array.from({ length: SEARCH_COUNT_CAP + 5 }, (_, i) => ({ slug: `bulk-${i}`, title: `Bulk bulletin ${i}`, bodyText: "" })));
    const first = await search({ q: "bulletin" });
    expect(first).toMatchObject({ total: SEARCH_COUNT_CAP + 1, pageCount: SEARCH_COUNT_CAP / SEARCH_PAGE_SIZE });
    expect((await search({ q: "bulletin", page: SEARCH_COUNT_CAP / SEARCH_PAGE_SIZE })).hits).toHaveLength(SEARCH_PAGE_SIZE);
  });
});

describe("ranking window (issue 9)", () => {
  it("pages through the ranked window and the newest-first rest without overlap or gaps", async () => {
    const n = SEARCH_COUNT_CAP + 25;
    await insertPublished(Array.from({ length: n }, (_, i) => ({ slug: `heron-${i}`, title: `Heron note ${i}`, bodyText: i % 7 === 0 ? "heron heron heron" : "" })));
    const seen: string[] = [];
    for (let page = 1; page <= SEARCH_COUNT_CAP / SEARCH_PAGE_SIZE; page++) seen.push(...(await search({ q: "heron", page })).hits.map((h) => h.href));
    expect(seen).toHaveLength(SEARCH_COUNT_CAP);
    expect(new Set(seen).size).toBe(SEARCH_COUNT_CAP);
    // In the window (the newest matches), title and standfirst words rank; the rest follows newest first.
    const id = (href: string) => Number(href.split("-")[1]);
    expect(seen.slice(0, RANK_WINDOW).every((href) => id(href) >= n - RANK_WINDOW)).toBe(true);
    const rest = seen.slice(RANK_WINDOW);
    expect(rest).toEqual([...rest].sort((a, b) => Number(b.split("-")[1]) - Number(a.split("-")[1])));
  });
});
