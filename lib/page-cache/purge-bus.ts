/**
 * Purges across instances (issue 10). With REDIS_URL set, scripts/server.ts
 * starts one bus per instance:
 *
 * - every purge an instance makes (lib/cache.ts revalidate(), from a request
 *   or the scheduler) is published on one Redis channel; every other
 *   instance purges the same tags from its own page cache on receipt, so a
 *   publish on A is fresh on B within a Redis round trip;
 * - with a proxy cache in front (nginx, PROXY_PURGE_URL), each page the
 *   proxy fetched is remembered under its tags in Redis (a sorted set per
 *   tag, scored by time, trimmed to the proxy's longest keep and to the
 *   newest MAX_REMEMBERED_PER_TAG URLs), and the instance that made the change asks
 *   the proxy to drop those URLs, in each encoding it keys separately; once
 *   at once, and again shortly after for a render that was under way.
 *
 * Redis down: local purges still happen, and the bus reconnects by itself.
 * An instance starts without it too (after waiting CONNECT_WAIT_MS), and
 * meanwhile a broadcast or a remember fails at once (no offline queue) rather
 * than piling up in memory.
 */
import http from "node:http";
import { createClient } from "@redis/client";
import { expandTags } from "./page-cache";

const CHANNEL = "newsroom:purge";
const TAG_KEY = (tag: string) => `newsroom:proxy-tag:${tag}`;
/** The encodings the proxy keys its copies by (docs/deploy.md's nginx map). */
export const PROXY_ENCODINGS = ["br", "gzip", "identity"] as const;
/**
 * The most URLs remembered per tag, so one change sends at most this many purges (times the
 * encodings) to the proxy. Only normalised URLs reach the proxy's cache (scripts/server.ts), so
 * this binds only under a flood of distinct real pages (searches for random words, say): the
 * oldest then go unpurged and the proxy drops them at their s-maxage + stale-while-revalidate.
 */
export const MAX_REMEMBERED_PER_TAG = 2_000;
/** A second proxy purge this long after the first catches a page stored by a render that began before the change. */
const SECOND_PURGE_MS = 400;
/** How long start-up waits for Redis: long enough for a local or same-zone server, short enough that a Redis outage does not keep the site down. */
const CONNECT_WAIT_MS = 2_000;

type Message = { from: string; tags: string[] };

export type PurgeBus = {
  /** Broadcasts a purge this instance made (and purges the proxy). */
  broadcast: (tags: string[]) => void;
  /** Records that the proxy holds `url`, a page showing `tags`. */
  remember: (url: string, tags: readonly string[]) => void;
  close: () => Promise<void>;
};

export async function startPurgeBus(options: {
  redisUrl: string;
  instanceId: string;
  /** Purges this instance's own page cache. */
  onRemotePurge: (tags: string[]) => void;
  /** The proxy's purge endpoint, e.g. http://127.0.0.1:8080 (nginx with the cache-purge module). */
  proxyPurgeUrl?: string;
  /** How long the proxy may keep a page (s-maxage + stale-while-revalidate), ms. */
  proxyKeepMs: number;
}): Promise<PurgeBus> {
  const client = createClient({ url: options.redisUrl, disableOfflineQueue: true });
  // The subscriber keeps its queue: its one SUBSCRIBE waits for the connection (and is renewed on every reconnect).
  const subscriber = client.duplicate({ disableOfflineQueue: false });
  for (const c of [client, subscriber]) {
    c.on("error", (error: unknown) => console.error("[purge-bus] redis:", (error as Error).message));
    // connect() retries until Redis answers and settles only then: not awaited, so start-up never hangs on it.
    c.connect().catch((error: unknown) => console.error("[purge-bus] redis connect:", (error as Error).message));
  }
  const subscribed = subscriber
    .subscribe(CHANNEL, (raw) => {
      try {
        const message = JSON.parse(raw) as Message;
        if (message.from !== options.instanceId && Array.isArray(message.tags)) options.onRemotePurge(message.tags.map(String));
      } catch (error) {
        console.error("[purge-bus] bad message:", error);
      }
    })
    .then(
      () => true,
      (error: unknown) => {
        console.error("[purge-bus] subscribe failed:", (error as Error).message);
        return false;
      },
    );
  let waited: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<false>((resolve) => (waited = setTimeout(() => resolve(false), CONNECT_WAIT_MS)));
  const ready = await Promise.race([subscribed, gaveUp]);
  clearTimeout(waited);
  if (!ready) console.error(`[purge-bus] redis: not reachable within ${CONNECT_WAIT_MS / 1000} s; starting without it (purges stay local until it answers)`);

  const purgeProxy = async (tags: string[]) => {
    const base = options.proxyPurgeUrl;
    if (!base) return;
    const since = Date.now() - options.proxyKeepMs;
    const urls = new Set<string>();
    for (const tag of expandTags(tags)) for (const url of await client.zRangeByScore(TAG_KEY(tag), since, "+inf")) urls.add(url);
    await Promise.all([...urls].flatMap((url) => PROXY_ENCODINGS.map((encoding) => requestPurge(base, `/_purge/${encoding}${url}`))));
  };

  const broadcast = (tags: string[]) => {
    if (tags.length === 0) return;
    const message: Message = { from: options.instanceId, tags };
    client.publish(CHANNEL, JSON.stringify(message)).catch((error: unknown) => console.error("[purge-bus] publish failed:", (error as Error).message));
    purgeProxy(tags).catch((error: unknown) => console.error("[purge-bus] proxy purge failed:", (error as Error).message));
    setTimeout(() => void purgeProxy(tags).catch(() => undefined), SECOND_PURGE_MS).unref();
  };

  const remember = (url: string, tags: readonly string[]) => {
    // A MULTI waits for the next connection attempt even without an offline queue: skipped while Redis is away
    // (the connection's own errors say so). The proxy then keeps that copy until it expires (s-maxage).
    if (!client.isReady) return;
    const now = Date.now();
    const multi = client.multi();
    for (const tag of tags) {
      multi.zAdd(TAG_KEY(tag), { score: now, value: url });
      multi.zRemRangeByScore(TAG_KEY(tag), "-inf", now - options.proxyKeepMs);
      multi.zRemRangeByRank(TAG_KEY(tag), 0, -(MAX_REMEMBERED_PER_TAG + 1));
      multi.pExpire(TAG_KEY(tag), options.proxyKeepMs);
    }
    multi.exec().catch((error: unknown) => console.error("[purge-bus] remember failed:", (error as Error).message));
  };

  const close = async () => {
    // A client still trying to connect is destroyed (that ends its retries); quit() would wait for Redis.
    await Promise.allSettled([subscriber, client].map((c) => (c.isReady ? c.quit() : Promise.resolve(c.destroy()))));
  };
  return { broadcast, remember, close };
}

/**
 * One purge request to the proxy; 200 (dropped) and 404 (it held none) are both fine. The path goes as
 * it was recorded, byte for byte (a URL object would re-encode quotes or braces the proxy keyed raw).
 */
function requestPurge(base: string, rawPath: string): Promise<void> {
  const target = new URL(base);
  return new Promise((resolve) => {
    const req = http.request({ host: target.hostname, port: target.port || 80, path: rawPath, method: "GET", timeout: 2_000 }, (res) => {
      res.resume();
      res.on("end", () => resolve());
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve());
    req.end();
  });
}
