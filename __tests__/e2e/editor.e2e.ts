import type { Browser, BrowserContext, Page } from "playwright-core";
import { axeViolations, baseUrl, launchBrowser, login } from "./support/browser";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** A fresh browser profile per person, so two staff never share a cookie. */
async function signedIn(email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, email);
  return { context, page };
}

/** Public pages read cached data refreshed on write; allow a moment for it. */
async function publicPageShows(page: Page, path: string, text: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const response = await page.goto(baseUrl() + path);
    if (response?.status() === 200 && (await page.locator("main").textContent())?.includes(text)) return;
    if (Date.now() > deadline) throw new Error(`${path} never showed “${text}”`);
    await page.waitForTimeout(500);
  }
}

describe("the editor area", () => {
  it("sends signed-out visitors to sign in, and never lets editor pages be cached or indexed", async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl()}/editor`);
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(await axeViolations(page)).toEqual([]);
    await page.close();

    const { context, page: editor } = await signedIn("editor@newsroom.test");
    const response = await editor.goto(`${baseUrl()}/editor`);
    expect(response?.headers()["cache-control"]).toMatch(/private/);
    expect(response?.headers()["cache-control"]).toMatch(/no-store/);
    expect(response?.headers()["x-robots-tag"]).toMatch(/noindex/);
    expect(await axeViolations(editor)).toEqual([]);
    await context.close();
  });

  it("contributor writes and submits → editor publishes → the public page shows every part → a revision is restored", async () => {
    const stamp = Date.now().toString(36);
    const title = `Why river towns need flood-ready libraries ${stamp}`;

    // The contributor writes an expert comment.
    const contributor = await signedIn("contributor@newsroom.test");
    let page = contributor.page;
    await page.goto(`${baseUrl()}/editor/stories/new`);
    expect(await page.getByLabel("Type of story").inputValue()).toBe("expert-comment");
    await page.getByLabel("Headline").fill(title);
    await page.getByLabel("Standfirst").fill("Libraries already shelter people in a storm. With a little planning they could do far more.");
    const article = page.getByRole("textbox", { name: "Article" });
    await article.fill(
      "When the river rose last winter, the library stayed open.\n\n## What a library can do\n\n> People came for the warmth and stayed for the information.\n\nThat is worth planning for.\n\n",
    );
    await page.getByRole("button", { name: "Figure" }).click();
    await page.getByLabel(/Image web address/).fill("/demo/event-bridges-that-listen.svg");
    await page.getByLabel(/Alt text/).fill("A footbridge over a swollen river at dusk");
    await page.getByLabel("Caption").fill("The Riverside footbridge during the January floods");
    await page.getByLabel(/^Credit/).fill("Photo: Sam Okafor");
    await page.getByRole("button", { name: "Insert figure" }).click();
    expect(await article.inputValue()).toContain('![A footbridge over a swollen river at dusk](/demo/event-bridges-that-listen.svg "The Riverside footbridge during the January floods | Photo: Sam Okafor")');
    await page.getByLabel("Originally published by").fill("The Northern Review");
    await page.getByLabel("Web address of the original").fill("https://northern-review.example/libraries-and-floods");
    await page.getByLabel("Licence of the original").fill("CC BY-ND 4.0");
    await page.getByRole("button", { name: "Create draft" }).click();
    await page.waitForURL(/\/editor\/stories\/\d+\/edit/);
    const editPath = new URL(page.url()).pathname;
    const slug = await page.getByLabel("Web address", { exact: true }).inputValue();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel(/Note for the press office/).fill("Ready for a look; the photo is ours.");
    await page.getByRole("button", { name: "Submit for review" }).click();
    await page.getByText(/Submitted for review/).waitFor();
    expect(await page.getByRole("button", { name: "Publish now" }).count()).toBe(0);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/login|\/$/);
    await contributor.context.close();

    // The press office publishes it.
    const editor = await signedIn("editor@newsroom.test");
    page = editor.page;
    await page.goto(`${baseUrl()}/editor`);
    await page.locator("main").getByRole("link", { name: title }).first().click();
    await page.waitForURL(`**${editPath}`);
    await page.getByText("Ready for a look; the photo is ours.").waitFor();
    await page.getByRole("button", { name: "Publish now" }).click();
    await page.getByText(/Published\. The story is now on the public site/).waitFor();

    // The public page has every part of a real article.
    const reader = await browser.newPage();
    await publicPageShows(reader, `/news/${slug}`, title);
    const main = reader.locator("main");
    expect(await main.getByText("Expert comment", { exact: true }).count()).toBeGreaterThan(0);
    expect((await reader.getByRole("heading", { level: 1 }).textContent())!.trim()).toBe(title);
    expect(await main.textContent()).toMatch(/\d{1,2}(st|nd|rd|th) [A-Z][a-z]+ \d{4}/);
    expect(await main.locator('a[href^="/experts/"]').count()).toBeGreaterThan(0);
    expect(await main.getByRole("heading", { level: 2, name: "What a library can do" }).count()).toBe(1);
    expect(await main.locator("blockquote").textContent()).toContain("People came for the warmth");
    const figure = main.locator("figure", { has: reader.locator('img[alt="A footbridge over a swollen river at dusk"]') });
    expect(await figure.locator("figcaption").textContent()).toMatch(/The Riverside footbridge during the January floods[\s\S]*Photo: Sam Okafor/);
    expect(await main.getByText(/originally published/i).count()).toBeGreaterThan(0);
    expect(await main.getByRole("link", { name: /The Northern Review/ }).getAttribute("href")).toBe("https://northern-review.example/libraries-and-floods");

    // An editor changes the headline, then restores the earlier version.
    await page.goto(baseUrl() + editPath);
    await page.getByLabel("Headline").fill(`${title} (revised)`);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("Your changes have been saved.").waitFor();
    await publicPageShows(reader, `/news/${slug}`, `${title} (revised)`);

    await page.getByRole("link", { name: /History and earlier versions/ }).click();
    await page.waitForURL(/\/history/);
    expect(await axeViolations(page)).toEqual([]);
    // Newest first: the row after "Current" is the published version with the original headline.
    await page.getByRole("button", { name: /^Restore/ }).first().click();
    await page.waitForURL(/\/history\?done=restored/);
    await page.goto(baseUrl() + editPath);
    expect(await page.getByLabel("Headline").inputValue()).toBe(title);
    const deadline = Date.now() + 10_000;
    for (;;) {
      await reader.goto(`${baseUrl()}/news/${slug}`);
      if ((await reader.getByRole("heading", { level: 1 }).textContent())!.trim() === title) break;
      if (Date.now() > deadline) throw new Error("the restored headline never reached the public page");
      await reader.waitForTimeout(500);
    }
    await reader.close();
    await editor.context.close();
  });

  it("refuses a stale save from a second signed-in editor, shows the newer text and keeps what they typed", async () => {
    const stamp = Date.now().toString(36);
    const first = await signedIn("editor@newsroom.test");
    await first.page.goto(`${baseUrl()}/editor/stories/new`);
    await first.page.getByLabel("Headline").fill(`Two editors, one story ${stamp}`);
    await first.page.getByRole("textbox", { name: "Article" }).fill("The first draft of the text.");
    const expert = first.page.getByLabel("Add an expert to the byline");
    await expert.selectOption((await expert.locator("option").nth(1).getAttribute("value"))!);
    await first.page.getByRole("button", { name: "Add", exact: true }).click();
    await first.page.getByRole("button", { name: "Create draft" }).click();
    await first.page.waitForURL(/\/editor\/stories\/\d+\/edit/);
    const editPath = new URL(first.page.url()).pathname;

    // The admin opens the same version, then the editor saves first.
    const second = await signedIn("admin@newsroom.test");
    await second.page.goto(baseUrl() + editPath);
    await first.page.getByRole("textbox", { name: "Article" }).fill("The editor's newer text.");
    await first.page.getByRole("button", { name: "Save", exact: true }).click();
    await first.page.getByText("Your changes have been saved.").waitFor();

    await second.page.getByRole("textbox", { name: "Article" }).fill("The admin's text, typed on the old version.");
    await second.page.getByRole("button", { name: "Save", exact: true }).click();
    await second.page.getByRole("heading", { name: "Someone else changed this story" }).waitFor();
    expect(await second.page.getByText("The editor's newer text.").count()).toBeGreaterThan(0);
    expect(await second.page.getByRole("textbox", { name: "Article" }).inputValue()).toBe("The admin's text, typed on the old version.");

    // Nothing was overwritten.
    await first.page.reload();
    expect(await first.page.getByRole("textbox", { name: "Article" }).inputValue()).toBe("The editor's newer text.");
    await first.context.close();
    await second.context.close();
  });
});
