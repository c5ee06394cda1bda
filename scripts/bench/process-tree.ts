import { execFileSync } from "node:child_process";

/** Resident memory of a process and all its descendants, in MB (Linux ps). */
export function treeRssMb(rootPid: number): number {
  return treeRss(rootPid).total;
}

/** The tree's total and its largest process (for the portal: the server itself), in MB. */
export function treeRss(rootPid: number): { total: number; largest: number } {
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
  const rss = table.filter(([pid]) => pids.has(pid)).map(([, , r]) => r / 1024);
  return { total: rss.reduce((a, b) => a + b, 0), largest: Math.max(0, ...rss) };
}

/** Samples treeRss every `everyMs` until stopped; returns the peaks of the total and of the largest process. */
export function sampleRss(rootPid: number, everyMs = 250): { stop: () => { total: number; largest: number } } {
  const peak = treeRss(rootPid);
  const timer = setInterval(() => {
    try {
      const now = treeRss(rootPid);
      peak.total = Math.max(peak.total, now.total);
      peak.largest = Math.max(peak.largest, now.largest);
    } catch {
      // ps can fail while a child exits; the next sample counts.
    }
  }, everyMs);
  return { stop: () => (clearInterval(timer), peak) };
}
