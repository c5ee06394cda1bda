import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { stories } from "@/db/schema";
import { createEvent, createOpenDay, createPerson, createStory, createTopic } from "@/__tests__/factories";
import { freshDb } from "@/__tests__/helpers/db";
import robots from "@/app/robots";
import sitemap from "@/app/sitemap";

jest.mock("next/server", () => ({ connection: jest.fn(async () => undefined) }));

const HOUR = 3_600_000;
const SITE = "http://localhost:3000";

beforeEach(() => {
  freshDb();
});

async function urls() {
  const entries = await sitemap();
  return new Map(entries.map((e) => [e.url, e.lastModified]));
}

describe("/sitemap.xml", () => {
  it("lists every public story, expert, topic, event and open day with lastModified", async () => {
    const topic = createTopic({ slug: "physics" });
    const expert = createPerson({ slug: "ada-byte" });
    const publishAt = Date.now() - 2 * HOUR;
    const story = createStory({ slug: "lasers", publishAt, topics: [topic], authors: [expert] });
    const event = createEvent({ slug: "star-night" });
    const day = createOpenDay({ slug: "june-open-day", status: "closed" });
    createTopic({ slug: "empty-topic" });

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
    const guest = createPerson({ slug: "guest-writer", isGuest: true });
    createStory({ slug: "draft", status: "draft", authors: [guest] });
    createStory({ slug: "review", status: "in-review" });
    createStory({ slug: "future", status: "scheduled", publishAt: Date.now() + HOUR });
    const withdrawn = createStory({ slug: "withdrawn" });
    getDb().update(stories).set({ status: "unpublished" }).where(eq(stories.id, withdrawn.id)).run();
    createEvent({ slug: "draft-event", status: "draft" });
    createOpenDay({ slug: "draft-day", status: "draft" });

    const paths = [...(await urls()).keys()].map((u) => u.replace(SITE, ""));
    for (const hidden of ["/news/draft", "/news/review", "/news/future", "/news/withdrawn", "/events/draft-event", "/open-days/draft-day", "/experts/guest-writer"]) {
      expect(paths).not.toContain(hidden);
    }
    createStory({ slug: "by-guest", authors: [guest] });
    expect((await urls()).has(`${SITE}/experts/guest-writer`)).toBe(true);
  });

  it("uses absolute URLs only", async () => {
    createStory();
    for (const entry of await sitemap()) expect(entry.url.startsWith(`${SITE}`)).toBe(true);
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
