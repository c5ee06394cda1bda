import type { Browser, Page } from "playwright-core";
import { axeViolations, baseUrl, launchBrowser } from "./support/browser";

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});
beforeEach(async () => {
  page = await browser.newPage();
});
afterEach(async () => {
  await page.close();
});

const firstStoryHref = async (p: Page) => (await p.locator('main a[href^="/news/"]').first().getAttribute("href"))!;

describe("a reader's journey", () => {
  it("home → expert comment → a story → its author → search for another story → open it", async () => {
    await page.goto(baseUrl());
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Expert comment" }).click();
    await page.waitForURL(/\/news\?type=expert-comment/);
    await expect(page.locator("main").textContent()).resolves.toMatch(/Expert comment/);

    const story = page.locator('main a[href^="/news/"]').first();
    const storyTitle = (await story.textContent())!.trim();
    await story.click();
    await page.waitForURL(/\/news\/[a-z0-9-]+$/);
    expect((await page.getByRole("heading", { level: 1 }).textContent())!.trim()).toBe(storyTitle);
    await expect(page.locator("main").textContent()).resolves.toMatch(/Expert comment/i);

    const byline = page.locator('main a[href^="/experts/"]').first();
    const expertName = (await byline.textContent())!.trim();
    await byline.click();
    await page.waitForURL(/\/experts\/[a-z0-9-]+$/);
    expect((await page.getByRole("heading", { level: 1 }).textContent())!.trim()).toBe(expertName);
    expect(await page.locator("main").getByRole("link", { name: storyTitle }).count()).toBeGreaterThan(0);

    // Pick a distinctive word from the title of a different story on the news list.
    await page.goto(`${baseUrl()}/news?type=news-release`);
    const otherTitle = (await page.locator('main a[href^="/news/"]').first().textContent())!.trim();
    const word = otherTitle.split(/[^A-Za-z]+/).filter((w) => w.length >= 6).sort((a, b) => b.length - a.length)[0]!;

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Search" }).click();
    await page.getByLabel("Search news, events and experts").fill(word);
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/\/search\?/);
    const result = page.locator("main").getByRole("link", { name: otherTitle });
    await result.first().waitFor();
    expect(await page.locator("main mark").count()).toBeGreaterThan(0);
    await result.first().click();
    await page.waitForURL(/\/news\/[a-z0-9-]+$/);
    expect((await page.getByRole("heading", { level: 1 }).textContent())!.trim()).toBe(otherTitle);
  });

  it("the comment form shows errors, keeps what was typed, then thanks the reader", async () => {
    await page.goto(`${baseUrl()}/news?type=feature`);
    await page.goto(baseUrl() + (await firstStoryHref(page)));
    await page.getByLabel("Name").fill("Robin Reader");
    await page.getByLabel("Email address").fill("not-an-email");
    await page.getByRole("button", { name: /send comment/i }).click();
    await page.locator(".error-summary").waitFor();
    expect(await page.getByLabel("Email address").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByRole("textbox", { name: "Comment" }).getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("Name").inputValue()).toBe("Robin Reader");

    await page.getByLabel("Email address").fill("robin@example.org");
    await page.getByRole("textbox", { name: "Comment" }).fill("A thoughtful piece: thank you for writing it.");
    await page.getByRole("button", { name: /send comment/i }).click();
    await page.getByText(/will appear once a moderator has approved it/i).waitFor();
  });
});

describe("every public page type", () => {
  it("has one h1 and no axe-core violations", async () => {
    await page.goto(`${baseUrl()}/news?type=expert-comment`);
    const story = await firstStoryHref(page);
    await page.goto(baseUrl() + story);
    const expert = await page.locator('main a[href^="/experts/"]').first().getAttribute("href");
    const topic = await page.locator('main a[href^="/topics/"]').first().getAttribute("href");
    await page.goto(`${baseUrl()}/events`);
    const event = await page.locator('main a[href^="/events/"]:not([href$=".ics"])').first().getAttribute("href");
    await page.goto(`${baseUrl()}/open-days`);
    const openDay = await page.locator('main a[href^="/open-days/"]').first().getAttribute("href");

    const paths = ["/", "/news", story, expert, topic, "/experts", "/search?q=research", "/no-such-page", "/events", event, "/open-days", openDay, "/privacy"];
    for (const path of paths) {
      expect(path).toBeTruthy();
      await page.goto(baseUrl() + path);
      expect({ path, h1: await page.locator("h1").count() }).toEqual({ path, h1: 1 });
      expect({ path, violations: await axeViolations(page) }).toEqual({ path, violations: [] });
    }
  });

  it("reads at 320 px wide without sideways scrolling", async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    for (const path of ["/", "/news", "/events", "/open-days"]) {
      await page.goto(baseUrl() + path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect({ path, width }).toEqual({ path, width: 320 });
    }
    await page.goto(`${baseUrl()}/news`);
    await page.goto(baseUrl() + (await firstStoryHref(page)));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(320);
  });

  it("makes no third-party requests", async () => {
    const origins = new Set<string>();
    page.on("request", (request) => origins.add(new URL(request.url()).origin));
    await page.goto(baseUrl());
    await page.goto(baseUrl() + (await firstStoryHref(page)));
    expect([...origins]).toEqual([new URL(baseUrl()).origin]);
  });
});

describe("machine-readable pages", () => {
  it("serves RSS, a sitemap, robots.txt and article metadata", async () => {
    const feed = await fetch(`${baseUrl()}/feed.xml`);
    expect(feed.headers.get("content-type")).toMatch(/application\/rss\+xml/);
    expect((await feed.text()).match(/<item>/g)?.length).toBeGreaterThan(0);
    expect(await (await fetch(`${baseUrl()}/sitemap.xml`)).text()).toMatch(/<loc>[^<]*\/news\/[a-z0-9-]+<\/loc>/);
    expect(await (await fetch(`${baseUrl()}/robots.txt`)).text()).toMatch(/Disallow: \/editor/);

    await page.goto(`${baseUrl()}/news?type=expert-comment`);
    await page.goto(baseUrl() + (await firstStoryHref(page)));
    expect(await page.locator('link[rel="canonical"]').getAttribute("href")).toMatch(/\/news\/[a-z0-9-]+$/);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent())!);
    expect(jsonLd["@type"]).toBe("OpinionNewsArticle");
    expect(jsonLd.author[0]["@type"]).toBe("Person");
  });
});
