/**
 * The in-memory page cache behind scripts/server.ts: a byte-bounded SLRU of
 * rendered responses, one render per key at a time (single flight), and
 * purging by tag. A purge also retires renders already under way for those
 * tags, so a request that arrives after a write never waits for (or stores)
 * a render that started before it.
 * @see docs/decisions/0006-page-cache.md
 */
import { makeEntry, type Entry } from "./entry";
import { SegmentedLru } from "./lru";

export type Rendered = { status: number; headers: [string, string][]; body: Buffer; storable: boolean };

export type Filled = { entry: Entry | null; rendered: Rendered; shared: boolean };

type Flight = { tags: string[]; promise: Promise<Filled>; retired: boolean };

export type PageCacheStats = ReturnType<PageCache["stats"]>;

/** A purge of "comments:12" also purges pages tagged with the family "comments". */
function matches(entryTags: readonly string[], purge: ReadonlySet<string>): boolean {
  return entryTags.some((t) => purge.has(t));
}

export function expandTags(tags: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const t of tags) {
    out.add(t);
    const colon = t.indexOf(":");
    if (colon > 0) out.add(t.slice(0, colon));
  }
  return out;
}

export class PageCache {
  private readonly lru: SegmentedLru<Entry>;
  private readonly flights = new Map<string, Flight>();
  readonly ttlMs: number;
  private readonly now: () => number;
  private counters = { hits: 0, stale: 0, misses: 0, renders: 0, shared: 0, stores: 0, purges: 0, purged: 0, bypasses: 0, notModified: 0 };

  constructor(options: { budgetBytes: number; ttlMs: number; now?: () => number }) {
    this.lru = new SegmentedLru<Entry>(options.budgetBytes);
    this.ttlMs = options.ttlMs;
    this.now = options.now ?? Date.now;
  }

  /** A stored entry and whether it is still fresh; counts a hit. */
  lookup(key: string): { entry: Entry; fresh: boolean } | undefined {
    const entry = this.lru.get(key);
    if (!entry) return undefined;
    const fresh = this.now() - entry.storedAt < this.ttlMs;
    if (fresh) this.counters.hits++;
    else this.counters.stale++;
    return { entry, fresh };
  }

  /** Renders once per key however many callers ask at the same time; the others share the result. */
  fill(key: string, tags: string[], render: () => Promise<Rendered>): Promise<Filled> {
    const current = this.flights.get(key);
    if (current && !current.retired) {
      this.counters.shared++;
      return current.promise.then((f) => ({ ...f, shared: true }));
    }
    this.counters.misses++;
    const flight: Flight = { tags, retired: false, promise: Promise.resolve(null as unknown as Filled) };
    flight.promise = (async () => {
      try {
        this.counters.renders++;
        const rendered = await render();
        let entry: Entry | null = null;
        if (rendered.storable && rendered.status === 200) {
          entry = makeEntry({ status: rendered.status, headers: rendered.headers, body: rendered.body, tags, now: this.now() });
          if (!flight.retired && this.lru.set(key, entry)) this.counters.stores++;
        }
        return { entry, rendered, shared: false };
      } finally {
        if (this.flights.get(key) === flight) this.flights.delete(key);
      }
    })();
    this.flights.set(key, flight);
    return flight.promise;
  }

  /** Drops every entry (and retires every render under way) showing any of these tags. */
  purge(tags: readonly string[]): number {
    if (tags.length === 0) return 0;
    const set = expandTags(tags);
    this.counters.purges++;
    for (const [key, flight] of this.flights) {
      if (matches(flight.tags, set)) {
        flight.retired = true;
        this.flights.delete(key);
      }
    }
    const n = this.lru.deleteWhere((entry) => matches(entry.tags, set));
    this.counters.purged += n;
    return n;
  }

  clear(): void {
    for (const flight of this.flights.values()) flight.retired = true;
    this.flights.clear();
    this.lru.clear();
  }

  peek(key: string): Entry | undefined {
    return this.lru.peek(key);
  }

  countBypass(): void {
    this.counters.bypasses++;
  }

  countNotModified(): void {
    this.counters.notModified++;
  }

  stats() {
    return { ...this.lru.stats(), ...this.counters, inFlight: this.flights.size, ttlMs: this.ttlMs };
  }
}
