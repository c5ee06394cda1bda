/**
 * Next's incremental cache in Redis, for several instances (issue 10;
 * next.config.ts uses it when REDIS_URL is set, following Next's
 * self-hosting guide). Next keeps here what it renders and stores itself:
 * optimised images, prerendered routes, route handler responses. Shared,
 * an image is optimised once for all instances, and revalidateTag() on one
 * instance drops the entry for all of them. Public pages are not here: the
 * portal's own page cache keeps them (lib/page-cache, purged across
 * instances by lib/page-cache/purge-bus.ts).
 *
 * Plain CommonJS because Next loads it at build time too, without tsx.
 * Redis failing never fails a request: a read that errors or takes longer
 * than READ_TIMEOUT_MS is a miss, a failed write is logged. With Redis down,
 * no command waits for it (no offline queue, the connection awaited at most
 * READ_TIMEOUT_MS), so nothing piles up in memory while it is away.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS: Next loads this file itself, at build time too, with no TypeScript loader
const { createClient } = require("@redis/client");

const PREFIX = "newsroom:next:";
const READ_TIMEOUT_MS = 500;
/** Entries are bounded by age: a week unless Next says less (its revalidate, in seconds). */
const MAX_TTL_S = 7 * 24 * 3600;

let connecting;

function client() {
  if (!connecting) {
    const c = createClient({ url: process.env.REDIS_URL, disableOfflineQueue: true });
    c.on("error", (error) => console.error("[next-cache] redis:", error.message));
    connecting = c.connect().then(() => c);
    connecting.catch(() => {
      connecting = undefined;
    });
  }
  return connecting;
}

/** JSON that keeps Buffers (rscData, image bodies) and Maps (segmentData). */
function encode(value) {
  return JSON.stringify(value, function (key, v) {
    const raw = this[key];
    if (Buffer.isBuffer(raw)) return { $buffer: raw.toString("base64") };
    if (raw instanceof Map) return { $map: [...raw.entries()] };
    return v;
  });
}

function decode(text) {
  return JSON.parse(text, (_key, v) => {
    if (v && typeof v === "object" && typeof v.$buffer === "string") return Buffer.from(v.$buffer, "base64");
    if (v && typeof v === "object" && Array.isArray(v.$map)) return new Map(v.$map);
    return v;
  });
}

function withTimeout(promise, ms) {
  return Promise.race([promise, new Promise((resolve) => setTimeout(() => resolve(null), ms).unref())]);
}

/** The client once connected; throws after READ_TIMEOUT_MS (connect() retries for as long as Redis is away). */
async function connected() {
  const c = await withTimeout(client(), READ_TIMEOUT_MS);
  if (!c) throw new Error(`Redis not reachable within ${READ_TIMEOUT_MS} ms`);
  return c;
}

function tagsOf(data, ctx) {
  const header = data && data.headers && data.headers["x-next-cache-tags"];
  const fromHeader = typeof header === "string" ? header.split(",") : [];
  return [...new Set([...((ctx && ctx.tags) || []), ...fromHeader].filter(Boolean))];
}

module.exports = class RedisCacheHandler {
  async get(key) {
    try {
      const c = await withTimeout(client(), READ_TIMEOUT_MS);
      const text = c && (await withTimeout(c.get(PREFIX + key), READ_TIMEOUT_MS));
      return text ? decode(text) : null;
    } catch (error) {
      console.error("[next-cache] read failed:", error.message);
      return null;
    }
  }

  async set(key, data, ctx) {
    try {
      const c = await connected();
      if (data === null) {
        await c.del(PREFIX + key);
        return;
      }
      const tags = tagsOf(data, ctx);
      const revalidate = ctx && typeof ctx.revalidate === "number" && ctx.revalidate > 0 ? ctx.revalidate : MAX_TTL_S;
      const ttl = Math.min(MAX_TTL_S, Math.max(60, Math.ceil(revalidate * 2)));
      const multi = c.multi().set(PREFIX + key, encode({ value: data, lastModified: Date.now(), tags }), { EX: ttl });
      for (const tag of tags) multi.sAdd(`${PREFIX}tag:${tag}`, key).expire(`${PREFIX}tag:${tag}`, MAX_TTL_S);
      await multi.exec();
    } catch (error) {
      console.error("[next-cache] write failed:", error.message);
    }
  }

  async revalidateTag(tagOrTags) {
    const tags = Array.isArray(tagOrTags) ? tagOrTags : [tagOrTags];
    try {
      const c = await connected();
      for (const tag of tags) {
        const keys = await c.sMembers(`${PREFIX}tag:${tag}`);
        if (keys.length > 0) await c.del(keys.map((k) => PREFIX + k));
        await c.del(`${PREFIX}tag:${tag}`);
      }
    } catch (error) {
      console.error("[next-cache] revalidate failed:", error.message);
    }
  }

  resetRequestCache() {}
};
