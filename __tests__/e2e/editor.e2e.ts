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

/** Public pages read cached data refreshed on write: reload (for at most ~10 s) until the page shows the text. */
async function publicPageShows(page: Page, path: string, ...texts: string[]): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const response = await page.goto(baseUrl() + path);
    const text = response?.status() === 200 ? ((await page.locator("main").textContent()) ?? "") : "";
    if (texts.every((t) => text.includes(t))) return;
    if (Date.now() > deadline) throw new Error(`${path} never showed all of ${JSON.stringify(texts)}`);
    await page.waitForTimeout(500);
  }
}

/** Waits for a text; when it never comes, fails with what the page shows instead (the status line, alerts, main). */
async function expectShown(page: Page, text: string): Promise<void> {
  try {
    await page.getByText(text).waitFor({ timeout: 20_000 });
  } catch {
    const shown = ((await page.locator("main").textContent().catch(() => "")) ?? "").replace(/\s+/g, " ").slice(0, 1500);
    throw new Error(`${page.url()} never showed ${JSON.stringify(text)}; it shows: ${shown}`);
  }
}

/** Today in the site's house style, e.g. "22nd April 2024" (Europe/London). */
function britishToday(): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "long", year: "numeric" }).formatToParts(new Date()).map((x) => [x.type, x.value]),
  );
  const day = Number(p.day);
  const suffix = day % 100 >= 11 && day % 100 <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[day % 10] ?? "th";
  return `${day}${suffix} ${p.month} ${p.year}`;
}

/** Editor pages must never be cached or indexed: headers and the robots meta tag. */
async function expectPrivateNoindex(page: Page, path: string): Promise<void> {
  const response = await page.context().request.get(baseUrl() + path, { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toMatch(/private/);
  expect(response.headers()["cache-control"]).toMatch(/no-store/);
  expect(response.headers()["x-robots-tag"]).toMatch(/noindex/);
  expect(await response.text()).toMatch(/<meta name="robots" content="[^"]*noindex/);
}

describe("the editor area", () => {
  it("sends signed-out visitors to sign in, and never lets editor pages be cached or indexed", async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl()}/editor/stories/new`);
    const url = new URL(page.url());
    expect(url.pathname).toBe("/login");
    expect(url.searchParams.get("next")).toBe("/editor/stories/new");
    expect(await page.locator('meta[name="robots"]').getAttribute("content")).toMatch(/noindex/);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();

    const { context, page: editor } = await signedIn("editor@newsroom.test");
    const response = await editor.goto(`${baseUrl()}/editor`);
    expect(response?.headers()["cache-control"]).toMatch(/private/);
    expect(response?.headers()["cache-control"]).toMatch(/no-store/);
    expect(response?.headers()["x-robots-tag"]).toMatch(/noindex/);
    expect(await editor.locator('meta[name="robots"]').getAttribute("content")).toMatch(/noindex/);
    await editor.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
    expect(await axeViolations(editor)).toEqual([]);
    await expectPrivateNoindex(editor, "/editor/stories");
    await context.close();
  });

  it("contributor writes and submits → editor publishes → the public page shows every part → a revision is restored", async () => {
    const stamp = Date.now().toString(36);
    const title = `Why river towns need flood-ready libraries ${stamp}`;
    const revisedTitle = `Flood-ready libraries: a second look ${stamp}`;
    const closing = "That is worth planning for.";
    const revisedClosing = `Councils should fund it this year (${stamp}).`;

    // The contributor signs in through the real form and writes an expert comment.
    const contributor = await signedIn("contributor@newsroom.test");
    let page = contributor.page;
    await page.getByRole("link", { name: "Write a new story" }).click();
    await page.waitForURL(/\/editor\/stories\/new/);
    expect(await page.getByLabel("Type of story").inputValue()).toBe("expert-comment");
    await page.getByLabel("Headline").fill(title);
    await page.getByLabel("Standfirst").fill("Libraries already shelter people in a storm. With a little planning they could do far more.");
    const article = page.getByRole("textbox", { name: "Article" });
    await article.fill(`When the river rose last winter, the library stayed open.\n\n## What a library can do\n\n> People came for the warmth and stayed for the information.\n\n${closing}\n\n`);
    await page.getByRole("button", { name: "Figure" }).click();
    await page.getByLabel(/Image web address/).fill("/demo/event-bridges-that-listen.svg");
    await page.getByLabel(/Alt text/).fill("A footbridge over a swollen river at dusk");
    await page.getByLabel("Caption").fill("The Riverside footbridge during the January floods");
    await page.getByLabel(/^Credit/).fill("Photo: Sam Okafor");
    await page.getByRole("button", { name: "Insert figure" }).click();
    expect(await article.inputValue()).toContain('![A footbridge over a swollen river at dusk](/demo/event-bridges-that-listen.svg "The Riverside footbridge during the January floods | Photo: Sam Okafor")');
    // The live preview renders through the public renderer.
    const preview = page.getByRole("region", { name: "Preview" });
    await preview.locator("figcaption").getByText(/Photo: Sam Okafor/).waitFor();
    expect(await preview.getByRole("heading", { level: 2, name: "What a library can do" }).count()).toBe(1);
    await page.getByLabel("Originally published by").fill("The Northern Review");
    await page.getByLabel("Web address of the original").fill("https://northern-review.example/libraries-and-floods");
    await page.getByLabel("Licence of the original").fill("CC BY-ND 4.0");
    await page.getByRole("button", { name: "Create draft" }).click();
    await page.waitForURL(/\/editor\/stories\/\d+\/edit/);
    const editPath = new URL(page.url()).pathname;
    const slug = await page.getByLabel("Web address", { exact: true }).inputValue();
    expect(slug).toMatch(/^why-river-towns-need-flood-ready-libraries/);
    expect(await axeViolations(page)).toEqual([]);
    await expectPrivateNoindex(page, editPath);

    await page.getByLabel(/Note for the press office/).fill("Ready for a look; the photo is ours.");
    await page.getByRole("button", { name: "Submit for review" }).click();
    await page.getByText(/Submitted for review/).first().waitFor();
    expect(await page.getByRole("button", { name: "Publish now" }).count()).toBe(0);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/login/);
    await page.goto(`${baseUrl()}/editor`);
    expect(new URL(page.url()).pathname).toBe("/login");
    await contributor.context.close();

    // The press office finds it awaiting review and publishes it.
    const editor = await signedIn("editor@newsroom.test");
    page = editor.page;
    await page.goto(`${baseUrl()}/editor`);
    await page.getByRole("region", { name: "Awaiting review" }).getByRole("link", { name: title }).click();
    await page.waitForURL(`**${editPath}`);
    await page.getByText("Ready for a look; the photo is ours.").waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Publish now" }).click();
    await page.getByText(/Published\. The story is now on the public site/).waitFor();

    // The public page has every part of a real article.
    const reader = await browser.newPage();
    await publicPageShows(reader, `/news/${slug}`, title);
    const main = reader.locator("main");
    const story = main.getByRole("article", { name: title });
    expect((await story.locator("header").textContent())!.trim()).toMatch(/^Expert comment/);
    expect((await reader.getByRole("heading", { level: 1 }).textContent())!.trim()).toBe(title);
    expect((await story.locator("header time").textContent())!.trim()).toBe(britishToday());
    expect(await story.getByRole("list", { name: "Authors" }).getByRole("link").first().getAttribute("href")).toMatch(/^\/experts\/[a-z0-9-]+$/);
    expect(await story.getByRole("heading", { level: 2, name: "What a library can do" }).count()).toBe(1);
    expect(await story.locator("blockquote").textContent()).toContain("People came for the warmth");
    const figure = story.locator("figure", { has: reader.locator('img[alt="A footbridge over a swollen river at dusk"]') });
    expect(await figure.locator("figcaption").textContent()).toMatch(/The Riverside footbridge during the January floods[\s\S]*Photo: Sam Okafor/);
    const note = main.getByRole("complementary", { name: "Original publication" });
    expect(await note.textContent()).toMatch(/originally published in The Northern Review[\s\S]*CC BY-ND 4\.0/);
    expect(await note.getByRole("link", { name: "The Northern Review" }).getAttribute("href")).toBe("https://northern-review.example/libraries-and-floods");

    // The editor changes headline and text once more (another revision)…
    await page.goto(baseUrl() + editPath);
    await page.getByLabel("Headline").fill(revisedTitle);
    const body = page.getByRole("textbox", { name: "Article" });
    await body.fill((await body.inputValue()).replace(closing, revisedClosing));
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("Your changes have been saved.").waitFor();
    await publicPageShows(reader, `/news/${slug}`, revisedTitle, revisedClosing);

    // …then opens History and restores the published version.
    await page.getByRole("link", { name: /History and earlier versions/ }).click();
    await page.waitForURL(/\/history/);
    expect(await axeViolations(page)).toEqual([]);
    const published = page.getByRole("row").filter({ has: page.getByRole("cell", { name: /^Published/ }) });
    await published.getByRole("button", { name: /^Restore/ }).click();
    await page.waitForURL(/\/history\?done=restored/);
    expect(await page.getByRole("cell", { name: /^Restored an earlier version/ }).count()).toBe(1);
    await page.goto(baseUrl() + editPath);
    expect(await page.getByLabel("Headline").inputValue()).toBe(title);
    await publicPageShows(reader, `/news/${slug}`, title, closing);
    expect((await reader.getByRole("heading", { level: 1 }).textContent())!.trim()).toBe(title);
    expect(await main.textContent()).not.toContain(revisedClosing);
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
    await first.page.bringToFront();
    await first.page.getByRole("button", { name: "Save", exact: true }).click();
    await expectShown(first.page, "Your changes have been saved.");

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
