jest.mock("@/lib/mail", () => ({ sendMail: jest.fn(async () => ({ messageId: "test" })) }));
import { eq } from "drizzle-orm";
import * as s from "@/db/schema";
import { createEvent, createStory } from "@/__tests__/factories";
import { first, type DB } from "@/db/client";
import { freshDb } from "@/__tests__/helpers/db";
import { eventJobs } from "@/lib/events/jobs";
import { installPageCache } from "@/lib/page-cache/global";
import { PageCache, type Rendered } from "@/lib/page-cache/page-cache";
import { runJobsOnce } from "@/lib/scheduler";
import { storyBoundaryPassed, storyJobs } from "@/lib/stories/schedule";
import { mostReadThisWeek, recordViews } from "@/lib/stories/views";

const page = (text: string): Rendered => ({ status: 200, headers: [], body: Buffer.from(text), storable: true });

let db: DB;
let cache: PageCache;
beforeEach(async () => {
  db = await freshDb();
  cache = new PageCache({ budgetBytes: 1 << 20, ttlMs: 60_000 });
  installPageCache(cache);
  await cache.fill("/", ["stories", "events", "promos"], async () => page("home"));
  await cache.fill("/privacy", ["site"], async () => page("privacy"));
});
afterEach(() => installPageCache(undefined));

describe("freshness from the scheduler, outside any request", () => {
  test("a story that falls due is published and the cached home page is purged on that run", async () => {
    const now = Date.now();
    const story = await createStory({ status: "scheduled", publishAt: now + 1_000 });
    await runJobsOnce(storyJobs, now);
    expect(cache.peek("/")).toBeDefined(); // not due yet: nothing to purge
    await runJobsOnce(storyJobs, now + 1_000);
    expect((await first(db.select().from(s.stories).where(eq(s.stories.id, story.id)).limit(1)))?.status).toBe("published");
    expect(cache.peek("/")).toBeUndefined();
    expect(cache.peek("/privacy")).toBeDefined();
  });

  test("an event starting purges the event lists when its start passes, not before", async () => {
    const start = Date.now() + 5_000;
    await createEvent({ startsAt: start, endsAt: start + 3_600_000, status: "published" });
    const [job] = eventJobs;
    await job!.run(start - 1);
    expect(cache.peek("/")).toBeDefined();
    await job!.run(start);
    expect(cache.peek("/")).toBeUndefined();
  });
});

describe("story boundaries", () => {
  test("a published story's future publish time or expiry counts when it passes; a publish-now does not purge twice", async () => {
    const t = Date.now();
    await createStory({ status: "published", publishAt: t + 5_000, updatedAt: t });
    await createStory({ status: "published", publishAt: t - 60_000, unpublishAt: t + 9_000, updatedAt: t });
    await createStory({ status: "published", publishAt: t + 20_000, updatedAt: t + 20_000 }); // published "now" at t+20s
    expect(await storyBoundaryPassed(t, t + 4_999)).toBe(false);
    expect(await storyBoundaryPassed(t + 4_999, t + 5_000)).toBe(true);
    expect(await storyBoundaryPassed(t + 8_000, t + 9_000)).toBe(true);
    expect(await storyBoundaryPassed(t + 19_000, t + 21_000)).toBe(false);
  });
});

describe("views counted in batches", () => {
  test("one batch by slug adds to the day's counts; unknown slugs are ignored", async () => {
    const a = await createStory();
    const b = await createStory();
    await recordViews(new Map([[a.slug, 3], [b.slug, 5], ["no-such-story", 9]]));
    await recordViews(new Map([[a.slug, 4]]));
    const top = await mostReadThisWeek(5);
    expect(top.map((t) => [t.slug, t.views])).toEqual([[a.slug, 7], [b.slug, 5]]);
  });
});
