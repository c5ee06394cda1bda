/**
 * Issue 10, "Past one machine": the portal run as `npm run cluster` runs it
 * (PostgreSQL, Redis, two production instances A and B from one build,
 * nginx in front as load balancer and page cache) behaves as one site.
 * Every figure is measured and printed at the end.
 * @see scripts/cluster.ts
 * @see docs/deploy.md
 */
import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { createClient } from "@redis/client";
import { Client } from "pg";
import sharp from "sharp";
import { startCluster, type Cluster, type Instance } from "@/scripts/cluster";
import { createNewsDraft, launchBrowser } from "../e2e/support/browser";
import { arrival, cookieHeader, get, hiddenFields, pinTo, shows, signIn, sleep, warm } from "./support";

const PASSWORD = "cluster-Password-2026";
const LIMIT_MS = 1_000;
const POLL_MS = 50;

let cluster: Cluster;
let A: Instance;
let B: Instance;
let db: Client;
let browser: Browser;
const report: string[] = [];
const unexpected: string[] = [];

const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const site = (p: string) => cluster.url + p;
const one = async <T>(sql: string, ...params: unknown[]) => (await db.query(sql, params)).rows[0] as T;

beforeAll(async () => {
  cluster = await startCluster({ seedPassword: PASSWORD, onUnexpectedExit: (name, how) => unexpected.push(`${name} ${how}`) });
  [A, B] = cluster.instances as [Instance, Instance];
  const t = cluster.timings;
  report.push(`cluster start: ${t.totalMs} ms (preparation ${t.prepareMs} ms${t.built ? ", with a production build" : ", build up to date"})`);
  db = new Client({ connectionString: cluster.databaseUrl });
  await db.connect();
  browser = await launchBrowser();
}, 15 * 60_000);

afterAll(async () => {
  console.log(`Cluster coherence (${cluster?.url ?? "not started"}):\n  ${report.join("\n  ")}`);
  await browser?.close();
  await db?.end();
  await cluster?.stop();
}, 60_000);

it("starts in under a minute, not counting a production build", () => {
  const { totalMs, prepareMs, built } = cluster.timings;
  expect(built ? totalMs - prepareMs : totalMs).toBeLessThan(60_000);
});

it("signs in through nginx, and the session works on A and on B directly", async () => {
  const { context, ms } = await signIn(browser, cluster.url, "editor@newsroom.test", PASSWORD);
  report.push(`sign-in through nginx: ${ms} ms`);
  const cookie = await cookieHeader(context, cluster.url);
  expect(cookie).toMatch(/authjs\.session-token=/);
  for (const instance of [A, B]) {
    const signedIn = await get(`${instance.url}/editor`, { cookie });
    expect([instance.name, signedIn.status, signedIn.text.includes("Dashboard")]).toEqual([instance.name, 200, true]);
    const anonymous = await get(`${instance.url}/editor`);
    expect([instance.name, anonymous.status, anonymous.headers.get("location")]).toEqual([instance.name, 307, expect.stringMatching(/\/login\?next=/)]);
  }
  await context.close();
});

it("nginx keeps one copy per encoding under \"<encoding>|<request URI>\", purges exactly that key, and never serves its copies to staff", async () => {
  const uri = "/news?type=news-release";
  for (const encoding of ["br", "gzip", "identity"]) {
    const headers = { "accept-encoding": encoding };
    await get(site(uri), headers);
    const hit = await get(site(uri), headers);
    const purge = await get(`${cluster.proxyPurgeUrl}/_purge/${encoding}${uri}`);
    const after = await get(site(uri), headers);
    expect({ encoding, hit: hit.headers.get("x-cache-status"), purged: purge.status, key: purge.text.match(/Key : (.*)/)?.[1], after: after.headers.get("x-cache-status") }).toEqual({
      encoding,
      hit: "HIT",
      purged: 200,
      key: `${encoding}|${uri}`,
      after: "MISS",
    });
  }
  const staff = await get(site(uri), { "accept-encoding": "br", cookie: "authjs.session-token=x" });
  const post = await fetch(site(uri), { method: "POST", body: "", redirect: "manual" });
  expect([staff.headers.get("x-cache-status"), staff.headers.get("cache-control"), post.headers.get("x-cache-status")]).toEqual(["BYPASS", "private, no-store", null]);
});

it("a URL that is not its page's normalised one is answered from the page cache but never stored by nginx or remembered for purging", async () => {
  const variant = `/news?type=news-release&utm_source=${stamp()}`;
  const replies = [await get(site(variant), { "accept-encoding": "br" }), await get(site(variant), { "accept-encoding": "br" })];
  expect(replies.map((r) => [r.status, r.headers.get("x-cache-status"), r.headers.get("cache-control")])).toEqual([
    [200, "MISS", "private, no-cache"],
    [200, "MISS", "private, no-cache"],
  ]);
  // The instance answered from its own copy of /news?type=news-release, not by rendering.
  expect(replies[1]!.headers.get("x-cache")).toBe("HIT");
  const redis = createClient({ url: cluster.redisUrl });
  await redis.connect();
  try {
    const remembered = await redis.zRange("newsroom:proxy-tag:stories", 0, -1);
    expect(remembered.filter((url) => url.includes("utm_source"))).toEqual([]);
    expect(remembered).toContain("/news?type=news-release");
  } finally {
    await redis.quit();
  }
});

it("a story published on A is on B and through nginx within a second: its page and /news", async () => {
  const { context, page } = await signIn(browser, cluster.url, "editor@newsroom.test", PASSWORD);
  const pinned = await pinTo(context, cluster.url, A.url);
  const title = `Published on instance A ${stamp()}`;
  await page.goto(site("/editor/stories/new"));
  await createNewsDraft(page, { title, standfirst: "A story published on one instance and read on the other.", body: "The text of the story." });
  const slug = await page.getByLabel("Web address", { exact: true }).inputValue();

  // Cached everywhere before the change, and not showing it.
  const beforeNginx = await warm(site("/news"), "x-cache-status");
  const beforeB = await warm(`${B.url}/news`, "x-cache");
  expect([beforeNginx.headers.get("x-cache-status"), beforeNginx.text.includes(title)]).toEqual(["HIT", false]);
  expect([beforeB.headers.get("x-cache"), beforeB.text.includes(title)]).toEqual(["HIT", false]);
  expect((await get(`${B.url}/news/${slug}`)).status).toBe(404);

  const watches = [`${B.url}/news/${slug}`, `${B.url}/news`, site(`/news/${slug}`), site("/news")];
  const giveUpAt = Date.now() + 20_000;
  const arrivals = Promise.all(watches.map((url) => arrival(url, shows(title), { everyMs: POLL_MS, giveUpAt })));
  // The commit: the last moment the database did not show it yet (so the figures are upper bounds).
  const committed = (async () => {
    let before = Date.now();
    while (Date.now() < giveUpAt) {
      if ((await one<{ status: string }>("select status from stories where slug = $1", slug)).status === "published") return before;
      before = Date.now();
      await sleep(10);
    }
    throw new Error("the publish never reached the database");
  })();
  await page.getByRole("button", { name: "Publish now" }).click();
  await page.getByText(/Published\. The story is now on the public site/).waitFor();
  const at = await committed;
  const latencies = (await arrivals).map((t, i) => ({ url: watches[i]!.replace(B.url, "B").replace(cluster.url, "nginx"), ms: t - at }));
  report.push(`publish on A → fresh: ${latencies.map((l) => `${l.url} ${l.ms} ms`).join(", ")}`);
  expect(pinned.count).toBeGreaterThan(0);
  for (const l of latencies) expect({ ...l, within: l.ms < LIMIT_MS }).toEqual({ ...l, within: true });
  await context.close();
});

it("a story scheduled 5 s ahead is published once, with one audit entry and one e-mail, on time through nginx", async () => {
  const title = `Scheduled across the cluster ${stamp()}`;
  const slug = title.toLowerCase().replace(/\W+/g, "-");
  const contributor = await one<{ id: number }>("select id::int from users where email = 'contributor@newsroom.test'");
  const person = await one<{ id: number }>("select id::int from people where is_guest = false order by id limit 1");
  const before = await warm(site("/news"), "x-cache-status");
  expect([before.headers.get("x-cache-status"), before.text.includes(title)]).toEqual(["HIT", false]);

  const now = Date.now();
  const publishAt = now + 5_000;
  const { id } = await one<{ id: number }>(
    `insert into stories (type, slug, title, standfirst, body, body_text, status, publish_at, created_by, created_at, updated_at)
     values ('news-release', $1, $2, 'Published by the scheduler.', 'The text.', 'The text.', 'scheduled', $3, $4, $5, $5) returning id::int`,
    slug, title, publishAt, contributor.id, now,
  );
  await db.query("insert into story_authors (story_id, person_id, position) values ($1, $2, 0)", [id, person.id]);

  const seenAt = await arrival(site("/news"), shows(title), { everyMs: POLL_MS, giveUpAt: publishAt + 15_000 });
  report.push(`scheduled story on /news through nginx: ${seenAt - publishAt} ms after its time`);
  expect(seenAt - publishAt).toBeLessThan(LIMIT_MS);

  // Both schedulers have had several more ticks to publish it again, had they been able to.
  await sleep(3_000);
  const audit = await one<{ n: number }>("select count(*)::int as n from audit_log where action = 'story.publish.scheduled' and entity_id = $1", String(id));
  const mails = fs
    .readdirSync(cluster.outboxDir)
    .filter((f) => f.endsWith(".eml"))
    .map((f) => fs.readFileSync(path.join(cluster.outboxDir, f), "utf8").replace(/=\r?\n/g, ""))
    .filter((text) => text.includes(`/news/${slug}`) && /is now published/.test(text));
  report.push(`scheduled story: ${audit.n} 'story.publish.scheduled' audit entry, ${mails.length} e-mail`);
  expect({ audit: audit.n, mails: mails.length }).toEqual({ audit: 1, mails: 1 });
});

/** An open day of the test's own, with one session; its id, slug and the session's id. */
async function openDay(capacity: number, sessionCapacity: number | null): Promise<{ id: number; slug: string; sessionId: number }> {
  const slug = `cluster-race-${stamp()}`;
  const startsAt = Date.now() + 7 * 24 * 3600_000;
  const { id } = await one<{ id: number }>(
    `insert into open_days (slug, title, level, campus, summary, starts_at, ends_at, capacity, status)
     values ($1, 'Cluster race open day', 'undergraduate', 'Riverside campus', 'A race for places.', $2, $3, $4, 'open') returning id::int`,
    slug, startsAt, startsAt + 4 * 3600_000, capacity,
  );
  const session = await one<{ id: number }>(
    "insert into open_day_sessions (open_day_id, title, starts_at, ends_at, capacity) values ($1, 'Campus tour', $2, $3, $4) returning id::int",
    id, startsAt, startsAt + 3600_000, sessionCapacity,
  );
  return { id, slug, sessionId: session.id };
}

/**
 * 50 registrations posted at once as the page's form posts them without JavaScript (its hidden
 * fields name the server action), alternately to A and B, each choosing the day's session.
 */
async function race(day: { slug: string; sessionId: number }): Promise<number> {
  const page = await get(`${A.url}/open-days/${day.slug}`);
  expect(page.status).toBe(200);
  const hidden = hiddenFields(page.text, "registration-form");
  const started = Date.now();
  const statuses = await Promise.all(
    Array.from({ length: 50 }, async (_, i) => {
      const form = new FormData();
      for (const [name, value] of hidden) form.append(name, value);
      const fields = { name: `Racer ${i}`, email: `racer-${i}-${day.slug}@example.com`, level: "undergraduate", subject: "", guests: "0", sessionIds: String(day.sessionId), accessNeeds: "", consent: "on", website: "" };
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      const instance = i % 2 === 0 ? A : B;
      // As nginx would report 50 different readers (loopback is a trusted proxy), so none meets the per-address limit.
      const headers = { origin: cluster.url, "x-forwarded-for": `198.51.100.${i + 1}` };
      const res = await fetch(`${instance.url}/open-days/${day.slug}`, { method: "POST", body: form, redirect: "manual", headers });
      await res.arrayBuffer();
      return res.status;
    }),
  );
  // Post/Redirect/Get: each booking redirects to its own private page.
  expect(statuses).toEqual(Array(50).fill(303));
  return Date.now() - started;
}

const countBy = async (sql: string, id: number) => Object.fromEntries((await db.query<{ status: string; n: number }>(sql, [id])).rows.map((r) => [r.status, r.n]));

it("50 registrations at once, split across A and B, for a day with 10 places: exactly 10 confirmed and 40 waiting", async () => {
  const day = await openDay(10, null);
  const ms = await race(day);
  const counts = await countBy("select status, count(*)::int as n from registrations where open_day_id = $1 group by status", day.id);
  report.push(`50 registrations (25 on A, 25 on B) for a day with 10 places, in ${ms} ms: ${JSON.stringify(counts)}`);
  expect(counts).toEqual({ confirmed: 10, waitlisted: 40 });
});

it("50 registrations at once, split across A and B, for a session with 10 places: exactly 10 places confirmed and 40 waiting", async () => {
  const day = await openDay(100, 10);
  const ms = await race(day);
  const bookings = await countBy("select status, count(*)::int as n from registrations where open_day_id = $1 group by status", day.id);
  const places = await countBy("select status, count(*)::int as n from registration_sessions where session_id = $1 group by status", day.sessionId);
  report.push(`50 registrations (25 on A, 25 on B) for a session with 10 places, in ${ms} ms: bookings ${JSON.stringify(bookings)}, session places ${JSON.stringify(places)}`);
  expect({ bookings, places }).toEqual({ bookings: { confirmed: 50 }, places: { confirmed: 10, waitlisted: 40 } });
});

it("an image uploaded through A is served by B", async () => {
  const { context, page } = await signIn(browser, cluster.url, "editor@newsroom.test", PASSWORD);
  await pinTo(context, cluster.url, A.url);
  const png = await sharp({ create: { width: 640, height: 400, channels: 3, background: { r: 29, g: 53, b: 87 } } }).png().toBuffer();
  await page.goto(site("/editor/media"));
  await page.getByLabel("Image file").setInputFiles({ name: "harbour.png", mimeType: "image/png", buffer: png });
  await page.getByLabel("Alt text (required)").fill("A plain blue rectangle, uploaded by the cluster test");
  await page.getByRole("button", { name: "Upload image" }).click();
  await page.waitForURL(/\/editor\/media\/\d+\?uploaded=1/);
  const src = await page.locator("main img").first().getAttribute("src");
  expect(src).toMatch(/^\/uploads\/[a-f0-9]{32}/);
  await context.close();
  const [fromA, fromB, viaNginx] = await Promise.all([get(A.url + src!), get(B.url + src!), get(site(src!))]);
  report.push(`upload through A: ${src} → B ${fromB.status} (${fromB.body.length} bytes), nginx ${viaNginx.status}`);
  expect([fromA.status, fromB.status, viaNginx.status]).toEqual([200, 200, 200]);
  expect(fromB.body.equals(fromA.body)).toBe(true);
});

it("with A killed, nginx still serves every page from B and a sign-in still works", async () => {
  await A.kill("SIGKILL");
  const killedAt = Date.now();
  const pages = ["/", "/news", "/events", "/open-days", "/experts", "/search?q=climate"];
  const statuses: string[] = [];
  for (let round = 0; round < 3; round++) {
    for (const p of pages) statuses.push(`${p} ${(await get(site(p), { "cache-control": "no-cache", cookie: "authjs.session-token=none" })).status}`);
  }
  report.push(`A killed: ${pages.length * 3} uncached page requests through nginx in ${Date.now() - killedAt} ms, all from B`);
  expect(statuses).toEqual(statuses.map((s) => s.replace(/\d+$/, "200")));
  const { context, ms } = await signIn(browser, cluster.url, "admin@newsroom.test", PASSWORD);
  report.push(`sign-in through nginx with A down: ${ms} ms`);
  await context.close();
  expect(unexpected).toEqual([]);
});
