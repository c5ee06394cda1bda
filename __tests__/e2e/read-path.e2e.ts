import type { Browser, BrowserContext, Page } from "playwright-core";
import { measureVisit } from "@/scripts/bench/page-weight";
import { baseUrl, launchBrowser } from "./support/browser";

/**
 * Issue 9 item 5: what one reader's page view costs the server, and the
 * public site with JavaScript turned off (decision 0007).
 */

/**
 * JavaScript a bare Next 16.4.6 app ships on a static page, gzipped, measured
 * the same way (measureVisit) by `npm run bench`, which builds that bare app
 * and prints the figure; set E2E_BARE_JS_GZIP to what it prints after a Next upgrade.
 */
const BARE_NEXT_JS_GZIP = Number(process.env.E2E_BARE_JS_GZIP ?? 134_904);
const JS_BUDGET_BEYOND_BARE = 15 * 1024;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe("one home-page visit", () => {
  it("is the document plus static assets: no RSC prefetches, nothing rendered for pages not opened", async () => {
    const visit = await measureVisit(browser, `${baseUrl()}/`);
    const byKind = (kind: string) => visit.requests.filter((r) => r.kind === kind);
    console.log(
      `home-page visit: ${visit.requests.length} requests — ${byKind("document").length} document, ${byKind("static").length} static, ` +
        `${byKind("rsc").length} _rsc, ${byKind("other").length} other`,
    );
    expect(byKind("document").map((r) => new URL(r.url).pathname)).toEqual(["/"]);
    expect(byKind("rsc")).toEqual([]);
    expect(byKind("other")).toEqual([]);
    expect(visit.requests.every((r) => r.kind === "document" || r.kind === "static")).toBe(true);
  });
});

describe("JavaScript per public page", () => {
  it(`stays within ${JS_BUDGET_BEYOND_BARE / 1024} KB gzipped of a bare Next page`, async () => {
    // A story with an expert and a topic: other journeys publish stories without them, so the newest may have neither.
    const discover = await browser.newPage();
    await discover.goto(`${baseUrl()}/experts`);
    const expert = await discover.locator('main a[href^="/experts/"]').first().getAttribute("href");
    await discover.goto(baseUrl() + expert);
    const theirs = await discover.locator('main a[href^="/news/"]').evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
    let story: string | undefined;
    let topic: string | null = null;
    for (const candidate of theirs) {
      await discover.goto(baseUrl() + candidate);
      topic = await discover.locator('main a[href^="/topics/"]').first().getAttribute("href", { timeout: 2_000 }).catch(() => null);
      if (topic) {
        story = candidate;
        break;
      }
    }
    expect(story).toBeDefined();
    await discover.goto(`${baseUrl()}/open-days`);
    const openDay = await discover.locator('main a[href^="/open-days/"]').first().getAttribute("href");
    await discover.close();

    const lines: string[] = [];
    const over: string[] = [];
    for (const path of ["/", "/news", story!, "/experts", expert!, topic!, "/events", "/open-days", openDay!, "/search?q=research"]) {
      const { jsGzipBytes, scripts } = await measureVisit(browser, baseUrl() + path);
      const beyond = jsGzipBytes - BARE_NEXT_JS_GZIP;
      lines.push(`${path.padEnd(60)} ${(jsGzipBytes / 1024).toFixed(1).padStart(6)} KB gzipped in ${scripts} scripts, ${(beyond / 1024).toFixed(1)} KB beyond bare Next`);
      if (beyond > JS_BUDGET_BEYOND_BARE) over.push(path);
    }
    console.log(`JavaScript (bare Next page: ${(BARE_NEXT_JS_GZIP / 1024).toFixed(1)} KB gzipped; budget +${JS_BUDGET_BEYOND_BARE / 1024} KB)\n${lines.join("\n")}`);
    expect(over).toEqual([]);
  });
});

describe("with JavaScript turned off", () => {
  let context: BrowserContext;
  let page: Page;
  beforeEach(async () => {
    // Each test is a reader at an address of their own, as in public.e2e.ts (rate limits are per address).
    const n = (Date.now() + Math.floor(Math.random() * 1000)) % 250;
    context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${n + 1}` } });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context.close();
  });

  const main = () => page.locator("main");
  const h1 = async () => (await page.getByRole("heading", { level: 1 }).textContent())!.trim();
  const firstHref = (prefix: string) => main().locator(`a[href^="${prefix}"]`).first().getAttribute("href");

  it("every main public page renders its content", async () => {
    const seen: Record<string, string> = {};
    const visit = async (path: string, check: () => Promise<void>) => {
      const res = await page.goto(baseUrl() + path);
      expect({ path, status: res?.status() }).toEqual({ path, status: 200 });
      seen[path] = await h1();
      await check();
    };
    const cards = async (min = 1) => expect(await main().locator('article a[href^="/news/"]').count()).toBeGreaterThanOrEqual(min);

    await visit("/", () => cards(4));
    await visit("/news", () => cards(12));
    await visit("/news?page=2", () => cards(1));
    const story = (await firstHref("/news/"))!;
    await visit(story, async () => {
      expect(await main().locator("article p").count()).toBeGreaterThan(1);
      expect(await page.getByRole("form", { name: "Leave a comment" }).count()).toBe(1);
    });
    const topic = (await firstHref("/topics/"))!;
    const expert = (await firstHref("/experts/"))!;
    await visit(topic, () => cards(1));
    await visit(expert, () => cards(1));
    await visit("/experts", async () => expect(await main().locator('a[href^="/experts/"]').count()).toBeGreaterThan(2));
    await visit("/events", async () => expect(await main().locator('a[href^="/events/"]').count()).toBeGreaterThan(0));
    const event = (await firstHref("/events/"))!;
    await visit(event, async () => expect(await main().getByRole("link", { name: /calendar/i }).count()).toBeGreaterThan(0));
    await visit("/open-days", async () => expect(await main().locator('a[href^="/open-days/"]').count()).toBeGreaterThan(0));
    const openDay = (await firstHref("/open-days/"))!;
    await visit(openDay, async () => expect(await main().locator("form").count()).toBeGreaterThan(0));
    for (const [path, heading] of Object.entries(seen)) expect({ path, heading: heading.length > 0 }).toEqual({ path, heading: true });
  });

  it("the news filters and the search form submit as plain forms", async () => {
    await page.goto(`${baseUrl()}/news`);
    await main().getByLabel("Type").selectOption("feature");
    await main().getByRole("button", { name: "Show stories" }).click();
    await page.waitForURL(/\/news\?type=feature/);
    expect(await h1()).toMatch(/feature/i);
    expect(await main().locator('article a[href^="/news/"]').count()).toBeGreaterThan(0);

    // A headline on the list, searched for as a phrase through the form (with 100,000 synthetic
    // stories any single word matches thousands, so the phrase is what finds this one).
    const title = (await main().locator('article a[href^="/news/"]').first().textContent())!.trim();
    const phrase = `"${title.match(/[A-Za-z0-9]+/g)!.join(" ")}"`;
    await page.goto(`${baseUrl()}/search`);
    await page.getByRole("search").getByLabel("Search news, events and experts").fill(phrase);
    await page.getByRole("search").getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/\/search\?q=/);
    expect(new URL(page.url()).searchParams.get("q")).toBe(phrase);
    expect(await main().getByRole("link", { name: title, exact: true }).count()).toBeGreaterThan(0);
  });

  it("a comment posts without JavaScript: errors keep what was typed, then thanks", async () => {
    await page.goto(`${baseUrl()}/news?type=feature`);
    await page.goto(baseUrl() + (await firstHref("/news/")));
    const form = page.getByRole("form", { name: "Leave a comment" });
    const name = `Nadia No-Script ${Date.now()}`;
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Email address").fill("not-an-email");
    await form.getByRole("button", { name: "Send comment" }).click();
    await page.getByRole("alert").filter({ hasText: "There is a problem" }).waitFor({ timeout: 15_000 });
    const again = page.getByRole("form", { name: "Leave a comment" });
    expect(await again.getByLabel("Name").inputValue()).toBe(name);
    expect(await again.getByLabel("Email address").getAttribute("aria-invalid")).toBe("true");

    await again.getByLabel("Email address").fill("nadia@example.org");
    await again.getByRole("textbox", { name: "Comment" }).fill(`Read with scripts off, and it all works (${Date.now()}).`);
    await again.getByRole("button", { name: "Send comment" }).click();
    await page.getByRole("status").filter({ hasText: /moderator has approved it/i }).waitFor({ timeout: 15_000 });
  });

  it("an open-day registration posts without JavaScript and lands on the private booking page", async () => {
    await page.goto(`${baseUrl()}/open-days`);
    const links = await main().locator('a[href^="/open-days/"][href$="#register"]').evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    const bookable = links.find((h) => !h.includes("registrations"));
    expect(bookable).toBeTruthy();
    await page.goto(baseUrl() + bookable!.replace(/#register$/, ""));
    const form = main().locator("form.registration-form");
    await form.getByLabel("Full name").fill("Sam No-Script");
    await form.getByLabel("Email address").fill(`sam.noscript.${Date.now()}@example.org`);
    const sessions = form.locator('input[name="sessionIds"]:not([disabled])');
    if ((await sessions.count()) > 0) await sessions.first().check();
    await form.locator("#field-consent").check();
    await form.getByRole("button", { name: /register|join the waiting list/i }).click();
    await page.waitForURL(/\/open-days\/registrations\/[^/?]+/, { timeout: 15_000 });
    expect(await h1()).toBe("Your open-day booking");
  });
});
