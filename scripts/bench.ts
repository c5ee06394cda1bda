/**
 * `npm run bench`: prints speed and memory figures for the portal under a
 * realistic data volume. It seeds a fresh temp database with the demo content
 * plus BENCH_STORIES synthetic stories (default 100,000), starts the
 * production server with it, then fires requests at the main public pages
 * with fixed concurrency and reports latency percentiles, throughput and the
 * server's resident memory. Figures, not pass/fail: compare runs.
 */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const STORIES = Number(process.env.BENCH_STORIES ?? 100_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const PORT = Number(process.env.BENCH_PORT ?? 3999);
const tsx = path.join(process.cwd(), "node_modules/.bin/tsx");

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function hammer(url: string): Promise<{ rps: number; p50: number; p95: number; p99: number; errors: number }> {
  const times: number[] = [];
  let errors = 0;
  let issued = 0;
  const started = performance.now();
  async function worker() {
    while (issued < REQUESTS) {
      issued++;
      const t = performance.now();
      try {
        const res = await fetch(url, { redirect: "manual" });
        await res.arrayBuffer();
        if (res.status >= 500) errors++;
      } catch {
        errors++;
      }
      times.push(performance.now() - t);
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return { rps: times.length / elapsed, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), errors };
}

function rssMb(pid: number): number {
  // The server is a child of the start script: sum the whole process tree.
  const out = execFileSync("ps", ["-o", "rss=", "--ppid", String(pid), "-p", String(pid)], { encoding: "utf8" });
  const grandchildren = execFileSync("sh", ["-c", `for p in $(pgrep -P ${pid}); do pgrep -P $p; done | xargs -r ps -o rss= -p || true`], { encoding: "utf8" });
  return (out + grandchildren).split(/\s+/).filter(Boolean).reduce((a, b) => a + Number(b), 0) / 1024;
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "newsroom-bench-"));
  const env = { ...process.env, DATA_DIR: dataDir, PORT: String(PORT), SITE_URL: `http://localhost:${PORT}`, SEED_PASSWORD: "bench-password", NODE_ENV: "production" as const };

  let t = performance.now();
  execFileSync(tsx, ["--conditions=react-server", "db/seed/index.ts"], { env, stdio: "ignore" });
  execFileSync(tsx, ["--conditions=react-server", "db/seed/index.ts", "--stories", String(STORIES)], { env, stdio: "ignore" });
  console.log(`seed: demo content + ${STORIES} synthetic stories in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  console.log(`database size: ${(fs.statSync(path.join(dataDir, "newsroom.db")).size / 1e6).toFixed(0)} MB`);

  const server = spawn(tsx, ["--conditions=react-server", "scripts/start.ts"], { env, stdio: "ignore", detached: true });
  const base = `http://localhost:${PORT}`;
  t = performance.now();
  for (;;) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      /* starting */
    }
    if (performance.now() - t > 15 * 60_000) throw new Error("server did not start");
    await new Promise((r) => setTimeout(r, 500));
  }
  console.log(`server ready in ${((performance.now() - t) / 1000).toFixed(1)} s; idle memory ${rssMb(server.pid!).toFixed(0)} MB`);

  const html = await (await fetch(`${base}/news`)).text();
  const slug = /href="\/news\/([a-z0-9-]+)"/.exec(html)?.[1] ?? "missing";
  const urls = ["/", "/news", "/news?page=2000", "/news?type=expert-comment", `/news/${slug}`, "/search?q=research", "/search?q=%22climate%20change%22", "/feed.xml", "/events", "/open-days", "/sitemap.xml"];
  console.log(`\n${REQUESTS} requests per URL, concurrency ${CONCURRENCY}`);
  console.log("url".padEnd(34), "req/s".padStart(8), "p50 ms".padStart(8), "p95 ms".padStart(8), "p99 ms".padStart(8), "errors".padStart(7));
  for (const url of urls) {
    const r = await hammer(base + url);
    console.log(url.padEnd(34), r.rps.toFixed(0).padStart(8), r.p50.toFixed(1).padStart(8), r.p95.toFixed(1).padStart(8), r.p99.toFixed(1).padStart(8), String(r.errors).padStart(7));
  }
  console.log(`\nserver memory after the run: ${rssMb(server.pid!).toFixed(0)} MB`);
  process.kill(-server.pid!, "SIGTERM");
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
