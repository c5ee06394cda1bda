jest.mock("@/lib/auth/session", () => ({ currentSessionUser: jest.fn() }));
jest.mock("@/lib/mail", () => ({ sendMail: jest.fn(async () => ({ messageId: "test" })) }));
import { eq } from "drizzle-orm";
import * as s from "@/db/schema";
import { createEvent, createStory } from "@/__tests__/factories";
import { freshDb } from "@/__tests__/helpers/db";
import { eventJobs } from "@/lib/events/jobs";
import { installPageCache } from "@/lib/page-cache/global";
import { PageCache, type Rendered } from "@/lib/page-cache/page-cache";
import { runJobsOnce } from "@/lib/scheduler";
import { storyJobs } from "@/lib/stories/schedule";
import { mostReadThisWeek, recordViews } from "@/lib/stories/views";

const page = (text: string): Rendered => ({ status: 200, headers: [], body: Buffer.from(text), storable: true });

let db: ReturnType<typeof freshDb>;
let cache: PageCache;
beforeEach(async () => {
  db = freshDb();
  cache = new PageCache({ budgetBytes: 1 << 20, ttlMs: 60_000 });
  installPageCache(cache);
  await cache.fill("/", ["stories", "events", "promos"], async () => page("home"));
  await cache.fill("/privacy", ["site"], async () => page("privacy"));
});
afterEach(() => installPageCache(undefined));

describe("freshness from the scheduler, outside any request", () => {
  test("a story that falls due is published and the cached home page is purged on that run", async () => {
    const now = Date.now();
    const story = createStory({ status: "scheduled", publishAt: now + 1_000 });
    await runJobsOnce(storyJobs, now);
    expect(cache.peek("/")).toBeDefined(); // not due yet: nothing to purge
    await runJobsOnce(storyJobs, now + 1_000);
    expect(db.select().from(s.stories).where(eq(s.stories.id, story.id)).get()?.status).toBe("published");
    expect(cache.peek("/")).toBeUndefined();
    expect(cache.peek("/privacy")).toBeDefined();
  });

  test("an event starting purges the event lists when its start passes, not before", async () => {
    const start = Date.now() + 5_000;
    createEvent({ startsAt: start, endsAt: start + 3_600_000, status: "published" });
    const [job] = eventJobs;
    await job!.run(start - 1);
    expect(cache.peek("/")).toBeDefined();
    await job!.run(start);
    expect(cache.peek("/")).toBeUndefined();
  });
});

describe("views counted in batches", () => {
  test("one batch by slug adds to the day's counts; unknown slugs are ignored", async () => {
    const a = createStory();
    const b = createStory();
    recordViews(new Map([[a.slug, 3], [b.slug, 5], ["no-such-story", 9]]));
    recordViews(new Map([[a.slug, 4]]));
    const top = await mostReadThisWeek(5);
    expect(top.map((t) => [t.slug, t.views])).toEqual([[a.slug, 7], [b.slug, 5]]);
  });
});
