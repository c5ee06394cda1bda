/**
 * The production server (started by scripts/start.ts in place of `next start`).
 * In front of Next's request handler it answers anonymous GET/HEAD requests
 * for public pages from an in-memory page cache without entering Next, and
 * counts story views on hits and misses alike.
 * @see docs/decisions/0006-page-cache.md
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { loadConfigOrExit } from "@/lib/config";
import { bodyFor, etagFor, keptHeaders, makeEntry, matchesIfNoneMatch, negotiate, type Entry } from "@/lib/page-cache/entry";
import { currentViewsSink, installPageCache, installPurgeBroadcast } from "@/lib/page-cache/global";
import { startPurgeBus, type PurgeBus } from "@/lib/page-cache/purge-bus";
import { beaconSlug, classify, isAsset, isCanonical, type Decision } from "@/lib/page-cache/key";
import { PageCache, type Rendered } from "@/lib/page-cache/page-cache";
import { ViewCounter } from "@/lib/page-cache/view-counter";

/** Set on every request from the socket, never from the client: lib/request.ts reads it for the client's IP. */
export const SOCKET_IP_HEADER = "x-newsroom-socket-ip";

/** Proxies may keep a page briefly and serve it stale while they refetch; this instance purges its own copy on every write. */
export const PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=30, stale-while-revalidate=60";
/** The longest a proxy keeps a page by PUBLIC_CACHE_CONTROL (s-maxage + stale-while-revalidate). */
const PROXY_KEEP_MS = 90_000;
/** nginx sets this on requests it forwards (docs/deploy.md), so the page it stores can be purged by tag. */
const PROXY_HEADER = "x-newsroom-proxy";
export const PRIVATE_CACHE_CONTROL = "private, no-store";
/** A cached page asked for by a URL other than its normalised one (lib/page-cache/key.ts isCanonical): not for proxies. */
export const VARIANT_CACHE_CONTROL = "private, no-cache";
const VARY = "RSC, Next-Router-State-Tree, Next-Router-Prefetch, Next-Router-Segment-Prefetch, Accept-Encoding";
/** Time-based changes are purged at their boundary by the scheduler; this only bounds what nothing purges. */
const TTL_MS = 5 * 60_000;
/**
 * Next streams metadata after <head> for ordinary browsers but renders it in
 * <head> for crawlers it knows (its HTML_LIMITED_BOT_UA_RE); one cached copy
 * serves both, so misses render the crawler form, which also suits readers
 * without JavaScript.
 */
const RENDER_USER_AGENT = "Mozilla/5.0 (compatible; Newsroom-PageCache/1.0; Google-PageRenderer)";

const RENDER_TIMEOUT_MS = 30_000;

/** With PAGE_CACHE_MISS_TOKEN set (the bench), a request naming it in this header is rendered as a miss. */
export const MISS_HEADER = "x-newsroom-cache-miss";

/** The smallest transparent GIF: the view counter's answer. */
const PIXEL = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

type Handle = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;
type Cacheable = Extract<Decision, { cache: true }>;

function setSocketIp(req: http.IncomingMessage): void {
  const ip = req.socket.remoteAddress ?? "";
  delete req.headers[SOCKET_IP_HEADER];
  const raw: string[] = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i]!.toLowerCase() !== SOCKET_IP_HEADER) raw.push(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  }
  raw.push(SOCKET_IP_HEADER, ip);
  req.rawHeaders = raw;
  req.headers[SOCKET_IP_HEADER] = ip;
}

/** Whatever Next sets, these headers go out as given (Next writes headers inside handle()). */
function forceHeaders(res: http.ServerResponse, forced: Record<string, string>): void {
  const writeHead = res.writeHead;
  const names = new Set(Object.keys(forced));
  res.writeHead = function (this: http.ServerResponse, ...args: unknown[]) {
    for (const [k, v] of Object.entries(forced)) this.setHeader(k, v);
    for (const arg of args) {
      if (Array.isArray(arg)) {
        // [name, value, name, value…] or [[name, value]…]
        for (let i = arg.length - 1; i >= 0; i--) {
          const item = arg[i];
          if (Array.isArray(item) && names.has(String(item[0]).toLowerCase())) arg.splice(i, 1);
        }
      } else if (arg && typeof arg === "object") {
        for (const key of Object.keys(arg)) if (names.has(key.toLowerCase())) delete (arg as Record<string, unknown>)[key];
      }
    }
    return (writeHead as (...a: unknown[]) => http.ServerResponse).apply(this, args);
  } as typeof res.writeHead;
}

function sendEntry(req: http.IncomingMessage, res: http.ServerResponse, entry: Entry, label: string, cacheControl: string): number {
  const encoding = negotiate(header(req, "accept-encoding"));
  const grouped = new Map<string, string[]>();
  for (const [k, v] of entry.headers) grouped.set(k, [...(grouped.get(k) ?? []), v]);
  for (const [k, v] of grouped) res.setHeader(k, v.length === 1 ? v[0]! : v);
  res.setHeader("cache-control", cacheControl);
  res.setHeader("surrogate-key", entry.tags.join(" "));
  res.setHeader("cache-tag", entry.tags.join(","));
  res.setHeader("vary", VARY);
  res.setHeader("etag", etagFor(entry, encoding));
  // No Age: the copy is the origin's own and is purged on every change, so a proxy should count s-maxage from now.
  res.setHeader("x-cache", label);
  if (matchesIfNoneMatch(header(req, "if-none-match"), entry)) {
    res.removeHeader("content-type");
    res.writeHead(304);
    res.end();
    return 304;
  }
  const body = bodyFor(entry, encoding);
  if (encoding !== "identity") res.setHeader("content-encoding", encoding);
  res.setHeader("content-length", String(body.length));
  res.writeHead(entry.status);
  res.end(req.method === "HEAD" ? undefined : body);
  return entry.status;
}

/** A render that may not be stored (it set a cookie, or is not a 200) goes only to the request that caused it. */
function sendRendered(req: http.IncomingMessage, res: http.ServerResponse, rendered: Rendered): number {
  for (const [k, v] of rendered.headers) if (k !== "content-length") res.appendHeader(k, v);
  res.setHeader("cache-control", PRIVATE_CACHE_CONTROL);
  res.setHeader("x-cache", "BYPASS");
  res.setHeader("content-length", String(rendered.body.length));
  res.writeHead(rendered.status);
  res.end(req.method === "HEAD" ? undefined : rendered.body);
  return rendered.status;
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** A path no route matches: Next renders the not-found page for it in full, on the server. */
const UNMATCHED_PATH = "/_newsroom-not-found";

/**
 * A page that calls notFound() gets, from Next 16.4, an empty
 * `<html id="__next_error__">` document that only JavaScript fills in
 * (vercel/next.js#98954), while an unmatched URL gets the whole not-found
 * page. Readers without JavaScript must see it too, so the first is answered
 * with the second's body, keeping the 404.
 */
async function withNotFoundPage(rendered: Rendered, socketPath: string, agent: http.Agent, req: http.IncomingMessage): Promise<Rendered> {
  if (rendered.status !== 404 || !rendered.body.subarray(0, 200).toString("utf8").includes('id="__next_error__"')) return rendered;
  try {
    const page = await renderVia(socketPath, agent, UNMATCHED_PATH, req);
    return page.status === 404 ? { ...page, storable: false } : rendered;
  } catch {
    return rendered;
  }
}

/** Renders a normalised URL through Next on the private socket, as an anonymous reader would get it. */
function renderVia(socketPath: string, agent: http.Agent, url: string, req: http.IncomingMessage): Promise<Rendered> {
  return new Promise((resolve, reject) => {
    const out = http.request(
      {
        socketPath,
        agent,
        method: "GET",
        path: url,
        headers: {
          host: header(req, "host") ?? "localhost",
          accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
          "accept-encoding": "identity",
          "user-agent": RENDER_USER_AGENT,
          ...(header(req, "x-forwarded-proto") ? { "x-forwarded-proto": header(req, "x-forwarded-proto")! } : {}),
          [SOCKET_IP_HEADER]: header(req, SOCKET_IP_HEADER) ?? "",
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        res.on("end", () => {
          const status = res.statusCode ?? 500;
          const encoded = res.headers["content-encoding"] && res.headers["content-encoding"] !== "identity";
          const setsCookie = res.headers["set-cookie"] !== undefined;
          resolve({ status, headers: keptHeaders(res.headers), body: Buffer.concat(chunks), storable: status === 200 && !setsCookie && !encoded });
        });
      },
    );
    // A render that hangs must not hold every waiter for that page: they fall back to Next directly.
    out.setTimeout(RENDER_TIMEOUT_MS, () => out.destroy(new Error(`render of ${url} took over ${RENDER_TIMEOUT_MS / 1000} s`)));
    out.on("error", reject);
    out.end();
  });
}

export async function startServer(options: {
  port: number;
  dir?: string;
  pageCacheBytes: number;
  /** "beacon": a caching proxy serves the pages, so only the counter image counts (lib/config.ts VIEW_COUNTING). */
  viewCounting: "server" | "beacon";
  /**
   * For `npm run bench` only (env PAGE_CACHE_MISS_TOKEN, unset in production): an anonymous
   * request carrying `x-newsroom-cache-miss: <token>` is answered as a cache miss every time —
   * rendered through Next as an anonymous reader, compressed as for storing, never stored —
   * so the bench measures what a miss costs without a session cookie. Without the token the
   * header does nothing, so no reader can make the server render.
   */
  missToken?: string;
  /** Several instances: purges go to the others through Redis (lib/page-cache/purge-bus.ts). */
  redisUrl?: string | undefined;
  /** A proxy cache in front to purge on change (nginx with the cache-purge module). */
  proxyPurgeUrl?: string | undefined;
}): Promise<{ close: () => Promise<void>; cache: PageCache }> {
  const started = Date.now();
  (process.env as Record<string, string>).NODE_ENV = "production";
  // tsx (which runs this file) turns on Node's source-map support; Node would then read and keep
  // the source map, sources included, of every chunk Next loads: about 50 MB of strings for the
  // life of the process. Next's production build does not need it.
  process.setSourceMapsEnabled(false);
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: options.dir ?? process.cwd(), port: options.port, hostname: "localhost" });
  await app.prepare();
  const handle = app.getRequestHandler() as Handle;

  const cache = new PageCache({ budgetBytes: options.pageCacheBytes, ttlMs: TTL_MS });
  installPageCache(cache);
  const bus: PurgeBus | undefined = options.redisUrl
    ? await startPurgeBus({
        redisUrl: options.redisUrl,
        instanceId: `${os.hostname()}:${process.pid}:${options.port}`,
        onRemotePurge: (tags) => cache.purge(tags),
        proxyKeepMs: PROXY_KEEP_MS,
        ...(options.proxyPurgeUrl ? { proxyPurgeUrl: options.proxyPurgeUrl } : {}),
      })
    : undefined;
  installPurgeBroadcast(bus?.broadcast);
  const views = new ViewCounter(currentViewsSink, { maxViews: 500, maxDelayMs: 5_000 });

  // Misses render through Next on a socket only this process can reach (a private temp folder).
  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), "newsroom-render-"));
  fs.chmodSync(socketDir, 0o700);
  const socketPath = path.join(socketDir, "render.sock");
  const internal = http.createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => internal.listen(socketPath, resolve));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

  const countView = (decision: Decision, req: http.IncomingMessage, status: number) => {
    if (status === 304) cache.countNotModified();
    if (options.viewCounting === "beacon") return;
    if (decision.cache && decision.storySlug && req.method === "GET" && (status === 200 || status === 304)) views.add(decision.storySlug);
  };

  /**
   * Sends a cacheable page. Proxies may store it only under its normalised URL; one going to the
   * proxy cache is remembered under its tags, so a change can purge it there.
   */
  const serve = (req: http.IncomingMessage, res: http.ServerResponse, decision: Cacheable, entry: Entry, label: string) => {
    const canonical = isCanonical(req.url, decision);
    if (canonical && bus && req.headers[PROXY_HEADER] && req.method === "GET") bus.remember(req.url ?? "/", entry.tags);
    return sendEntry(req, res, entry, label, canonical ? PUBLIC_CACHE_CONTROL : VARIANT_CACHE_CONTROL);
  };

  const onRequest = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    setSocketIp(req);
    const beacon = beaconSlug(req.method, req.url);
    if (beacon) {
      // Answered here, never by Next or a cache: one request, one view, nothing about the reader kept.
      if (req.method === "GET") views.add(beacon);
      res.writeHead(200, { "content-type": "image/gif", "content-length": String(PIXEL.length), "cache-control": "no-store, private", "x-content-type-options": "nosniff" });
      res.end(req.method === "HEAD" ? undefined : PIXEL);
      return;
    }
    const decision = classify({ method: req.method, url: req.url, headers: req.headers });
    if (!decision.cache) {
      if (!isAsset(decision.pathname)) {
        cache.countBypass();
        forceHeaders(res, { "cache-control": PRIVATE_CACHE_CONTROL, "x-cache": "BYPASS" });
      }
      await handle(req, res);
      return;
    }
    if (options.missToken && header(req, MISS_HEADER) === options.missToken) {
      const rendered = await renderVia(socketPath, agent, decision.url, req);
      const entry = rendered.storable ? makeEntry({ status: rendered.status, headers: rendered.headers, body: rendered.body, tags: decision.tags, now: Date.now() }) : null;
      countView(decision, req, entry ? serve(req, res, decision, entry, "MISS") : sendRendered(req, res, rendered));
      return;
    }
    const found = cache.lookup(decision.key);
    if (found) {
      if (!found.fresh) {
        cache.fill(decision.key, decision.tags, () => renderVia(socketPath, agent, decision.url, req)).catch((error: unknown) => console.error("[page-cache] refresh failed:", error));
      }
      countView(decision, req, serve(req, res, decision, found.entry, found.fresh ? "HIT" : "STALE"));
      return;
    }
    let filled;
    try {
      filled = await cache.fill(decision.key, decision.tags, () => renderVia(socketPath, agent, decision.url, req));
    } catch (error) {
      console.error("[page-cache] render failed, passing the request to Next:", error);
      forceHeaders(res, { "cache-control": PRIVATE_CACHE_CONTROL, "x-cache": "BYPASS" });
      await handle(req, res);
      return;
    }
    if (filled.entry) {
      countView(decision, req, serve(req, res, decision, filled.entry, "MISS"));
    } else if (!filled.shared) {
      countView(decision, req, sendRendered(req, res, await withNotFoundPage(filled.rendered, socketPath, agent, req)));
    } else {
      // Someone else's unstorable render may be personal (it set a cookie): render this one afresh.
      forceHeaders(res, { "cache-control": PRIVATE_CACHE_CONTROL, "x-cache": "BYPASS" });
      await handle(req, res);
    }
  };

  const server = http.createServer((req, res) => {
    onRequest(req, res).catch((error: unknown) => {
      console.error("[server] request failed:", error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8", "cache-control": PRIVATE_CACHE_CONTROL });
      res.end("Internal Server Error");
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, resolve));
  console.log(`  ▲ Next.js (custom server with page cache, ${Math.round(options.pageCacheBytes / 1048576)} MB)`);
  console.log(`  - Local: http://localhost:${options.port}`);
  console.log(`  ✓ Ready in ${Date.now() - started}ms`);

  const close = async () => {
    await views.flush();
    installPurgeBroadcast(undefined);
    await bus?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    internal.close();
    agent.destroy();
    fs.rmSync(socketDir, { recursive: true, force: true });
    await app.close();
  };
  return { close, cache };
}

async function main(): Promise<void> {
  const cfg = loadConfigOrExit();
  const missToken = process.env.PAGE_CACHE_MISS_TOKEN;
  const { close } = await startServer({
    port: cfg.port,
    pageCacheBytes: cfg.pageCacheBytes,
    viewCounting: cfg.viewCounting,
    redisUrl: cfg.redisUrl,
    proxyPurgeUrl: cfg.proxyPurgeUrl,
    ...(missToken && missToken.length >= 16 ? { missToken } : {}),
  });
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    const force = setTimeout(() => process.exit(0), 5_000);
    force.unref();
    close()
      .catch((error: unknown) => console.error("[server] shutdown:", error))
      .finally(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (require.main === module) void main();
