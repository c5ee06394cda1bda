/**
 * Helpers for the cluster test: plain HTTP to nginx or to one instance,
 * polling with measured times, Chromium signed in through nginx and pinned
 * to one instance, and the fields of a server-rendered form.
 */
import { parseDocument } from "htmlparser2";
import type { Browser, BrowserContext, Page } from "playwright-core";

export type Reply = { status: number; headers: Headers; text: string; body: Buffer };

/** One GET (or a form POST), never following redirects; the body is decoded as a browser would. */
export async function get(url: string, headers: Record<string, string> = {}): Promise<Reply> {
  const res = await fetch(url, { headers, redirect: "manual", signal: AbortSignal.timeout(30_000) });
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, text: body.toString("utf8"), body };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Requests until nginx (X-Cache-Status) or the instance's own cache (X-Cache) answers HIT. */
export async function warm(url: string, header: "x-cache-status" | "x-cache"): Promise<Reply> {
  for (let i = 0; ; i++) {
    const res = await get(url);
    if (res.headers.get(header) === "HIT" || i >= 40) return res;
    await sleep(100);
  }
}

/** Polls `url` every `everyMs` until `done(reply)`; the time the first such reply arrived. */
export async function arrival(url: string, done: (r: Reply) => boolean, options: { everyMs: number; giveUpAt: number }): Promise<number> {
  while (Date.now() < options.giveUpAt) {
    const res = await get(url);
    if (done(res)) return Date.now();
    await sleep(options.everyMs);
  }
  throw new Error(`${url} never showed the change`);
}

export const shows = (text: string) => (r: Reply) => r.status === 200 && r.text.includes(text);

/** Signs in through the real form at `siteUrl` (nginx) in a fresh browser profile. */
export async function signIn(browser: Browser, siteUrl: string, email: string, password: string): Promise<{ context: BrowserContext; page: Page; ms: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const started = Date.now();
  await page.goto(`${siteUrl}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await page.waitForURL(/\/editor/);
  await page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
  return { context, page, ms: Date.now() - started };
}

/** The Cookie header the context would send to the site. */
export async function cookieHeader(context: BrowserContext, siteUrl: string): Promise<string> {
  return (await context.cookies(siteUrl)).map((c) => `${c.name}=${c.value}`).join("; ");
}

/**
 * From now on, every request the context makes to the site goes to one
 * instance instead of nginx. The browser still believes it is on the site
 * (its Origin is the site's, as the instance requires of a form), and
 * redirects come back to it to follow; cookies are per host, so the
 * session signed in through nginx goes along. Returns a count of the
 * requests sent to the instance.
 */
export async function pinTo(context: BrowserContext, siteUrl: string, instanceUrl: string): Promise<{ count: number }> {
  const sent = { count: 0 };
  await context.route(`${siteUrl}/**`, async (route) => {
    sent.count++;
    const url = instanceUrl + route.request().url().slice(siteUrl.length);
    try {
      const response = await route.fetch({ url, maxRedirects: 0 });
      await route.fulfill({ response });
    } catch (error) {
      // An image still loading when the test closes the context: nobody is waiting for it.
      if (!/disposed|has been closed/.test(String(error))) throw error;
    }
  });
  return sent;
}

type Node = { type: string; name?: string; attribs?: Record<string, string>; children?: Node[] };

function* elements(node: Node): Generator<Node> {
  if (node.type === "tag") yield node;
  for (const child of node.children ?? []) yield* elements(child);
}

/** The hidden inputs of the first form with `className` (Next puts the server action's reference there for readers without JavaScript). */
export function hiddenFields(html: string, className: string): [string, string][] {
  const form = [...elements(parseDocument(html) as unknown as Node)].find((n) => n.name === "form" && (n.attribs?.class ?? "").split(/\s+/).includes(className));
  if (!form) throw new Error(`no form.${className} in the page`);
  return [...elements(form)].filter((n) => n.name === "input" && n.attribs?.type === "hidden" && n.attribs.name).map((n) => [n.attribs!.name!, n.attribs!.value ?? ""]);
}
