/**
 * What `npm run bench` and `npm run bench:cluster` measure with, so both
 * drive a page the same way: the load settings (BENCH_DURATION,
 * BENCH_REQUESTS, BENCH_WARMUP, BENCH_CONNECTIONS), plain HTTP probes,
 * one autocannon run after a warm-up, waiting for a server to go idle, and
 * the same-bytes limit (each page's recorded bytes from a bare node:http server).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import autocannon from "autocannon";
import type { Run } from "./report";
import type { Recorded } from "./same-bytes-server";
import { waitForOk } from "../lib/child";

/** A non-negative number from the environment, or `fallback` when unset. */
export const num = (name: string, fallback: number) => {
  const raw = process.env[name];
  const n = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number (got ${raw})`);
  return n;
};

export const REQUESTS = num("BENCH_REQUESTS", 0);
export const DURATION = num("BENCH_DURATION", REQUESTS ? 0 : 5);
export const WARMUP = num("BENCH_WARMUP", 2);
export const CONNECTIONS = num("BENCH_CONNECTIONS", 50);
/** What browsers send; the page cache keeps gzip and brotli bodies, Next compresses its own. */
export const ACCEPT_ENCODING = "gzip, deflate, br";
/** An anonymous request naming the server's PAGE_CACHE_MISS_TOKEN in this header is rendered as a miss (scripts/server.ts MISS_HEADER). */
export const MISS_HEADER = "x-newsroom-cache-miss";
/** "5 s" or "1000 requests": how long one run is, for the printed settings. */
export const RUN_LENGTH = REQUESTS > 0 ? `${REQUESTS} requests` : `${DURATION || 5} s`;

export type RawReply = { status: number; headers: [string, string][]; body: Buffer };

/**
 * One GET with exactly these headers, on a connection of its own (a kept-alive one could be
 * one nginx is closing on a reload); the body as sent (not decompressed), the headers in order.
 */
export function raw(url: string, headers: Record<string, string>): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const pairs: [string, string][] = [];
          for (let i = 0; i < res.rawHeaders.length; i += 2) pairs.push([res.rawHeaders[i]!, res.rawHeaders[i + 1]!]);
          resolve({ status: res.statusCode ?? 0, headers: pairs, body: Buffer.concat(chunks) });
        });
      })
      .on("error", reject);
  });
}

export const headerOf = (r: { headers: [string, string][] }, name: string) => r.headers.find(([k]) => k.toLowerCase() === name)?.[1];

/** One measured run (after a warm-up run that is thrown away); `cache` labels what answered (x-cache, X-Cache-Status). */
export async function load(url: string, headers: Record<string, string>, cache: string): Promise<Run> {
  const opts = { url, connections: CONNECTIONS, headers: { "accept-encoding": ACCEPT_ENCODING, ...headers }, timeout: 10 };
  if (WARMUP > 0) await autocannon({ ...opts, duration: WARMUP });
  const r = await autocannon(REQUESTS > 0 ? { ...opts, amount: REQUESTS } : { ...opts, duration: DURATION || 5 });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts, requests: r.requests.total, cache };
}

/**
 * Waits until a server has finished what a run left behind: autocannon closes its sockets when
 * the time is up, but the renders they asked for still run and would steal the next run's CPU.
 * Idle = a probe answers within 250 ms twice in a row.
 */
export async function drain(url: string, headers: Record<string, string> = {}, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quick = 0;
  while (quick < 2 && Date.now() < deadline) {
    const t = performance.now();
    await raw(url, headers).catch(() => undefined);
    quick = performance.now() - t < 250 ? quick + 1 : 0;
    if (quick < 2) await new Promise((r) => setTimeout(r, 200));
  }
}

/** A story, a topic and an expert linked from the portal's pages, and a deep /news page for `stories` synthetic stories. */
export async function discover(base: string, stories: number) {
  const news = (await raw(`${base}/news`, {})).body.toString("utf8");
  const slug = /href="\/news\/([a-z0-9-]+)"/.exec(news)?.[1];
  if (!slug) throw new Error("no story link on /news");
  const story = (await raw(`${base}/news/${slug}`, {})).body.toString("utf8");
  const topic = /href="\/topics\/([a-z0-9-]+)"/.exec(story)?.[1] ?? "research";
  const expert = /href="\/experts\/([a-z0-9-]+)"/.exec(story)?.[1] ?? "";
  const deep = Math.max(1, Math.min(5000, Math.floor(stories / 12 / 2)));
  return { slug, topic, expert, deep };
}

/** Each page's exact response (status, headers, body), recorded the second time it is asked for, so a cache has it by then. */
export async function recordPages(base: string, paths: string[]): Promise<Recorded[]> {
  const recorded: Recorded[] = [];
  for (const p of paths) {
    await raw(base + p, { "accept-encoding": ACCEPT_ENCODING });
    const r = await raw(base + p, { "accept-encoding": ACCEPT_ENCODING });
    const headers = r.headers.filter(([k]) => !["connection", "keep-alive", "transfer-encoding", "date", "content-length"].includes(k.toLowerCase()));
    recorded.push({ path: p, status: r.status, headers, body: r.body.toString("base64") });
  }
  return recorded;
}

/** Starts scripts/bench/same-bytes-server.ts on `port` with `recorded` (written to `dir`), in its own process group; resolves once it answers. */
export async function startSameBytes(recorded: Recorded[], dir: string, port: number): Promise<ChildProcess> {
  const manifest = path.join(dir, "same-bytes.json");
  fs.writeFileSync(manifest, JSON.stringify(recorded));
  const child = spawn(process.execPath, ["--import", "tsx", path.join(__dirname, "same-bytes-server.ts"), manifest, String(port)], { stdio: "ignore", detached: true });
  try {
    await waitForOk("the same-bytes server", `http://localhost:${port}${recorded[0]!.path}`, child, 30_000);
  } catch (error) {
    child.kill();
    throw error;
  }
  return child;
}
