/**
 * `npm run bench`: how the portal carries anonymous reads, against the
 * physical limit of this machine, in one run.
 *
 * 1. Seeds a fresh temp database with the demo content plus BENCH_STORIES
 *    synthetic stories (default 100,000) and starts the real server the way
 *    `npm start` does (scripts/start.ts: production build if needed, then the
 *    custom server with its page cache, if present).
 * 2. Records each page's exact response once (status, headers, body, the
 *    same Accept-Encoding as the load) and serves those bytes from a bare
 *    node:http server in its own process: the same-bytes limit.
 * 3. Drives each page with autocannon (BENCH_CONNECTIONS, default 50, after a
 *    warm-up): anonymous (cache hits), with a session cookie (cache misses:
 *    the page cache never stores those, so each is a render), and the limit.
 *    A bare Next 16 app (static and dynamic page) is measured the same way.
 * 4. In Chromium: requests per home-page visit, JavaScript per public page
 *    against the bare page, and publish-to-visible through the editor.
 *    scripts/bench-lists.ts and scripts/bench-search.ts (when present) add
 *    query-level list and search latency on the same database.
 * 5. Prints every figure beside its target and writes bench/results.json and
 *    bench/chart.svg. Figures, not pass/fail: targets live here, not in tests.
 *
 * BENCH_DURATION (seconds a run, default 5), BENCH_WARMUP (default 2),
 * BENCH_CONNECTIONS, BENCH_PORT (portal; +1 the limit, +2 bare Next),
 * BENCH_STORIES, BENCH_DIST_DIR (build folder, default NEXT_DIST_DIR or .next),
 * BENCH_PAGES (comma-separated paths to measure instead of the default set).
 * `npm run bench -- --cluster` then runs scripts/bench-cluster.ts (nginx and
 * two instances), which prints these figures beside its own.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildBareNext, startBareNext } from "./bench/bare-next";
import { ACCEPT_ENCODING, CONNECTIONS, discover, drain, DURATION, headerOf, load, MISS_HEADER, num, raw, recordPages, REQUESTS, RUN_LENGTH, startSameBytes, WARMUP } from "./bench/load";
import { launchChromium, measureVisit, type Visit } from "./bench/page-weight";
import { sampleRss, treeRss } from "./bench/process-tree";
import { publishToVisible, type PublishFigures } from "./bench/publish";
import { chartSvg, pageTable, TARGETS, type PageFigures } from "./bench/report";
import { waitForOk } from "./lib/child";

const STORIES = num("BENCH_STORIES", 100_000);
const PORT = num("BENCH_PORT", 3999);
const DIST_DIR = process.env.BENCH_DIST_DIR || process.env.NEXT_DIST_DIR || ".next";
const PASSWORD = "bench-Password-2026";
/** Any session cookie makes the page cache step aside (never store, never serve): each request renders. */
const MISS_COOKIE = "authjs.session-token=bench-not-a-session";
/** The server renders an anonymous request naming this token as a miss (scripts/server.ts PAGE_CACHE_MISS_TOKEN); new each run. */
const MISS_TOKEN = crypto.randomBytes(18).toString("base64url");
const OUT_DIR = path.join(process.cwd(), "bench");
const tsx = path.join(process.cwd(), "node_modules/.bin/tsx");

const children: ChildProcess[] = [];
function stopAll() {
  for (const child of children) {
    try {
      if (child.pid && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}
process.on("exit", stopAll);
process.on("SIGINT", () => process.exit(130));

function seed(env: NodeJS.ProcessEnv): number {
  const started = performance.now();
  const result = spawnSync(tsx, ["--conditions=react-server", "db/seed/index.ts", "--stories", String(STORIES)], { env, stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) throw new Error("seeding failed");
  return (performance.now() - started) / 1000;
}

type Page = { path: string; label: string; target: boolean };

function pagesFor(d: Awaited<ReturnType<typeof discover>>): Page[] {
  if (process.env.BENCH_PAGES) return process.env.BENCH_PAGES.split(",").map((p) => ({ path: p, label: p, target: false }));
  return [
    { path: "/", label: "/", target: true },
    { path: "/news", label: "/news", target: true },
    { path: `/news/${d.slug}`, label: "/news/<slug>", target: true },
    { path: "/events", label: "/events", target: true },
    { path: `/news?page=${d.deep}`, label: `/news?page=${d.deep}`, target: false },
    { path: `/news?type=expert-comment&topic=${d.topic}`, label: "/news?type=&topic=", target: false },
    { path: `/topics/${d.topic}`, label: "/topics/<slug>", target: false },
    ...(d.expert ? [{ path: `/experts/${d.expert}`, label: "/experts/<slug>", target: false }] : []),
    { path: "/search?q=climate", label: "/search?q=climate", target: false },
    { path: "/feed.xml", label: "/feed.xml", target: false },
  ];
}

async function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "newsroom-bench-"));
  const base = `http://localhost:${PORT}`;
  const env = {
    ...process.env, DATA_DIR: dataDir, DATABASE_PATH: "", PORT: String(PORT), SITE_URL: base, SEED_PASSWORD: PASSWORD,
    AUTH_SECRET: "bench-secret-not-for-production-0123456789", PAGE_CACHE_MISS_TOKEN: MISS_TOKEN, NODE_ENV: "production" as const, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1",
  };
  try {
    console.log(`Seeding demo content + ${STORIES.toLocaleString("en-GB")} synthetic stories into ${dataDir}…`);
    const seedSeconds = seed(env);
    const dbMb = fs.statSync(path.join(dataDir, "newsroom.db")).size / 1e6;

    console.log(`Starting the portal (scripts/start.ts, build folder ${DIST_DIR}; builds if the sources changed)…`);
    const serverLog = fs.openSync(path.join(OUT_DIR, "server.log"), "w");
    // Exactly what `npm start` runs (package.json).
    const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env, stdio: ["ignore", serverLog, serverLog], detached: true });
    children.push(server);
    const startedAt = performance.now();
    await waitForOk("the portal", `${base}/api/health`, server, 20 * 60_000);
    const readySeconds = (performance.now() - startedAt) / 1000;
    const idleRss = treeRss(server.pid!);

    const d = await discover(base, STORIES);
    const pages = pagesFor(d);

    // The limit: each page's exact bytes, recorded once the portal has warmed it.
    const recorded = await recordPages(base, pages.map((p) => p.path));
    children.push(await startSameBytes(recorded, dataDir, PORT + 1));

    console.log(`Building / starting a bare Next app for comparison…`);
    const bareRoot = buildBareNext();
    const bare = startBareNext(bareRoot, PORT + 2);
    children.push(bare);
    const bareBase = `http://localhost:${PORT + 2}`;
    await waitForOk("the bare Next app", `${bareBase}/`, bare, 60_000);

    console.log(`\nLoad: autocannon, ${CONNECTIONS} connections, ${WARMUP} s warm-up then ${RUN_LENGTH} a run; Accept-Encoding: ${ACCEPT_ENCODING}\n`);
    const bareStatic = await load(`${bareBase}/`, {}, "-");
    await drain(`${bareBase}/`);
    const bareDynamic = await load(`${bareBase}/dynamic`, {}, "-");
    await drain(`${bareBase}/`);

    const rss = sampleRss(server.pid!);
    const figures: PageFigures[] = [];
    for (const [i, p] of pages.entries()) {
      const probeHit = await raw(base + p.path, { "accept-encoding": ACCEPT_ENCODING });
      const probeMiss = await raw(base + p.path, { "accept-encoding": ACCEPT_ENCODING, cookie: MISS_COOKIE });
      const probeAnonMiss = await raw(base + p.path, { "accept-encoding": ACCEPT_ENCODING, [MISS_HEADER]: MISS_TOKEN });
      // Limit first, then hits, then misses, each after the server is idle again.
      const lim = await load(`http://localhost:${PORT + 1}${p.path}`, {}, "-");
      const hit = await load(base + p.path, {}, headerOf(probeHit, "x-cache") ?? "none");
      await drain(`${base}/api/health`);
      const anonMiss = await load(base + p.path, { [MISS_HEADER]: MISS_TOKEN }, headerOf(probeAnonMiss, "x-cache") ?? "none");
      await drain(`${base}/api/health`);
      const miss = await load(base + p.path, { cookie: MISS_COOKIE }, headerOf(probeMiss, "x-cache") ?? "none");
      await drain(`${base}/api/health`);
      // Bare Next rendering a page of this page's HTML size: what Next alone costs for those bytes.
      const htmlBytes = (await raw(base + p.path, { "accept-encoding": "identity" })).body.length;
      const sizedUrl = `${bareBase}/sized?bytes=${htmlBytes}`;
      const bareSizedBytes = (await raw(sizedUrl, { "accept-encoding": "identity" })).body.length;
      const bareSized = { ...(await load(sizedUrl, {}, "-")), htmlBytes: bareSizedBytes };
      await drain(`${bareBase}/`);
      const f = { ...p, bytes: Buffer.from(recorded[i]!.body, "base64").length, htmlBytes, hit, miss, anonMiss, limit: lim, bareSized };
      figures.push(f);
      console.log(`  ${p.label}: hit ${hit.rps.toFixed(0)} req/s (p99 ${hit.p99} ms, ${hit.cache}), anonymous miss ${anonMiss.rps.toFixed(0)} req/s (${anonMiss.cache}), signed-in miss ${miss.rps.toFixed(0)} req/s (${miss.cache}), limit ${lim.rps.toFixed(0)} req/s, bare Next at ${(bareSizedBytes / 1024).toFixed(0)} KB ${bareSized.rps.toFixed(0)} req/s`);
    }
    const peakRss = rss.stop();

    // Query-level figures with no page cache in front (item 6), on the same database while the server idles.
    const queryLevel: Record<string, string> = {};
    for (const script of ["scripts/bench-lists.ts", "scripts/bench-search.ts"]) {
      if (!fs.existsSync(script)) continue;
      console.log(`\n${script} (query level, no cache):`);
      const out = spawnSync(tsx, ["--conditions=react-server", script], { env, encoding: "utf8" });
      queryLevel[script] = (out.stdout + out.stderr).trim();
      console.log(queryLevel[script]);
    }

    console.log("\nChromium: requests per home-page visit, JavaScript per page, publish-to-visible…");
    const browser = await launchChromium();
    let home: Visit, bareVisit: Visit, publish: PublishFigures | { error: string };
    const js: { path: string; jsGzipBytes: number; jsBytes: number; scripts: number }[] = [];
    try {
      home = await measureVisit(browser, `${base}/`);
      bareVisit = await measureVisit(browser, `${bareBase}/`);
      for (const p of pages.filter((x) => !x.path.endsWith(".xml"))) {
        const v = p.path === "/" ? home : await measureVisit(browser, base + p.path);
        js.push({ path: p.label, jsGzipBytes: v.jsGzipBytes, jsBytes: v.jsBytes, scripts: v.scripts });
      }
      try {
        publish = await publishToVisible(browser, base, PASSWORD);
      } catch (error) {
        publish = { error: (error as Error).message.split("\n")[0]! };
      }
    } finally {
      await browser.close();
    }

    const kinds = (v: Visit) => Object.fromEntries(["document", "static", "rsc", "other"].map((k) => [k, v.requests.filter((r) => r.kind === k).length]));
    const homeKinds = kinds(home);
    const worstJs = Math.max(...js.map((j) => j.jsGzipBytes));

    console.log(`\nseed: ${seedSeconds.toFixed(1)} s for demo + ${STORIES.toLocaleString("en-GB")} stories (${dbMb.toFixed(0)} MB); server ready in ${readySeconds.toFixed(1)} s\n`);
    console.log(pageTable(figures, bareDynamic.rps));
    console.log(`\nbare Next 16: static page ${bareStatic.rps.toFixed(0)} req/s (p99 ${bareStatic.p99} ms), dynamic page ${bareDynamic.rps.toFixed(0)} req/s (p99 ${bareDynamic.p99} ms)`);
    console.log("bare Next, same size: a bare Next dynamic page of the same HTML size (a list of plain cards), to separate what Next costs for the bytes from the portal's own work");
    console.log(`targets: cached ${figures.filter((f) => f.target).map((f) => f.label).join(", ")} ≥ ${TARGETS.hitShareOfLimit * 100} % of the limit with p99 < ${TARGETS.hitP99Ms} ms; anonymous misses ≥ bare Next dynamic (${bareDynamic.rps.toFixed(0)} req/s)`);
    console.log(`\nRSS, all processes of npm start (launcher + server): idle ${idleRss.total.toFixed(0)} MB, peak under load ${peakRss.total.toFixed(0)} MB (target < ${TARGETS.rssMb} MB: ${peakRss.total < TARGETS.rssMb ? "ok" : "MISSED"})`);
    console.log(`RSS, the server process alone: idle ${idleRss.largest.toFixed(0)} MB, peak under load ${peakRss.largest.toFixed(0)} MB`);
    console.log(`home-page visit: ${home.requests.length} requests (document ${homeKinds.document}, static ${homeKinds.static}, _rsc ${homeKinds.rsc}, other ${homeKinds.other}); target ${TARGETS.requestsPerHomeVisit}: ${homeKinds.rsc === 0 && homeKinds.other === 0 ? "ok" : "MISSED"}`);
    console.log(`JavaScript, gzipped: bare Next page ${(bareVisit.jsGzipBytes / 1024).toFixed(1)} KB; target ≤ bare + 15 KB = ${((bareVisit.jsGzipBytes + TARGETS.jsBeyondBareGzip) / 1024).toFixed(1)} KB`);
    for (const j of js) console.log(`  ${j.path.padEnd(24)} ${(j.jsGzipBytes / 1024).toFixed(1).padStart(6)} KB (${j.scripts} scripts, +${((j.jsGzipBytes - bareVisit.jsGzipBytes) / 1024).toFixed(1)} KB beyond bare)`);
    console.log(`  worst: +${((worstJs - bareVisit.jsGzipBytes) / 1024).toFixed(1)} KB beyond bare: ${worstJs - bareVisit.jsGzipBytes <= TARGETS.jsBeyondBareGzip ? "ok" : "MISSED"}`);
    console.log("error" in publish ? `publish-to-visible: not measured (${publish.error})` : `publish-to-visible: ${publish.visibleMs.toFixed(0)} ms from "Publish now" to the headline on an anonymous home page (action confirmed after ${publish.publishedMs.toFixed(0)} ms; target < 1000 ms: ${publish.visibleMs < 1000 ? "ok" : "MISSED"})`);

    const results = {
      at: new Date().toISOString(), machine: { cpus: os.cpus().length, load: os.loadavg(), node: process.version },
      settings: { stories: STORIES, connections: CONNECTIONS, durationSeconds: DURATION, requests: REQUESTS, warmupSeconds: WARMUP, acceptEncoding: ACCEPT_ENCODING, distDir: DIST_DIR },
      seedSeconds, dbMb, readySeconds, targets: TARGETS, pages: figures, bareNext: { static: bareStatic, dynamic: bareDynamic },
      rssMb: { idle: idleRss, peak: peakRss }, homeVisit: { total: home.requests.length, ...homeKinds, requests: home.requests },
      js: { bareGzipBytes: bareVisit.jsGzipBytes, pages: js }, publish, queryLevel,
    };
    fs.writeFileSync(path.join(OUT_DIR, "results.json"), JSON.stringify(results, null, 2));
    fs.writeFileSync(path.join(OUT_DIR, "chart.svg"), chartSvg(figures, `Newsroom, ${STORIES.toLocaleString("en-GB")} stories: req/s with ${CONNECTIONS} connections (${results.at.slice(0, 16)}Z)`));
    console.log(`\nWrote ${path.relative(process.cwd(), path.join(OUT_DIR, "results.json"))} and ${path.relative(process.cwd(), path.join(OUT_DIR, "chart.svg"))}.`);
  } finally {
    stopAll();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => {
    // After this run's servers are gone, so the cluster has the machine to itself.
    if (!process.argv.includes("--cluster")) process.exit(0);
    const cluster = spawnSync(tsx, ["scripts/bench-cluster.ts"], { stdio: "inherit" });
    process.exit(cluster.status ?? 1);
  },
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
