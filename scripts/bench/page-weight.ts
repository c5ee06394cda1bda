/**
 * What one page view costs, as Chromium loads it: every request it makes
 * (sorted into the document, static assets and RSC payloads) and the
 * JavaScript it runs, in bytes as sent and gzipped. Used by `npm run bench`
 * and by __tests__/e2e/read-path.e2e.ts, so both measure the same way.
 */
import zlib from "node:zlib";
import { chromium, type Browser, type BrowserContext } from "playwright-core";

export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** Debian's Chromium, never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

export type RequestKind = "document" | "static" | "rsc" | "other";
export type Visit = {
  url: string;
  requests: { url: string; kind: RequestKind; resourceType: string }[];
  scripts: number;
  jsBytes: number;
  /** Each script gzipped on its own (level 6, as servers and CDNs send it), summed. */
  jsGzipBytes: number;
};

/** Static assets: Next's hashed bundles, uploads, the demo media and anything under public/. */
const STATIC = [/^\/_next\/static\//, /^\/uploads\//, /^\/media\//, /^\/demo\//, /^\/favicon\.ico$/, /\.(?:svg|png|jpe?g|webp|avif|gif|ico|woff2?|css|mp4|mp3)$/];

export function requestKind(url: string, resourceType: string): RequestKind {
  const u = new URL(url);
  if (u.searchParams.has("_rsc")) return "rsc";
  if (resourceType === "document") return "document";
  if (STATIC.some((re) => re.test(u.pathname))) return "static";
  return "other";
}

/** Loads `url` in a fresh context (empty cache) and waits until the network is idle, then a little more for late prefetches. */
export async function measureVisit(browser: Browser, url: string, options: { javaScriptEnabled?: boolean; settleMs?: number } = {}): Promise<Visit> {
  const context: BrowserContext = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true });
  try {
    const page = await context.newPage();
    const requests: Visit["requests"] = [];
    const scripts: Promise<Buffer | null>[] = [];
    page.on("request", (r) => requests.push({ url: r.url(), kind: requestKind(r.url(), r.resourceType()), resourceType: r.resourceType() }));
    page.on("response", (r) => {
      if (r.request().resourceType() === "script") scripts.push(r.body().catch(() => null));
    });
    await page.goto(url, { waitUntil: "networkidle" });
    // Next prefetches links as they enter the viewport, after idle: scroll to the end and wait once more.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(options.settleMs ?? 500);
    await page.waitForLoadState("networkidle");
    const bodies = (await Promise.all(scripts)).filter((b): b is Buffer => b !== null);
    return {
      url,
      requests,
      scripts: bodies.length,
      jsBytes: bodies.reduce((n, b) => n + b.length, 0),
      jsGzipBytes: bodies.reduce((n, b) => n + zlib.gzipSync(b, { level: 6 }).length, 0),
    };
  } finally {
    await context.close();
  }
}
