import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { events, people, stories } from "@/db/schema";
import { createEvent, createPerson, createStory } from "@/__tests__/factories";
import { freshDb } from "@/__tests__/helpers/db";
import { search, SEARCH_PAGE_SIZE } from "@/lib/search";

const HOUR = 3_600_000;

beforeEach(() => {
  freshDb();
});

describe("ranking", () => {
  it("puts a title match above a body match", async () => {
    const inBody = createStory({ title: "Campus news roundup", body: "The new observatory opens to the public next week." });
    const inTitle = createStory({ title: "Observatory opens its doors", body: "A telescope for everyone." });
    const { hits, total } = await search({ q: "observatory" });
    expect(total).toBe(2);
    expect(hits.map((h) => h.href)).toEqual([`/news/${inTitle.slug}`, `/news/${inBody.slug}`]);
  });

  it("matches the last word as a prefix and stems the others", async () => {
    const story = createStory({ title: "Researchers publish climate findings" });
    expect((await search({ q: "researcher clim" })).hits.map((h) => h.href)).toEqual([`/news/${story.slug}`]);
  });

  it("searches events and experts with the right labels and links", async () => {
    createStory({ title: "Volcano story" });
    const event = createEvent({ title: "Volcano lecture" });
    const person = createPerson({ name: "Dr Ash Cloud", bio: "Studies every volcano on Earth." });
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
    createStory({ title: "<script>alert(1)</script> Telescope & <b>bold</b>", standfirst: "A <img src=x onerror=alert(1)> telescope story" });
    const [hit] = (await search({ q: "telescope" })).hits;
    expect(hit?.titleHtml).toBe("&lt;script&gt;alert(1)&lt;/script&gt; <mark>Telescope</mark> &amp; &lt;b&gt;bold&lt;/b&gt;");
    expect(hit?.snippetHtml).toContain("&lt;img src=x onerror=alert(1)&gt; <mark>telescope</mark>");
    expect(hit?.snippetHtml).not.toMatch(/<(?!\/?mark>)/);
  });
});
