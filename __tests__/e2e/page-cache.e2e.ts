/**
 * The page cache in front of Next (scripts/server.ts), tested against the
 * running production server with plain HTTP: what is cached and with which
 * headers, what never is, freshness after a publish (editor and scheduler),
 * single flight, 304s, a junk-URL flood, and views counted from cache hits.
 * Every other change (edit, unpublish, expiry, featuring, comments, events,
 * open-day places, promos, experts) is timed in freshness.e2e.ts.
 * @see docs/decisions/0006-page-cache.md
 */
import { baseUrl, createNewsDraft, launchBrowser, login } from "./support/browser";
import { cached, one, openServerDb, request } from "./support/http";

type Stats = { entries: number; bytes: number; budget: number; probationBytes: number; evictions: number; renders: number; stores: number; hits: number };

async function stats(): Promise<Stats> {
  const res = await request("/api/health");
  return (JSON.parse(res.text) as { pageCache: Stats }).pageCache;
}

let db: ReturnType<typeof openServerDb>;
let slugs: { story: string; person: string; topic: string; event: string; openDay: string };

beforeAll(() => {
  db = openServerDb();
  const now = Date.now();
  slugs = {
    story: String(one(db, "select slug from stories where status = 'published' and publish_at <= ? order by publish_at desc limit 1", now).slug),
    person: String(one(db, "select slug from people where is_guest = 0 order by id limit 1").slug),
    topic: String(one(db, "select t.slug from topics t join story_topics st on st.topic_id = t.id limit 1").slug),
    event: String(one(db, "select slug from events where status = 'published' order by starts_at desc limit 1").slug),
    openDay: String(one(db, "select slug from open_days where status = 'open' and starts_at > ? order by starts_at limit 1", now).slug),
  };
});
afterAll(() => db.close());

describe("cached public pages", () => {
  it("every public page type is stored on the first request and answered from memory after, with proxy headers", async () => {
    const pages: [string, string][] = [
      ["/", "promos"],
      ["/news", "stories"],
      ["/news?type=feature", "stories"],
      [`/news/${slugs.story}`, `story:${slugs.story}`],
      ["/experts", "people"],
      [`/experts/${slugs.person}`, `person:${slugs.person}`],
      [`/topics/${slugs.topic}`, "topics"],
      ["/events", "events"],
      [`/events/${slugs.event}`, "events"],
      [`/events/${slugs.event}/calendar.ics`, "events"],
      ["/events.ics", "events"],
      ["/open-days", "open-days"],
      [`/open-days/${slugs.openDay}`, "open-days"],
      ["/search?q=climate", "stories"],
      ["/feed.xml", "stories"],
      ["/sitemap.xml", "stories"],
      ["/robots.txt", "stories"],
      ["/privacy", "site"],
    ];
    for (const [page, tag] of pages) {
      const first = await request(page, { headers: { "accept-encoding": "br, gzip" } });
      expect([page, first.status]).toEqual([page, 200]);
      expect([page, first.headers["x-cache"]]).toEqual([page, expect.stringMatching(/^(MISS|HIT|STALE)$/)]);
      const second = await cached(page, { "accept-encoding": "br, gzip" });
      expect([page, second.headers["x-cache"]]).toEqual([page, "HIT"]);
      const third = await request(page, { headers: { "accept-encoding": "br, gzip" } });
      expect(second.headers["cache-control"]).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
      expect(String(second.headers["surrogate-key"]).split(" ")).toContain(tag);
      expect(String(second.headers["cache-tag"]).split(",")).toContain(tag);
      expect(second.headers.vary).toMatch(/Accept-Encoding/);
      expect(second.headers["content-encoding"]).toBe("br");
      expect(second.headers.etag).toMatch(/^"[A-Za-z0-9_-]+-br"$/);
      expect(third.body.equals(second.body)).toBe(true);
      expect(third.headers.etag).toBe(second.headers.etag);
      expect(second.headers["content-type"]).toBe(first.headers["content-type"]);
      // The same page uncompressed, and gzipped, for clients that ask for that.
      const plain = await request(page);
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(Number(plain.headers["content-length"])).toBe(plain.body.length);
      expect((await request(page, { headers: { "accept-encoding": "gzip" } })).headers["content-encoding"]).toBe("gzip");
    }
  });

  it("HEAD is answered from the cache with the headers of a GET and no body", async () => {
    await cached("/news");
    const head = await request("/news", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers["x-cache"]).toBe("HIT");
    expect(Number(head.headers["content-length"])).toBeGreaterThan(1000);
    expect(head.body.length).toBe(0);
  });

  it("answers 304 to a matching If-None-Match, for each representation", async () => {
    for (const encoding of ["br", "gzip", "identity"]) {
      const full = await request("/events", { headers: { "accept-encoding": encoding } });
      const etag = full.headers.etag!;
      const again = await request("/events", { headers: { "accept-encoding": encoding, "if-none-match": etag } });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
      expect(again.headers.etag).toBe(etag);
      const stale = await request("/events", { headers: { "accept-encoding": encoding, "if-none-match": '"not-this-one"' } });
      expect(stale.status).toBe(200);
    }
  });

  it("fifty simultaneous misses for one URL render it once; all get the same bytes", async () => {
    const page = `/search?q=single-flight-${Date.now()}`;
    const before = await stats();
    const responses = await Promise.all(Array.from({ length: 50 }, () => request(page)));
    const after = await stats();
    expect(after.renders - before.renders).toBe(1);
    expect(new Set(responses.map((r) => r.status))).toEqual(new Set([200]));
    expect(new Set(responses.map((r) => r.headers.etag)).size).toBe(1);
    // Those that arrived after the render finished were hits on what it stored.
    expect(responses.every((r) => r.headers["x-cache"] === "MISS" || r.headers["x-cache"] === "HIT")).toBe(true);
    expect((await request(page)).headers["x-cache"]).toBe("HIT");
  });
});

describe("never cached", () => {
  it("personal pages, the API, writes and RSC requests are private, no-store, and nothing is stored", async () => {
    const before = await stats();
    const cases: [string, { method?: string; headers?: Record<string, string> }][] = [
      ["/editor", {}],
      ["/editor/stories", {}],
      ["/login", {}],
      ["/preview/not-a-real-token", {}],
      ["/open-days/registrations/not-a-real-token", {}],
      ["/open-days/registrations/not-a-real-token/calendar.ics", {}],
      ["/api/health", {}],
      ["/api/auth/session", {}],
      [`/news/${slugs.story}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" } }],
      ["/news", { headers: { rsc: "1" } }],
      ["/news?_rsc=abc123", {}],
    ];
    for (const [page, options] of cases) {
      const res = await request(page, options);
      expect([page, res.headers["cache-control"]]).toEqual([page, "private, no-store"]);
      expect([page, res.headers["x-cache"]]).toEqual([page, "BYPASS"]);
      expect(res.headers["surrogate-key"]).toBeUndefined();
    }
    const after = await stats();
    expect(after.stores).toBe(before.stores);
  });

  it("a signed-in editor browsing public pages always gets a fresh render, never stored and never from the cache", async () => {
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      await login(page, "editor@newsroom.test");
      const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
      expect(cookie).toMatch(/authjs\.session-token/);

      const onlyEditor = `/search?q=editor-only-${Date.now()}`;
      await request("/"); // make sure the anonymous copy exists
      const before = await stats();
      for (const target of ["/", `/news/${slugs.story}`, "/news?page=2", onlyEditor]) {
        const res = await request(target, { headers: { cookie } });
        expect([target, res.status]).toEqual([target, 200]);
        expect([target, res.headers["x-cache"]]).toEqual([target, "BYPASS"]);
        expect(res.headers["cache-control"]).toBe("private, no-store");
      }
      const after = await stats();
      expect(after.stores).toBe(before.stores);
      expect(after.hits).toBe(before.hits);
      // The editor's render was not kept: the first reader to ask renders it.
      expect((await request(onlyEditor)).headers["x-cache"]).toBe("MISS");
      await context.close();
    } finally {
      await browser.close();
    }
  });
});

describe("fresh within a second", () => {
  it("a story published, edited and unpublished in the editor shows on the cached pages on the very next request", async () => {
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      await login(page, "editor@newsroom.test");
      const title = `Page cache freshness check ${Date.now()}`;
      await page.goto(`${baseUrl()}/editor/stories/new`);
      await createNewsDraft(page, { title, standfirst: "A story published to check that cached lists refresh at once.", body: "The text of the story." });
      await page.getByRole("button", { name: "Publish now" }).waitFor();

      const warm = await cached("/news");
      expect(warm.headers["x-cache"]).toBe("HIT");
      expect(warm.text).not.toContain(title);

      await page.getByRole("button", { name: "Publish now" }).click();
      await page.getByText(/Published\. The story is now on the public site/).waitFor();
      const next = await request("/news");
      expect(next.headers["x-cache"]).toBe("MISS");
      expect(next.text).toContain(title);

      // An edit: the cached story page shows the new headline on the next request.
      const slug = await page.getByLabel("Web address", { exact: true }).inputValue();
      expect((await cached(`/news/${slug}`)).headers["x-cache"]).toBe("HIT");
      const edited = `${title} (corrected)`;
      await page.getByLabel("Headline").fill(edited);
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await page.getByText("Your changes have been saved.").waitFor();
      const story = await request(`/news/${slug}`);
      expect(story.headers["x-cache"]).toBe("MISS");
      expect(story.text).toContain(edited);

      // Unpublished: gone from the story's address and the list at once.
      await cached("/news");
      expect((await cached(`/news/${slug}`)).headers["x-cache"]).toBe("HIT");
      await page.getByRole("button", { name: "Unpublish", exact: true }).click();
      await page.getByText("Unpublished. The story is no longer on the public site.").waitFor();
      expect((await request(`/news/${slug}`)).status).toBe(404);
      expect((await request("/news")).text).not.toContain(edited);
      await context.close();
    } finally {
      await browser.close();
    }
  });

  it("a story scheduled a few seconds ahead is on the home page within a second of its time, through the scheduler", async () => {
    const title = `Scheduled by the page-cache test ${Date.now()}`;
    const slug = `page-cache-scheduled-${Date.now()}`;
    const publishAt = Date.now() + 4_000;
    db.prepare(
      "insert into stories (type, slug, title, standfirst, body, body_text, status, publish_at, created_at, updated_at) values ('news-release', ?, ?, 'Scheduled standfirst.', 'Scheduled body.', 'Scheduled body.', 'scheduled', ?, ?, ?)",
    ).run(slug, title, publishAt, Date.now(), Date.now());

    // Cached before its time, and not showing it.
    const before = await cached("/");
    expect(before.headers["x-cache"]).toBe("HIT");
    expect(before.text).not.toContain(title);

    let seenAt: number | null = null;
    while (Date.now() < publishAt + 3_000) {
      const startedAt = Date.now();
      const home = await request("/");
      if (home.text.includes(title)) {
        seenAt = startedAt;
        break;
      }
      // A request that started over a second after the publish time must already show it.
      expect(startedAt).toBeLessThan(publishAt + 1_000);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(seenAt).not.toBeNull();
    expect(seenAt!).toBeGreaterThanOrEqual(publishAt - 100);
    expect(one(db, "select status from stories where slug = ?", slug).status).toBe("published");
  });
});

describe("bounded memory", () => {
  it("unknown parameters share one entry, and a flood of unique URLs neither exceeds the budget nor evicts pages readers repeat", async () => {
    // Hot pages: requested twice, so they are in the protected segment.
    const hot = ["/", "/news", `/news/${slugs.story}`, "/events"];
    for (const page of hot) {
      await cached(page);
      await request(page);
    }
    const start = await stats();

    // 300 junk parameters on a hot page: all hits on the one entry, and none for a proxy to store.
    for (let i = 0; i < 300; i++) {
      const res = await request(`/news?utm_source=junk${i}&ref=${i}`);
      expect([res.headers["x-cache"], res.headers["cache-control"]]).toEqual(["HIT", "private, no-cache"]);
    }
    // Junk page numbers are refused (404) and never stored.
    for (const junk of ["abc", "-1", "2.5", "1e9", "0"]) {
      const res = await request(`/news?page=${junk}`);
      expect(res.status).toBe(404);
      expect(res.headers["x-cache"]).toBe("BYPASS");
    }
    expect((await stats()).entries).toBe(start.entries);

    // Unique searches: each a real, storable page; enough of them to overflow the probation segment.
    const sample = await request("/search?q=flood-size-probe");
    const perEntry = sample.body.length * 1.5;
    const count = Math.min(600, Math.ceil((start.budget * 0.2) / perEntry) + 40);
    const queue = Array.from({ length: count }, (_, i) => `/search?q=flood${i}x${Date.now()}`);
    const workers = Array.from({ length: 6 }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await request(next);
    });
    await Promise.all(workers);

    const end = await stats();
    expect(end.bytes).toBeLessThanOrEqual(end.budget);
    expect(end.probationBytes).toBeLessThanOrEqual(end.budget * 0.2);
    if (count < 600) expect(end.evictions).toBeGreaterThan(start.evictions);
    for (const page of hot) expect([page, (await request(page)).headers["x-cache"]]).toEqual([page, "HIT"]);
  });
});

describe("views", () => {
  it("story views served from the cache are counted, in batches", async () => {
    const total = () => Number(one(db, "select coalesce(sum(v.views), 0) as n from story_views v join stories s on s.id = v.story_id where s.slug = ?", slugs.story).n);
    await cached(`/news/${slugs.story}`);
    // Let any earlier views reach the database first.
    await new Promise((r) => setTimeout(r, 6_000));
    const before = total();
    for (let i = 0; i < 20; i++) expect((await request(`/news/${slugs.story}`)).headers["x-cache"]).toBe("HIT");
    const deadline = Date.now() + 10_000;
    while (total() < before + 20 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(total()).toBe(before + 20);
  });

  it("the view-counter image (for pages served by a proxy in front) counts a view, is never cached and sets no cookie", async () => {
    const total = () => Number(one(db, "select coalesce(sum(v.views), 0) as n from story_views v join stories s on s.id = v.story_id where s.slug = ?", slugs.story).n);
    await new Promise((r) => setTimeout(r, 6_000));
    const before = total();
    for (let i = 0; i < 3; i++) {
      const pixel = await request(`/news/${slugs.story}/view.gif`);
      expect(pixel.status).toBe(200);
      expect(pixel.headers["content-type"]).toBe("image/gif");
      expect(pixel.headers["cache-control"]).toBe("no-store, private");
      expect(pixel.headers["set-cookie"]).toBeUndefined();
      expect(pixel.body.subarray(0, 6).toString()).toBe("GIF89a");
    }
    const deadline = Date.now() + 10_000;
    while (total() < before + 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(total()).toBe(before + 3);
  });
});
