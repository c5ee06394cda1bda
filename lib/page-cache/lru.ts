/**
 * A byte-bounded segmented LRU (SLRU). A new entry starts on probation
 * (a fifth of the budget); a second hit promotes it to the protected
 * segment. A stream of one-off URLs (a crawler, a junk-URL flood) only ever
 * churns the probation segment, so the pages readers actually repeat stay.
 * Total bytes never exceed the budget; an entry larger than the probation
 * segment is not stored at all.
 */
export type Sized = { bytes: number };

export type LruStats = { entries: number; bytes: number; budget: number; protectedBytes: number; probationBytes: number; evictions: number };

export class SegmentedLru<V extends Sized> {
  // Map iteration order is insertion order: the first key is the least recently used.
  private readonly probation = new Map<string, V>();
  private readonly protectedSeg = new Map<string, V>();
  private probationBytes = 0;
  private protectedBytes = 0;
  private evictions = 0;
  readonly probationBudget: number;
  readonly protectedBudget: number;

  constructor(readonly budget: number, probationShare = 0.2) {
    this.probationBudget = Math.max(1, Math.floor(budget * probationShare));
    this.protectedBudget = Math.max(0, budget - this.probationBudget);
  }

  get size(): number {
    return this.probation.size + this.protectedSeg.size;
  }

  /** Reads and records a hit (promoting a probation entry). */
  get(key: string): V | undefined {
    const p = this.protectedSeg.get(key);
    if (p) {
      this.protectedSeg.delete(key);
      this.protectedSeg.set(key, p);
      return p;
    }
    const q = this.probation.get(key);
    if (!q) return undefined;
    this.probation.delete(key);
    this.probationBytes -= q.bytes;
    if (q.bytes > this.protectedBudget) {
      // Too big for the protected segment: stays on probation, now most recent.
      this.probation.set(key, q);
      this.probationBytes += q.bytes;
      return q;
    }
    this.protectedSeg.set(key, q);
    this.protectedBytes += q.bytes;
    this.shrinkProtected();
    return q;
  }

  /** Reads without counting a hit. */
  peek(key: string): V | undefined {
    return this.protectedSeg.get(key) ?? this.probation.get(key);
  }

  /** Stores (or replaces) a value. A replaced protected entry stays protected. */
  set(key: string, value: V): boolean {
    const wasProtected = this.protectedSeg.has(key);
    this.delete(key);
    if (wasProtected && value.bytes <= this.protectedBudget) {
      this.protectedSeg.set(key, value);
      this.protectedBytes += value.bytes;
      this.shrinkProtected();
      return true;
    }
    if (value.bytes > this.probationBudget) return false;
    this.probation.set(key, value);
    this.probationBytes += value.bytes;
    this.shrinkProbation();
    return true;
  }

  delete(key: string): boolean {
    const p = this.protectedSeg.get(key);
    if (p) {
      this.protectedSeg.delete(key);
      this.protectedBytes -= p.bytes;
      return true;
    }
    const q = this.probation.get(key);
    if (q) {
      this.probation.delete(key);
      this.probationBytes -= q.bytes;
      return true;
    }
    return false;
  }

  /** Deletes every entry the predicate selects; returns how many. */
  deleteWhere(predicate: (value: V, key: string) => boolean): number {
    let n = 0;
    for (const [k, v] of [...this.protectedSeg, ...this.probation]) {
      if (predicate(v, k) && this.delete(k)) n++;
    }
    return n;
  }

  clear(): void {
    this.probation.clear();
    this.protectedSeg.clear();
    this.probationBytes = 0;
    this.protectedBytes = 0;
  }

  stats(): LruStats {
    return {
      entries: this.size,
      bytes: this.probationBytes + this.protectedBytes,
      budget: this.budget,
      protectedBytes: this.protectedBytes,
      probationBytes: this.probationBytes,
      evictions: this.evictions,
    };
  }

  /** Protected overflow is demoted to probation's most-recent end, not dropped. */
  private shrinkProtected(): void {
    while (this.protectedBytes > this.protectedBudget) {
      const oldest = this.protectedSeg.keys().next();
      if (oldest.done) break;
      const v = this.protectedSeg.get(oldest.value)!;
      this.protectedSeg.delete(oldest.value);
      this.protectedBytes -= v.bytes;
      if (v.bytes <= this.probationBudget) {
        this.probation.set(oldest.value, v);
        this.probationBytes += v.bytes;
      } else {
        this.evictions++;
      }
    }
    this.shrinkProbation();
  }

  private shrinkProbation(): void {
    while (this.probationBytes > this.probationBudget) {
      const oldest = this.probation.keys().next();
      if (oldest.done) break;
      const v = this.probation.get(oldest.value)!;
      this.probation.delete(oldest.value);
      this.probationBytes -= v.bytes;
      this.evictions++;
    }
  }
}
