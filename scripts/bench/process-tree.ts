import { execFileSync } from "node:child_process";

/** Resident memory of a process and all its descendants, in MB (Linux ps). */
export function treeRssMb(rootPid: number): number {
  const table = execFileSync("ps", ["-e", "-o", "pid=,ppid=,rss="], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number, number]);
  const pids = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of table) {
      if (pids.has(ppid) && !pids.has(pid)) {
        pids.add(pid);
        grew = true;
      }
    }
  }
  return table.filter(([pid]) => pids.has(pid)).reduce((sum, [, , rss]) => sum + rss, 0) / 1024;
}

/** Samples treeRssMb every `everyMs` until stopped; returns the peak. */
export function sampleRss(rootPid: number, everyMs = 250): { stop: () => number } {
  let peak = treeRssMb(rootPid);
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, treeRssMb(rootPid));
    } catch {
      // ps can fail while a child exits; the next sample counts.
    }
  }, everyMs);
  return { stop: () => (clearInterval(timer), peak) };
}
