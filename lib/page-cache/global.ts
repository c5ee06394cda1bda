/**
 * Next bundles server code apart from the custom server, so the two halves
 * of one process hold different copies of every module. They meet through
 * globalThis: the server installs the page cache and the views sink here,
 * lib/cache.ts purges through it, instrumentation.ts installs the sink.
 */
import type { PageCache } from "./page-cache";

const CACHE = Symbol.for("newsroom.pageCache");
const VIEWS = Symbol.for("newsroom.viewsSink");

export type ViewsSink = (counts: Map<string, number>, now: number) => void | Promise<void>;

type Slots = { [CACHE]?: PageCache; [VIEWS]?: ViewsSink };
const slots = globalThis as unknown as Slots;

export function installPageCache(cache: PageCache | undefined): void {
  slots[CACHE] = cache;
}

export function currentPageCache(): PageCache | undefined {
  return slots[CACHE];
}

export function installViewsSink(sink: ViewsSink | undefined): void {
  slots[VIEWS] = sink;
}

export function currentViewsSink(): ViewsSink | undefined {
  return slots[VIEWS];
}

const PURGE_OUT = Symbol.for("newsroom.purgeOut");
type PurgeSlot = { [PURGE_OUT]?: (tags: string[]) => void };

/** scripts/server.ts installs the cross-instance broadcast here when REDIS_URL is set (lib/page-cache/purge-bus.ts). */
export function installPurgeBroadcast(send: ((tags: string[]) => void) | undefined): void {
  (globalThis as unknown as PurgeSlot)[PURGE_OUT] = send;
}

export function currentPurgeBroadcast(): ((tags: string[]) => void) | undefined {
  return (globalThis as unknown as PurgeSlot)[PURGE_OUT];
}
