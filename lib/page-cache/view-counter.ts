/**
 * Story views counted where every read passes, hit or miss: in the server,
 * not in the page (a cached page never runs). Counts gather in memory and
 * are written in one transaction every few seconds or every few hundred
 * views, whichever comes first; at worst a crash loses one batch.
 */
export type Flush = (counts: Map<string, number>, now: number) => void | Promise<void>;

export class ViewCounter {
  private counts = new Map<string, number>();
  private pending = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly flushTo: () => Flush | undefined, private readonly options: { maxViews: number; maxDelayMs: number; now?: () => number }) {}

  add(slug: string): void {
    this.counts.set(slug, (this.counts.get(slug) ?? 0) + 1);
    this.pending++;
    if (this.pending >= this.options.maxViews) {
      void this.flush();
      return;
    }
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.options.maxDelayMs);
      this.timer.unref();
    }
  }

  /**
   * Writes what has gathered; kept for the next flush when nothing can take it yet.
   * The batch is handed over at once; the promise settles when it is written (never rejects).
   */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending === 0) return;
    const sink = this.flushTo();
    if (!sink) return;
    const batch = this.counts;
    this.counts = new Map();
    this.pending = 0;
    try {
      await sink(batch, (this.options.now ?? Date.now)());
    } catch (error) {
      console.error("[views] flush failed:", error);
    }
  }

  get waiting(): number {
    return this.pending;
  }
}
