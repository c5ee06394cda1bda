import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { E2E_PASSWORD, readState } from "./server";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Debian's Chromium, never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/**
 * One browser for the test file and a fresh context and page for each test,
 * sending `headers()` (e.g. the reader's address as a trusted proxy would
 * report it). `use` receives each test's page.
 */
export function pagePerTest(use: (page: Page) => void, headers: () => Record<string, string> = () => ({})): void {
  let browser: Browser;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ extraHTTPHeaders: headers() });
    use(await context.newPage());
  });
  afterEach(async () => {
    await context?.close();
  });
}

export function baseUrl(): string {
  return process.env.E2E_BASE_URL ?? readState().baseUrl;
}

/** Signs in through the real login form. */
export async function login(page: Page, email: string, password = E2E_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl()}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await page.waitForURL(/\/editor/);
}

/** Runs axe-core in the page and returns its violations. */
export async function axeViolations(page: Page): Promise<{ id: string; help: string; nodes: { target: unknown }[] }[]> {
  const source = fs.readFileSync(path.join(process.cwd(), "node_modules/axe-core/axe.min.js"), "utf8");
  await page.addScriptTag({ content: source });
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[] }> } }).axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

/**
 * On the new-story form (already open in `page`): fills a news release with
 * the first expert on the byline and creates the draft; resolves on the
 * draft's edit page.
 */
export async function createNewsDraft(page: Page, story: { title: string; standfirst: string; body: string }): Promise<void> {
  await page.getByLabel("Type of story").selectOption("news-release");
  await page.getByLabel("Headline").fill(story.title);
  await page.getByLabel("Standfirst").fill(story.standfirst);
  await page.getByRole("textbox", { name: "Article" }).fill(story.body);
  const expert = page.getByLabel("Add an expert to the byline");
  await expert.selectOption((await expert.locator("option").nth(1).getAttribute("value"))!);
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await page.getByRole("button", { name: "Create draft" }).click();
  await page.waitForURL(/\/editor\/stories\/\d+\/edit/);
}
