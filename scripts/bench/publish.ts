/**
 * Publish-to-visible for `npm run bench`, the real way: the editor signs in
 * through the login form, writes a draft and presses "Publish now"; from that
 * click, an anonymous reader polls the home page (through the page cache, as
 * any reader would) until the headline is there.
 */
import http from "node:http";
import type { Browser } from "playwright-core";

function get(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      })
      .on("error", reject);
  });
}

export type PublishFigures = { publishedMs: number; visibleMs: number; polls: number };

export async function publishToVisible(browser: Browser, base: string, password: string, timeoutMs = 30_000): Promise<PublishFigures> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel("Email").fill("editor@newsroom.test");
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: /sign in/i }).click();
    await page.waitForURL(/\/editor/);

    const title = `Benchmark headline ${Date.now().toString(36)} from the press office`;
    await page.goto(`${base}/editor/stories/new`);
    await page.getByLabel("Type of story").selectOption("news-release");
    await page.getByLabel("Headline").fill(title);
    await page.getByLabel("Standfirst").fill("A story written by the benchmark to time publishing.");
    await page.getByRole("textbox", { name: "Article" }).fill("The benchmark wrote this paragraph.\n\n## Why\n\nTo see how soon readers see it.\n");
    // A story needs an author: the first expert in the picker.
    const picker = page.getByLabel("Add an expert to the byline");
    await picker.selectOption({ index: 1 });
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await page.getByRole("button", { name: "Create draft" }).click();
    await page.waitForURL(/\/editor\/stories\/\d+\/edit/);
    const anyway = page.getByLabel(/Publish anyway/);
    if (await anyway.count()) await anyway.check();

    // Warm the home page's cache entry first, so "visible" means the purge really happened.
    const home = `${base}/`;
    await get(home, {});
    await get(home, {});
    const started = performance.now();
    await page.getByRole("button", { name: "Publish now" }).click();
    let publishedMs = NaN;
    const confirmed = page.getByText(/Published\. The story is now on the public site/).waitFor({ timeout: timeoutMs }).then(() => {
      publishedMs = performance.now() - started;
    });
    let polls = 0;
    for (;;) {
      polls++;
      const res = await get(home, {});
      if (res.body.includes(title)) break;
      if (performance.now() - started > timeoutMs) throw new Error(`"${title}" was not on the home page within ${timeoutMs / 1000} s`);
      await new Promise((r) => setTimeout(r, 10));
    }
    const visibleMs = performance.now() - started;
    await confirmed;
    return { publishedMs, visibleMs, polls };
  } finally {
    await context.close();
  }
}
