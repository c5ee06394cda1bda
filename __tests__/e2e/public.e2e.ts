import type { Page } from "playwright-core";
import { axeViolations, baseUrl, pagePerTest } from "./support/browser";

/** Issue 3's journeys through the public newsroom, as a reader (and a machine) uses it. */

let page: Page;

// Each test is a reader at an address of their own, so comments that other journeys send
// against the same server never share this reader's rate-limit window. The address is the
// one a trusted proxy would report: the e2e server trusts loopback (TRUSTED_PROXIES in
// support/global-setup.ts); a server without TRUSTED_PROXIES ignores the header.
pagePerTest(
  (p) => {
    page = p;
  },
  () => {
    const n = (Date.now() + Math.floor(Math.random() * 1000)) % 250;
    return { "x-forwarded-for": `192.0.2.${n + 1}` };
  },
);

const main = () => page.locator("main");
const h1Text = async () => (await page.getByRole("heading", { level: 1 }).textContent())!.trim();
const storyHrefs = async (): Promise<string[]> =>
  [...new Set(await main().locator('a[href^="/news/"]').evaluateAll((as) => as.map((a) => a.getAttribute("href")!)))].filter((h) => /^\/news\/[a-z0-9-]+$/.test(h));

/** The first expert-comment story with a figure (hero or in-body), as its path. */
async function expertCommentWithFigure(): Promise<string> {
  await page.goto(`${baseUrl()}/news?type=expert-comment`);
  for (const href of await storyHrefs()) {
    await page.goto(baseUrl() + href);
    if ((await main().locator("figure").count()) > 0) return href;
  }
  throw new Error("No expert-comment story with a figure");
}

describe("a reader's journey", () => {
  it("home → expert comment → a story → its author → search for a word from another story → open it", async () => {
    await page.goto(baseUrl());
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Expert comment" }).click();
    await page.waitForURL(/\/news\?type=expert-comment$/);
    expect(await h1Text()).toMatch(/Expert comment/i);

    const card = main().locator('a[href^="/news/"]').first();
    const storyTitle = (await card.textContent())!.trim();
    await card.click();
    await page.waitForURL(/\/news\/[a-z0-9-]+$/);
    expect(await h1Text()).toBe(storyTitle);
    expect(await main().getByText("Expert comment", { exact: true }).count()).toBeGreaterThan(0);

    const author = main().getByRole("list", { name: "Authors" }).getByRole("link").first();
    const authorName = (await author.textContent())!.trim();
    await author.click();
    await page.waitForURL(/\/experts\/[a-z0-9-]+$/);
    expect(await h1Text()).toBe(authorName);
    expect(await main().getByRole("link", { name: storyTitle, exact: true }).count()).toBeGreaterThan(0);

    // A distinctive word (the longest) from another story's headline on the news list.
    await page.goto(`${baseUrl()}/news`);
    const titles = (await main().locator('a[href^="/news/"]').allTextContents()).map((t) => t.trim()).filter(Boolean);
    const otherTitle = titles.find((t) => t !== storyTitle && /[A-Za-z]{7,}/.test(t))!;
    expect(otherTitle).toBeTruthy();
    const word = otherTitle.match(/[A-Za-z]+/g)!.sort((a, b) => b.length - a.length)[0]!;

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Search" }).click();
    await page.waitForURL(/\/search$/);
    await page.getByRole("search").getByLabel("Search news, events and experts").fill(word);
    await page.getByRole("search").getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/\/search\?q=/);
    const hit = main().locator("article").filter({ has: page.getByRole("link", { name: otherTitle, exact: true }) });
    await hit.first().waitFor({ timeout: 15_000 });
    expect((await hit.first().locator("mark").allTextContents()).map((m) => m.toLowerCase())).toContain(word.toLowerCase());

    await hit.first().getByRole("link", { name: otherTitle, exact: true }).click();
    await page.waitForURL(/\/news\/[a-z0-9-]+$/);
    expect(await h1Text()).toBe(otherTitle);
  });

  it("the comment form shows errors, keeps what was typed, then thanks the reader", async () => {
    await page.goto(`${baseUrl()}/news?type=feature`);
    await page.goto(baseUrl() + (await storyHrefs())[0]);
    const form = page.getByRole("form", { name: "Leave a comment" });
    const name = `Robin Reader ${Date.now()}`;
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Email address").fill("not-an-email");
    await form.getByRole("button", { name: "Send comment" }).click();

    const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
    await summary.waitFor({ timeout: 15_000 });
    expect(await summary.getByRole("link", { name: /^Email address:/ }).count()).toBe(1);
    expect(await summary.getByRole("link", { name: /^Comment:/ }).count()).toBe(1);
    await page.waitForFunction(() => document.activeElement?.classList.contains("error-summary"));
    expect(await form.getByLabel("Email address").getAttribute("aria-invalid")).toBe("true");
    expect(await form.getByRole("textbox", { name: "Comment" }).getAttribute("aria-invalid")).toBe("true");
    expect(await form.getByLabel("Name").getAttribute("aria-invalid")).toBeNull();
    expect(await form.getByLabel("Name").inputValue()).toBe(name);
    expect(await form.getByLabel("Email address").inputValue()).toBe("not-an-email");
    expect(await axeViolations(page)).toEqual([]);

    const body = `A thoughtful piece, thank you (${Date.now()}).`;
    await form.getByLabel("Email address").fill("robin@example.org");
    await form.getByRole("textbox", { name: "Comment" }).fill(body);
    await form.getByRole("button", { name: "Send comment" }).click();
    await page.getByRole("status").filter({ hasText: /moderator has approved it/i }).waitFor({ timeout: 15_000 });
    expect(await summary.count()).toBe(0);
    // Pre-moderated: the comment is not shown, even to the person who wrote it.
    await page.reload();
    expect(await main().getByText(body).count()).toBe(0);
  });
});

describe("every public page type", () => {
  it("has one h1 and no axe-core violations", async () => {
    const story = await expertCommentWithFigure();
    const expert = await main().getByRole("list", { name: "Authors" }).getByRole("link").first().getAttribute("href");
    const topic = await main().locator('a[href^="/topics/"]').first().getAttribute("href");
    await page.goto(`${baseUrl()}/events`);
    const event = await main().locator('a[href^="/events/"]:not([href$=".ics"])').first().getAttribute("href");
    await page.goto(`${baseUrl()}/open-days`);
    const openDay = await main().locator('a[href^="/open-days/"]').first().getAttribute("href");

    const paths = ["/", "/news", story, expert, topic, "/search?q=research", "/no-such-page-here", "/events", event, "/open-days", openDay, "/experts"];
    for (const path of paths) {
      expect(path).toMatch(/^\//);
      const response = await page.goto(baseUrl() + path);
      expect({ path, status: response?.status() }).toEqual({ path, status: path === "/no-such-page-here" ? 404 : 200 });
      expect({ path, h1: await page.locator("h1").count() }).toEqual({ path, h1: 1 });
      expect({ path, violations: await axeViolations(page) }).toEqual({ path, violations: [] });
    }
  });

  it("makes no third-party requests from home or a story", async () => {
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    await page.goto(baseUrl(), { waitUntil: "networkidle" });
    const story = (await storyHrefs())[0]!;
    await main().locator(`a[href="${story}"]`).first().click();
    await page.waitForURL(`**${story}`);
    await page.waitForLoadState("networkidle");
    expect(requested.length).toBeGreaterThan(1);
    const origin = new URL(baseUrl()).origin;
    expect(requested.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  });

  it("reads at 320 px wide without sideways scrolling", async () => {
    const story = await expertCommentWithFigure();
    await page.setViewportSize({ width: 320, height: 800 });
    for (const path of ["/", story, "/news", "/events", "/open-days"]) {
      await page.goto(baseUrl() + path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect({ path, fits: width <= 321 }).toEqual({ path, fits: true });
    }
  });
});

describe("machine-readable pages", () => {
  it("serves RSS, a sitemap and robots.txt", async () => {
    const feed = await fetch(`${baseUrl()}/feed.xml`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("content-type")).toMatch(/^application\/rss\+xml/);
    const xml = await feed.text();
    expect(xml).toMatch(/<rss[^>]*version="2\.0"/);
    expect(xml.match(/<item>/g)?.length ?? 0).toBeGreaterThanOrEqual(1);

    const sitemap = await fetch(`${baseUrl()}/sitemap.xml`);
    expect(sitemap.status).toBe(200);
    expect(await sitemap.text()).toMatch(/<loc>[^<]*\/news\/[a-z0-9-]+<\/loc>/);

    const robots = await (await fetch(`${baseUrl()}/robots.txt`)).text();
    expect(robots).toMatch(/^Disallow: \/editor\/?$/m);
    expect(robots).toMatch(/^Sitemap: \S+\/sitemap\.xml$/m);
  });

  it("gives a story a canonical link and NewsArticle JSON-LD", async () => {
    const jsonLd = async () => JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent())!);

    const opinion = await expertCommentWithFigure();
    expect(new URL((await page.locator('link[rel="canonical"]').getAttribute("href"))!, baseUrl()).pathname).toBe(opinion);
    const comment = await jsonLd();
    expect(comment["@type"]).toBe("OpinionNewsArticle");
    expect(comment.headline).toBe(await h1Text());
    expect(comment.author[0]["@type"]).toBe("Person");

    await page.goto(`${baseUrl()}/news?type=news-release`);
    const release = (await storyHrefs())[0]!;
    await page.goto(baseUrl() + release);
    expect(new URL((await page.locator('link[rel="canonical"]').getAttribute("href"))!, baseUrl()).pathname).toBe(release);
    expect((await jsonLd())["@type"]).toBe("NewsArticle");
  });
});
