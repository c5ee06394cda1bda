import "server-only";
import { runExclusive } from "@/db/client";
import type { Job } from "@/lib/job";

/**
 * The one scheduler: started once per server process from instrumentation.ts
 * with the jobs every area contributes (passed in, so this module imports
 * none of them). It ticks twice a second and runs each job at its own
 * interval (lib/job.ts), one tick at a time.
 */
export type { Job } from "@/lib/job";

const TICK_MS = 500;
const DEFAULT_EVERY_MS = 30_000;

export async function runJobsOnce(jobs: readonly Job[], now = Date.now()): Promise<void> {
  for (const job of jobs) await runJob(job, now);
}

async function runJob(job: Job, now: number): Promise<void> {
  try {
    if (job.once) await runExclusive(job.name, async () => job.run(now));
    else await job.run(now);
  } catch (error) {
    console.error(`[scheduler] ${job.name} failed:`, error);
  }
}

const state = globalThis as unknown as { newsroomScheduler?: NodeJS.Timeout };

export function startScheduler(jobs: readonly Job[]): void {
  if (state.newsroomScheduler) return;
  const lastRun = new Map<Job, number>();
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const now = Date.now();
      for (const job of jobs) {
        const last = lastRun.get(job);
        if (last !== undefined && now - last < (job.everyMs ?? DEFAULT_EVERY_MS) - TICK_MS / 2) continue;
        lastRun.set(job, now);
        await runJob(job, now);
      }
    } finally {
      running = false;
    }
  };
  state.newsroomScheduler = setInterval(() => void tick(), TICK_MS);
  state.newsroomScheduler.unref();
  void tick();
}
