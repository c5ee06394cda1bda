/**
 * The tables of `npm run bench:cluster`: nginx's cache against the same-bytes
 * limit, renders through nginx with two instances and with one, and the last
 * single-machine figures (bench/results.json) beside them.
 */
import fs from "node:fs";
import { fmt, ok, pct, table, TARGETS, type PageFigures, type Run } from "./report";

/** cached: nginx HIT; uncached: nginx BYPASS and an instance MISS (a render), through both instances or through one. */
export type ClusterPageFigures = { path: string; label: string; bytes: number; limit: Run; cached: Run; uncached: { two: Run; one: Run } };

/** What `npm run bench` last measured on one machine (SQLite, the portal's own page cache, no nginx). */
export type SingleMachine = { at: string; stories: number; pages: Pick<PageFigures, "label" | "hit" | "anonMiss" | "limit">[] };

export function readSingleMachine(file: string): SingleMachine | null {
  if (!fs.existsSync(file)) return null;
  const results = JSON.parse(fs.readFileSync(file, "utf8")) as { at: string; settings: { stories: number }; pages: PageFigures[] };
  return { at: results.at, stories: results.settings.stories, pages: results.pages };
}

const ms = (n: number) => `${fmt(n, 1)} ms`;
const failures = (r: Run) => String(r.non2xx + r.errors);

export function clusterTables(pages: ClusterPageFigures[], single: SingleMachine | null): string {
  const singleOf = (label: string) => single?.pages.find((p) => p.label === label);
  const cached = table(
    ["page", "nginx HIT req/s", "p50", "p99", "non-2xx", "X-Cache-Status", "limit req/s", "HIT/limit", "single-machine hit req/s", `target ≥ ${pct(TARGETS.hitShareOfLimit)} of limit, p99 < ${TARGETS.hitP99Ms} ms`],
    pages.map((p) => {
      const share = p.cached.rps / p.limit.rps;
      const pass = share >= TARGETS.hitShareOfLimit && p.cached.p99 < TARGETS.hitP99Ms;
      return [p.label, fmt(p.cached.rps), ms(p.cached.p50), ms(p.cached.p99), failures(p.cached), p.cached.cache, fmt(p.limit.rps), pct(share), fmt(singleOf(p.label)?.hit.rps ?? NaN), ok(pass)];
    }),
  );
  const uncached = table(
    ["page", "2 instances req/s", "p50", "p99", "non-2xx", "1 instance req/s", "p50", "p99", "non-2xx", "2 / 1", "single-machine anon miss req/s"],
    pages.map(({ label, uncached: { two, one } }) => [
      label, fmt(two.rps), ms(two.p50), ms(two.p99), failures(two), fmt(one.rps), ms(one.p50), ms(one.p99), failures(one), `${fmt(two.rps / one.rps, 2)}x`, fmt(singleOf(label)?.anonMiss.rps ?? NaN),
    ]),
  );
  return [
    "Through nginx, cached (X-Cache-Status HIT: nginx answers from its cache, no instance works):",
    cached,
    "",
    `Through nginx, uncached (${pages[0]?.uncached.two.cache ?? "nginx BYPASS, instance MISS"}: every request is a full render on an instance):`,
    uncached,
  ].join("\n");
}

/** What the figures mean, printed under the tables. */
export function clusterLegend(cpus: number, single: SingleMachine | null, singleFile: string): string {
  return [
    "Meaning and targets:",
    `  cached: the same-bytes limit is a bare node:http server sending each page's bytes as nginx sent them; the target is issue 9's for a cache (≥ ${pct(TARGETS.hitShareOfLimit)} of the limit, p99 < ${TARGETS.hitP99Ms} ms), applied to nginx's.`,
    "  uncached: what a page costs when no cache has it (after a purge, or a page nobody asked for within s-maxage); no target, compare with the single-machine anonymous miss.",
    `  2 / 1: renders through two instances against one (nginx reloaded with instance A alone; B kept running, idle). This machine has ${cpus} core${cpus === 1 ? "" : "s"}, shared by the load generator, nginx, PostgreSQL, Redis and the instances,`,
    "         so two instances cannot double throughput here: the ratio shows how the cost grows as the work grows (more renders at once on the same cores), not what a second machine would add. With a machine per instance, expect close to 2.",
    single
      ? `  single machine: ${singleFile}, ${single.at.slice(0, 16)}Z, ${single.stories.toLocaleString("en-GB")} stories on SQLite, the portal's own page cache, no nginx (npm run bench).`
      : `  single machine: no ${singleFile} yet; run npm run bench (or npm run bench -- --cluster for both) to see those figures beside these.`,
  ].join("\n");
}
