import { getDb } from "@/db/client";
import { storyViews } from "@/db/schema";
import { GET } from "@/app/(public)/news/[slug]/republish-counter.gif/route";
import { renderMarkdown } from "@/lib/markdown";
import { serializeJsonLd, storyJsonLd } from "@/lib/stories/json-ld";
import { getStoryBySlug } from "@/lib/stories/public";
import { buildRepublishSnippet } from "@/lib/stories/republish";
import { createPerson, createStory } from "../factories";
import { freshDb } from "../helpers/db";

beforeEach(async () => {
  await freshDb();
});

function counter(slug: string) {
  return GET(new Request(`http://localhost:3000/news/${slug}/republish-counter.gif`), { params: Promise.resolve({ slug }) });
}

describe("republish counter", () => {
  it("returns an uncached 1×1 GIF and counts a republish view", async () => {
    const story = await createStory({ slug: "ours" });
    const res = await counter("ours");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/gif");
    expect(res.headers.get("cache-control")).toContain("no-store");
    expect(res.headers.get("set-cookie")).toBeNull();
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 6).toString("ascii")).toBe("GIF89a");
    expect(bytes.readUInt16LE(6)).toBe(1);
    expect(bytes.readUInt16LE(8)).toBe(1);
    await counter("ours");
    expect(await getDb().select().from(storyViews)).toEqual([expect.objectContaining({ storyId: story.id, views: 0, republishViews: 2 })]);
  });

  it("counts nothing for unknown or non-public stories", async () => {
    await createStory({ slug: "draft", status: "draft" });
    expect((await counter("draft")).status).toBe(404);
    expect((await counter("nope")).status).toBe(404);
    expect(await getDb().select().from(storyViews)).toEqual([]);
  });
});

describe("republish snippet", () => {
  it("escapes the headline and byline and makes links absolute", () => {
    const html = buildRepublishSnippet({
      title: "Cats & <dogs>",
      slug: "cats",
      authors: [{ name: "A \"B\" C", jobTitle: "Lecturer", institution: "Harrowgate" }],
      bodyHtml: renderMarkdown("[in](/news/other) [out](https://example.org) ![x](/uploads/a.png)"),
      licence: "CC BY-ND 4.0",
      siteName: "University of Harrowgate",
      siteUrl: "https://news.example.ac.uk",
    });
    expect(html).toContain("<h1>Cats &amp; &lt;dogs&gt;</h1>");
    expect(html).toContain("<p>By A &quot;B&quot; C, Lecturer, Harrowgate</p>");
    expect(html).toContain('href="https://news.example.ac.uk/news/other"');
    expect(html).toContain('href="https://example.org"');
    expect(html).toContain('src="https://news.example.ac.uk/uploads/a.png"');
    expect(html).toContain('<a href="https://creativecommons.org/licenses/by-nd/4.0/">CC BY-ND 4.0</a>');
    expect(html).toContain('<img src="https://news.example.ac.uk/news/cats/republish-counter.gif" alt="" width="1" height="1">');
  });
});

describe("JSON-LD", () => {
  it("describes a news release as NewsArticle with Person authors, dates and publisher", async () => {
    const p = await createPerson({ name: "Ada", slug: "ada", jobTitle: "Professor", institution: "Harrowgate" });
    await createStory({ slug: "release", type: "news-release", title: "A release", authors: [p], publishAt: Date.UTC(2024, 3, 22, 9) });
    const story = (await getStoryBySlug("release"))!;
    const data = storyJsonLd(story, { siteUrl: "https://news.example.ac.uk", siteName: "University of Harrowgate" });
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: "A release",
      url: "https://news.example.ac.uk/news/release",
      datePublished: "2024-04-22T09:00:00.000Z",
      author: [{ "@type": "Person", name: "Ada", jobTitle: "Professor", url: "https://news.example.ac.uk/experts/ada", affiliation: { "@type": "Organization", name: "Harrowgate" } }],
      publisher: { "@type": "Organization", name: "University of Harrowgate", url: "https://news.example.ac.uk" },
    });
    expect(data).not.toHaveProperty("image");
    expect(Date.parse(data.dateModified)).toBeGreaterThanOrEqual(Date.parse(data.datePublished));
  });

  it("escapes < so text cannot close the script element", () => {
    const json = serializeJsonLd({ headline: "</script><script>alert(1)</script>" });
    expect(json).not.toContain("<");
    expect(JSON.parse(json)).toEqual({ headline: "</script><script>alert(1)</script>" });
  });
});
