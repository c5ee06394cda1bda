import "server-only";

/**
 * The one scheduler: started once per server process from instrumentation.ts,
 * it runs every job every 30 seconds. Jobs must be idempotent (a restart or
 * an overlapping run must never repeat an effect such as an e-mail); record
 * what was done in the database, not in memory.
 */
export type Job = { name: string; run: (now: number) => unknown };

const INTERVAL_MS = 30_000;

async function loadJobs(): Promise<Job[]> {
  // Each area adds its jobs here.
  const { openDayJobs } = await import("@/lib/open-days/jobs");
  const { storyJobs } = await import("@/lib/stories/schedule");
  return [...openDayJobs, ...storyJobs];
}

export async function runJobsOnce(now = Date.now()): Promise<void> {
  for (const job of await loadJobs()) {
    try {
      await job.run(now);
    } catch (error) {
      console.error(`[scheduler] ${job.name} failed:`, error);
    }
  }
}

const state = globalThis as unknown as { newsroomScheduler?: NodeJS.Timeout };

export function startScheduler(): void {
  if (state.newsroomScheduler) return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runJobsOnce();
    } finally {
      running = false;
    }
  };
  state.newsroomScheduler = setInterval(tick, INTERVAL_MS);
  state.newsroomScheduler.unref();
  void tick();
}
