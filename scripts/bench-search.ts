/**
 * Search latency at volume (issue 9 item 6), at the lib level with no cache
 * in front: `npm run bench:search` against DATABASE_PATH, or from
 * scripts/bench.ts via `benchSearch()`. Seed the volume first, e.g.
 *   DATA_DIR=/tmp/s DATABASE_PATH=/tmp/s/newsroom.db npm run db:seed -- --stories 100000
 * Prints p50/p95 per kind of query: common words, rare words, phrases,
 * prefixes, a deep page and a misspelling ("Did you mean"). Target: p95 < 20 ms.
 */
import { sql } from "drizzle-orm";
import { first, getDb, rows as sqlRows } from "@/db/client";
import { search } from "@/lib/search/public";
import { suggestQuery } from "@/lib/search/suggest";

export type SearchBenchRow = { kind: string; queries: string[]; runs: number; p50: number; p95: number; max: number };

const TARGET_P95_MS = 20;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** Rare words come from the index itself: terms in only a few stories, so the figures do not depend on the seed's prose. SQLite-only (FTS5 vocab table, GLOB). */
async function rareTerms(n: number): Promise<string[]> {
  const terms = await sqlRows<{ term: string }>(
    getDb(),
    sql`SELECT term FROM stories_fts_vocab WHERE doc BETWEEN 1 AND 3 AND length(term) >= 5 AND term GLOB '[a-z]*' ORDER BY doc, term LIMIT ${n}`,
  );
  return terms.map((r) => r.term);
}

export async function benchSearch({ rounds = 30 } = {}): Promise<SearchBenchRow[]> {
  const rare = await rareTerms(6);
  const kinds: { kind: string; queries: string[]; run: (q: string) => Promise<unknown> }[] = [
    { kind: "common words", queries: ["university", "research", "harrowgate news", "students"], run: (q) => search({ q }) },
    { kind: "rare words", queries: rare.length ? rare : ["zeppelin"], run: (q) => search({ q }) },
    { kind: "phrases", queries: ['"university of harrowgate"', '"climate change"', '"research and news"'], run: (q) => search({ q }) },
    { kind: "prefixes", queries: ["clim", "res", "ha", "univ"], run: (q) => search({ q }) },
    { kind: "page 50 of a common word", queries: ["research"], run: (q) => search({ q, page: 50 }) },
    { kind: "story type filter", queries: ["research"], run: (q) => search({ q, type: "feature" }) },
    { kind: "misspelt (did you mean)", queries: ["reserch", "univresity", "climmate"], run: (q) => suggestQuery(q) },
  ];
  const stories = Number((await first(sqlRows<{ n: number | string }>(getDb(), sql`SELECT count(*) AS n FROM stories`)))?.n ?? 0);
  console.log(`Search at the lib level, no cache, ${stories.toLocaleString("en-GB")} stories, ${rounds} rounds per query (target p95 < ${TARGET_P95_MS} ms)`);
  const rows: SearchBenchRow[] = [];
  for (const { kind, queries, run } of kinds) {
    for (const q of queries) await run(q); // first touch: SQLite page cache, JIT
    const times: number[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const q of queries) {
        const t = performance.now();
        await run(q);
        times.push(performance.now() - t);
      }
    }
    times.sort((a, b) => a - b);
    const row = { kind, queries, runs: times.length, p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1) ?? NaN };
    rows.push(row);
    const verdict = row.p95 < TARGET_P95_MS ? "ok" : "OVER TARGET";
    console.log(`${kind.padEnd(28)} p50 ${row.p50.toFixed(2).padStart(7)} ms   p95 ${row.p95.toFixed(2).padStart(7)} ms   max ${row.max.toFixed(1).padStart(6)} ms   ${verdict}   (${queries.join(", ")})`);
  }
  return rows;
}

if (process.argv[1]?.endsWith("bench-search.ts")) {
  benchSearch({ rounds: Number(process.env.BENCH_SEARCH_ROUNDS ?? 30) }).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
