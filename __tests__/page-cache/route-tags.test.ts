import { tags } from "@/lib/cache";
import { classify } from "@/lib/page-cache/key";
import { PageCache } from "@/lib/page-cache/page-cache";

/**
 * The writes' tags (lib/cache.ts `tags`, as the lib/ writes call them) against
 * the pages' tags (the route table): each kind of change must purge every
 * page that shows it. The writes' own tests check which tags each write sends.
 */
const pages = [
  "/", "/news", "/news?type=feature", "/news/a-story", "/experts", "/experts/jane-doe", "/topics/law",
  "/events", "/events/a-talk", "/events/a-talk/calendar.ics", "/events.ics", "/open-days", "/open-days/spring-day",
  "/search?q=climate", "/feed.xml", "/sitemap.xml", "/robots.txt", "/privacy",
];

function keyOf(url: string): { key: string; tags: string[] } {
  const d = classify({ method: "GET", url, headers: {} });
  if (!d.cache) throw new Error(`${url} should be cacheable`);
  return d;
}

/** Fills a cache with every page type, purges these tags, and returns the pages that went. */
async function purgedBy(...tagList: string[]): Promise<string[]> {
  const cache = new PageCache({ budgetBytes: 8 << 20, ttlMs: 60_000 });
  for (const url of pages) {
    const { key, tags: pageTags } = keyOf(url);
    await cache.fill(key, pageTags, async () => ({ status: 200, headers: [], body: Buffer.from(url), storable: true }));
  }
  cache.purge(tagList);
  return pages.filter((url) => cache.peek(keyOf(url).key) === undefined);
}

describe("every change purges the pages that show it", () => {
  test("a story published, edited, unpublished, expired or featured (the story tags editor writes send)", async () => {
    const purged = await purgedBy(tags.stories, tags.story("a-story"), tags.people, tags.topics);
    expect(purged).toEqual(expect.arrayContaining(["/", "/news", "/news?type=feature", "/news/a-story", "/experts/jane-doe", "/topics/law", "/search?q=climate", "/feed.xml", "/sitemap.xml"]));
    expect(purged).not.toContain("/privacy");
  });

  test("an approved comment purges its story page", async () => {
    expect(await purgedBy(tags.comments(12))).toEqual(expect.arrayContaining(["/news/a-story"]));
  });

  test("an event change purges the home page, story pages (upcoming events), event pages and calendars", async () => {
    expect(await purgedBy(tags.events)).toEqual(expect.arrayContaining(["/", "/news/a-story", "/events", "/events/a-talk", "/events/a-talk/calendar.ics", "/events.ics", "/search?q=climate"]));
  });

  test("places left on an open day purge the finder, the day's page and the home page", async () => {
    const purged = await purgedBy(tags.openDays);
    expect(purged).toEqual(expect.arrayContaining(["/", "/open-days", "/open-days/spring-day"]));
    expect(purged).not.toContain("/news/a-story");
  });

  test("a promo change purges the pages with promo blocks", async () => {
    expect(await purgedBy(tags.promos)).toEqual(expect.arrayContaining(["/", "/news/a-story"]));
  });

  test("an expert's profile change purges the directory and the profile", async () => {
    expect(await purgedBy(tags.people, tags.person("jane-doe"))).toEqual(expect.arrayContaining(["/", "/experts", "/experts/jane-doe", "/news/a-story"]));
  });
});
