/**
 * The Node flags every portal server process runs with (scripts/start.ts,
 * scripts/cluster.ts, and docs/deploy.md for production).
 *
 * Without flags V8 grows its heap to several times the live set under a burst
 * of renders and keeps it: 50 concurrent story-page misses took the process
 * from ~170 MB to ~400 MB, though the live heap stays near 100 MB (the page
 * cache's bodies are Buffers, outside the heap).
 *
 * - `--max-old-space-size=512` caps the old generation at about five times
 *   that live set, and a cap is what makes V8 collect before it grows: the
 *   peak stays near 265 MB with the demo content (302 MB in `npm run bench`,
 *   100,000 stories and a full page cache). It is a hard cap: a process whose
 *   live heap passed it would abort with "heap out of memory", so run the
 *   server under a supervisor that restarts it (docs/deploy.md).
 * - `--max-semi-space-size=8` keeps young-generation collections cheap.
 *
 * Measured 2026-12-03 on this 2-core machine (server process alone, demo
 * content, 50 connections, 8 s runs of anonymous misses; story page,
 * `/events` and `/` req/s, then peak RSS):
 * - these flags: 77, 138, 109 req/s at 263 MB;
 * - `--optimize-for-size` (used before): 50, 81, 66 at 206 MB, with 27 % of
 *   the CPU profile in the garbage collector;
 * - no old-space cap (measured with `--max-semi-space-size=4` alone): 82, 149,
 *   113 at 392 MB, over the 400 MB target for all of `npm start` once the
 *   launcher is counted.
 */
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=8", "--max-old-space-size=512"];
