/**
 * Story-list latency at volume (issue 9 item 6), at the query level with no
 * page cache in front: `npx tsx --conditions=react-server scripts/bench-lists.ts`
 * against DATABASE_PATH / DATA_DIR, or from scripts/bench.ts. Seed first, e.g.
 *   DATA_DIR=/tmp/l npm run db:seed -- --stories 100000
 *
 * Each figure covers a walk over many pages of one list, so it includes the
 * listing index's first build (lib/stories/listing-index.ts); the "after a
 * write" row measures the rebuild that follows any write. Target: p95 < 20 ms.
 */
import { sql } from "drizzle-orm";
import { exec, first, getDb, rows as sqlRows } from "@/db/client";
import { listByPerson, listByTopic, listStories } from "@/lib/stories/public";
import { listTopics } from "@/lib/topics/public";

export type ListBenchRow = { kind: string; runs: number; p50: number; p95: number; max: number };
const TARGET_P95_MS = 20;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export async function benchLists({ rounds = 40 } = {}): Promise<ListBenchRow[]> {
  const db = getDb();
  const topic = (await first(sqlRows<{ id: number; slug: string }>(db, sql`select t.id, t.slug from topics t join story_topics st on st.topic_id = t.id group by t.id order by count(*) desc limit 1`)))!;
  const person = (await first(sqlRows<{ id: number }>(db, sql`select person_id as id from story_authors group by person_id order by count(*) desc limit 1`)))!;
  const pages = (n: number) => Array.from({ length: rounds }, (_, i) => 1 + Math.floor((i * n) / rounds));
  const kinds: { kind: string; run: (i: number) => Promise<unknown> }[] = [
    { kind: "/news page 1", run: () => listStories({ page: 1 }) },
    { kind: "/news ?page=5000 and around", run: (i) => listStories({ page: 4990 + (i % 20) }) },
    { kind: "/news pages 1…8000", run: (i) => listStories({ page: pages(8000)[i]! }) },
    { kind: "/news?type=", run: (i) => listStories({ type: "feature", page: pages(1500)[i]! }) },
    { kind: "/news?topic= (largest)", run: (i) => listStories({ topic: topic.slug, page: pages(2000)[i]! }) },
    { kind: "/news?type=&topic=", run: (i) => listStories({ type: "expert-comment", topic: topic.slug, page: pages(400)[i]! }) },
    { kind: "/topics/<slug> (largest)", run: (i) => listByTopic(topic.id, pages(2000)[i]!) },
    { kind: "/experts/<slug> (most stories)", run: (i) => listByPerson(person.id, pages(500)[i]!) },
    { kind: "topic counts (filters)", run: () => listTopics() },
  ];
  const rows: ListBenchRow[] = [];
  const report = (kind: string, times: number[]) => {
    times.sort((a, b) => a - b);
    const row = { kind, runs: times.length, p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1) ?? NaN };
    rows.push(row);
    console.log(`${kind.padEnd(32)} p50 ${row.p50.toFixed(2).padStart(7)} ms   p95 ${row.p95.toFixed(2).padStart(7)} ms   max ${row.max.toFixed(1).padStart(7)} ms   ${row.p95 < TARGET_P95_MS ? "ok" : "OVER TARGET"}`);
  };
  for (const { kind, run } of kinds) {
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const t = performance.now();
      await run(i);
      times.push(performance.now() - t);
    }
    report(kind, times);
  }
  // The price of a write: the next read of each list rebuilds it once.
  const rebuild: number[] = [];
  for (let i = 0; i < 5; i++) {
    await exec(db, sql`update stories set updated_at = updated_at where id = (select min(id) from stories)`);
    const t = performance.now();
    await listStories({ page: 1 });
    rebuild.push(performance.now() - t);
  }
  report("/news page 1 right after a write", rebuild);
  return rows;
}

if (process.argv[1]?.endsWith("bench-lists.ts")) {
  benchLists({ rounds: Number(process.env.BENCH_LIST_ROUNDS ?? 40) }).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
