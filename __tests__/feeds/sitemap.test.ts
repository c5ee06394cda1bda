import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { stories, type Story } from "@/db/schema";
import { createEvent, createOpenDay, createPerson, createStory, createTopic } from "@/__tests__/factories";
import { freshDb } from "@/__tests__/helpers/db";
import robots from "@/app/robots";
import { GET as sitemapXml } from "@/app/sitemap.xml/route";
import { GET as childSitemap } from "@/app/sitemaps/[name]/route";
import { renderChildSitemap, renderSitemap } from "@/lib/sitemap/xml";

jest.mock("next/server", () => ({ connection: jest.fn(async () => undefined) }));

const HOUR = 3_600_000;
const SITE = "http://localhost:3000";

beforeEach(async () => {
  await freshDb();
});

type Entry = { url: string; lastModified?: Date };

function parseUrlset(xml: string): Entry[] {
  expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
  return [...xml.matchAll(/<url><loc>([^<]+)<\/loc>(?:<lastmod>([^<]+)<\/lastmod>)?<\/url>/g)].map((m) => ({
    url: m[1]!.replace(/&amp;/g, "&"),
    ...(m[2] ? { lastModified: new Date(m[2]) } : {}),
  }));
}

async function sitemap(): Promise<Entry[]> {
  const res = await sitemapXml();
  expect(res.headers.get("Content-Type")).toBe("application/xml; charset=utf-8");
  return parseUrlset(await res.text());
}

async function urls() {
  const entries = await sitemap();
  return new Map(entries.map((e) => [e.url, e.lastModified]));
}

describe("/sitemap.xml", () => {
  it("lists every public story, expert, topic, event and open day with lastModified", async () => {
    const topic = await createTopic({ slug: "physics" });
    const expert = await createPerson({ slug: "ada-byte" });
    const publishAt = Date.now() - 2 * HOUR;
    const story = await createStory({ slug: "lasers", publishAt, topics: [topic], authors: [expert] });
    const event = await createEvent({ slug: "star-night" });
    const day = await createOpenDay({ slug: "june-open-day", status: "closed" });
    await createTopic({ slug: "empty-topic" });

    const map = await urls();
    for (const path of ["", "/news", "/news/lasers", "/experts/ada-byte", "/topics/physics", "/events/star-night", "/open-days/june-open-day"]) {
      expect(map.has(`${SITE}${path}`)).toBe(true);
    }
    expect(map.get(`${SITE}/news/lasers`)).toEqual(new Date(Math.max(story.updatedAt, publishAt)));
    expect(map.get(`${SITE}/topics/physics`)).toEqual(new Date(Math.max(story.updatedAt, publishAt)));
    expect(map.get(`${SITE}/experts/ada-byte`)).toEqual(new Date(expert.updatedAt));
    expect(map.get(`${SITE}/events/star-night`)).toEqual(new Date(event.updatedAt));
    expect(map.get(`${SITE}/open-days/june-open-day`)).toEqual(new Date(day.updatedAt));
    expect(map.has(`${SITE}/topics/empty-topic`)).toBe(true);
    expect(map.get(`${SITE}/topics/empty-topic`)).toBeUndefined();
  });

  it("leaves out drafts, reviews, future and withdrawn stories, draft events and open days, and unpublished guests", async () => {
    const guest = await createPerson({ slug: "guest-writer", isGuest: true });
    await createStory({ slug: "draft", status: "draft", authors: [guest] });
    await createStory({ slug: "review", status: "in-review" });
    await createStory({ slug: "future", status: "scheduled", publishAt: Date.now() + HOUR });
    const withdrawn = await createStory({ slug: "withdrawn" });
    await getDb().update(stories).set({ status: "unpublished" }).where(eq(stories.id, withdrawn.id));
    await createEvent({ slug: "draft-event", status: "draft" });
    await createOpenDay({ slug: "draft-day", status: "draft" });

    const paths = [...(await urls()).keys()].map((u) => u.replace(SITE, ""));
    for (const hidden of ["/news/draft", "/news/review", "/news/future", "/news/withdrawn", "/events/draft-event", "/open-days/draft-day", "/experts/guest-writer"]) {
      expect(paths).not.toContain(hidden);
    }
    await createStory({ slug: "by-guest", authors: [guest] });
    expect((await urls()).has(`${SITE}/experts/guest-writer`)).toBe(true);
  });

  it("uses absolute URLs only", async () => {
    await createStory();
    for (const entry of await sitemap()) expect(entry.url.startsWith(`${SITE}`)).toBe(true);
  });
});

describe("a site too large for one sitemap file", () => {
  it("serves an index of child sitemaps that together list every story once", async () => {
    const made: Story[] = [];
    for (const n of [1, 2, 3, 4, 5]) made.push(await createStory({ slug: `many-${n}` }));
    const index = await renderSitemap(2);
    const children = [...index.matchAll(/<sitemap><loc>([^<]+)<\/loc><\/sitemap>/g)].map((m) => m[1]!);
    expect(index).toContain("<sitemapindex");
    expect(children).toEqual([`${SITE}/sitemaps/pages.xml`, `${SITE}/sitemaps/stories-1.xml`, `${SITE}/sitemaps/stories-2.xml`, `${SITE}/sitemaps/stories-3.xml`]);
    const listed: string[] = [];
    for (const child of children) {
      const xml = await renderChildSitemap(child.split("/").pop()!, 2);
      listed.push(...parseUrlset(xml!).map((e) => e.url));
    }
    expect(listed.filter((u) => u.includes("/news/many-")).sort()).toEqual(made.map((s) => `${SITE}/news/${s.slug}`).sort());
    expect(listed).toContain(`${SITE}/news`);
    expect(await renderChildSitemap("stories-4.xml", 2)).toBeNull();
    expect(await renderChildSitemap("../etc.xml", 2)).toBeNull();
  });

  it("answers 404 for a child sitemap that does not exist", async () => {
    await createStory();
    const res = await childSitemap(new Request(`${SITE}/sitemaps/stories-2.xml`), { params: Promise.resolve({ name: "stories-2.xml" }) });
    expect(res.status).toBe(404);
    const pages = await childSitemap(new Request(`${SITE}/sitemaps/pages.xml`), { params: Promise.resolve({ name: "pages.xml" }) });
    expect(parseUrlset(await pages.text()).map((e) => e.url)).toContain(`${SITE}/news`);
  });
});

describe("/robots.txt", () => {
  it("disallows the editor and names the sitemap by absolute URL", async () => {
    const result = await robots();
    const rules = Array.isArray(result.rules) ? result.rules : [result.rules];
    expect(rules.flatMap((r) => r.disallow ?? [])).toContain("/editor");
    expect(result.sitemap).toBe(`${SITE}/sitemap.xml`);
  });
});
