import type { Page } from "playwright-core";
import { axeViolations, baseUrl, pagePerTest } from "./support/browser";

let page: Page;

pagePerTest((p) => {
  page = p;
});

describe("smoke journey", () => {
  it("goes home → a story → back home", async () => {
    await page.goto(baseUrl());
    await expect(page.locator("h1").first().textContent()).resolves.toBeTruthy();
    const storyLink = page.locator('main a[href^="/news/"]').first();
    const href = await storyLink.getAttribute("href");
    expect(href).toMatch(/^\/news\/[a-z0-9-]+$/);
    await storyLink.click();
    await page.waitForURL(`**${href}`);
    expect(await page.locator("h1").count()).toBe(1);
    expect(await page.locator("article, main").first().isVisible()).toBe(true);
    await page.goBack();
    await page.waitForURL(`${baseUrl()}/`);
  });

  it("puts the skip link first and moves focus to the main content", async () => {
    await page.goto(baseUrl());
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(focused).toBe("Skip to content");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.id === "main");
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("MAIN");
  });

  it("has a back-to-top link and answers unknown pages with a styled 404", async () => {
    const response = await page.goto(`${baseUrl()}/no-such-page-here`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Page not found");
    expect(await page.getByRole("link", { name: "Back to top" }).getAttribute("href")).toBe("#top");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("reports health as JSON", async () => {
    const res = await fetch(`${baseUrl()}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", db: "ok", pageCache: expect.objectContaining({ entries: expect.any(Number), budget: expect.any(Number) }) });
  });
});

describe("not found (issue 11)", () => {
  it.each(["/news/no-such-story-anywhere", "/events/no-such-event", "/no-such-page"])("%s answers 404 with the whole page in the HTML, readable without JavaScript", async (pathname) => {
    const res = await fetch(baseUrl() + pathname, { headers: { accept: "text/html" } });
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).not.toContain('id="__next_error__"');
    expect(html.match(/<h1[^>]*>Page not found<\/h1>/g)).toHaveLength(1);
    expect(html.match(/<main\b/g)).toHaveLength(1);
    expect(html.match(/<header\b/g)).toHaveLength(1);
  });
});
