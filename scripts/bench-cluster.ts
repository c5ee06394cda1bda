/**
 * `npm run bench:cluster` (issue 10): req/s through nginx in front of the
 * cluster `npm run cluster` starts (scripts/cluster.ts: PostgreSQL, Redis, two
 * instances), driven as `npm run bench` drives one machine (scripts/bench/load.ts:
 * autocannon, BENCH_CONNECTIONS after a warm-up, BENCH_DURATION a run).
 *
 * For /, /news, a story and /events:
 * - cached: nginx answers from its cache (HIT), against the same-bytes limit
 *   (each page's bytes as nginx sent them, from a bare node:http server);
 * - uncached: the cluster runs with a bench-only PAGE_CACHE_MISS_TOKEN and nginx
 *   lets requests naming it through uncached, so each is a render on an
 *   instance; once through both instances, once with nginx reloaded to send
 *   everything to instance A alone (B keeps running, idle), and the ratio.
 *
 * Prints the figures beside their targets and beside the last single-machine
 * run (bench/results.json, if any); writes bench/cluster.json.
 * `npm run bench -- --cluster` runs both, one after the other.
 * BENCH_CLUSTER_STORIES (synthetic stories beside the demo content, default 10,000).
 */
import type { ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { clusterLegend, clusterTables, readSingleMachine, type ClusterPageFigures } from "./bench/cluster-report";
import { ACCEPT_ENCODING, CONNECTIONS, discover, drain, DURATION, headerOf, load, MISS_HEADER, num, raw, recordPages, REQUESTS, RUN_LENGTH, startSameBytes, WARMUP } from "./bench/load";
import { startCluster, type Cluster } from "./cluster";
import { freePort, stopChild, stopOnSignal } from "./lib/child";

const STORIES = num("BENCH_CLUSTER_STORIES", 10_000);
const OUT_DIR = path.join(process.cwd(), "bench");
const SINGLE_FILE = path.join(OUT_DIR, "results.json");

/** Asks until nginx answers from its cache; the reply that said HIT. */
async function warmNginx(url: string) {
  for (let i = 0; i < 40; i++) {
    const r = await raw(url, { "accept-encoding": ACCEPT_ENCODING });
    if (headerOf(r, "x-cache-status") === "HIT") return r;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url}: nginx never answered from its cache`);
}

async function measure(cluster: Cluster, missToken: string): Promise<ClusterPageFigures[]> {
  const [a] = cluster.instances;
  const idle = () => Promise.all(cluster.instances.map((i) => drain(`${i.url}/api/health`)));
  const { slug } = await discover(cluster.url, STORIES);
  const pages = [
    { path: "/", label: "/" },
    { path: "/news", label: "/news" },
    { path: `/news/${slug}`, label: "/news/<slug>" },
    { path: "/events", label: "/events" },
  ];
  for (const p of pages) await warmNginx(cluster.url + p.path);
  const recorded = await recordPages(cluster.url, pages.map((p) => p.path));
  const limitPort = await freePort();
  const limit: ChildProcess = await startSameBytes(recorded, cluster.dataDir, limitPort);
  const miss = { [MISS_HEADER]: missToken };
  const figures: ClusterPageFigures[] = [];
  try {
    for (const [i, p] of pages.entries()) {
      const url = cluster.url + p.path;
      const hit = headerOf(await warmNginx(url), "x-cache-status")!;
      const probe = await raw(url, { "accept-encoding": ACCEPT_ENCODING, ...miss });
      const how = `nginx ${headerOf(probe, "x-cache-status")}, instance ${headerOf(probe, "x-cache")}`;
      if (how !== "nginx BYPASS, instance MISS") throw new Error(`${p.path}: an uncached request was answered "${how}", not as a render`);

      const lim = await load(`http://localhost:${limitPort}${p.path}`, {}, "-");
      const cached = await load(url, {}, hit);
      await idle();
      const two = await load(url, miss, how);
      await idle();
      await cluster.route([a!]);
      let one: Awaited<ReturnType<typeof load>>;
      try {
        one = await load(url, miss, how);
        await idle();
      } finally {
        await cluster.route(cluster.instances);
      }
      figures.push({ ...p, bytes: Buffer.from(recorded[i]!.body, "base64").length, limit: lim, cached, uncached: { two, one } });
      console.log(`  ${p.label}: cached ${cached.rps.toFixed(0)} req/s (limit ${lim.rps.toFixed(0)}), uncached ${two.rps.toFixed(0)} req/s with 2 instances, ${one.rps.toFixed(0)} with 1`);
    }
  } finally {
    await stopChild(limit);
  }
  return figures;
}

async function main(): Promise<void> {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const missToken = crypto.randomBytes(18).toString("base64url");
  const unexpected: string[] = [];
  console.log(`Starting the cluster (PostgreSQL, Redis, 2 instances, nginx) with the demo content + ${STORIES.toLocaleString("en-GB")} synthetic stories…`);
  const arm = stopOnSignal();
  const cluster = await startCluster({ stories: STORIES, missToken, onUnexpectedExit: (name, how) => unexpected.push(`${name} ${how}`) });
  arm(cluster.stop);
  try {
    const t = cluster.timings;
    console.log(`Cluster up in ${(t.totalMs / 1000).toFixed(1)} s (${(t.prepareMs / 1000).toFixed(1)} s preparing, seeding${t.built ? ", building" : ""}).`);
    console.log(`\nLoad: autocannon, ${CONNECTIONS} connections, ${WARMUP} s warm-up then ${RUN_LENGTH} a run; Accept-Encoding: ${ACCEPT_ENCODING}\n`);
    const figures = await measure(cluster, missToken);
    if (unexpected.length) throw new Error(`during the runs: ${unexpected.join("; ")}`);

    const single = readSingleMachine(SINGLE_FILE);
    const singleFile = path.relative(process.cwd(), SINGLE_FILE);
    const cpus = os.cpus().length;
    console.log(`\n${clusterTables(figures, single)}\n\n${clusterLegend(cpus, single, singleFile)}`);
    const results = {
      at: new Date().toISOString(), machine: { cpus, load: os.loadavg(), node: process.version },
      settings: { stories: STORIES, connections: CONNECTIONS, durationSeconds: DURATION, requests: REQUESTS, warmupSeconds: WARMUP, acceptEncoding: ACCEPT_ENCODING },
      cluster: { instances: cluster.instances.length, database: "PostgreSQL", timings: t, oneInstance: "nginx reloaded with instance A alone in its upstream; B kept running, idle" },
      pages: figures,
      singleMachine: single && { file: singleFile, at: single.at, stories: single.stories },
    };
    const out = path.join(OUT_DIR, "cluster.json");
    fs.writeFileSync(out, JSON.stringify(results, null, 2));
    console.log(`\nWrote ${path.relative(process.cwd(), out)}.`);
  } finally {
    await cluster.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
