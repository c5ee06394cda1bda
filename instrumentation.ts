export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const [{ startScheduler }, { storyJobs }, { eventJobs }, { openDayJobs }, { searchJobs }, { installViewsSink }, { recordViews }] = await Promise.all([
      import("./lib/scheduler"),
      import("./lib/stories/schedule"),
      import("./lib/events/jobs"),
      import("./lib/open-days/jobs"),
      import("./lib/search/jobs"),
      import("./lib/page-cache/global"),
      import("./lib/stories/views"),
    ]);
    // Every area's jobs, listed here so the scheduler depends on none of them.
    startScheduler([...storyJobs, ...eventJobs, ...openDayJobs, ...searchJobs]);
    // The server (scripts/server.ts) counts story views, hits included; they are written here, in batches.
    installViewsSink(recordViews);
  }
}
