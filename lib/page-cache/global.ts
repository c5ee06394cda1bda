/**
 * Next bundles server code apart from the custom server, so the two halves
 * of one process hold different copies of every module. They meet through
 * globalThis: the server installs the page cache and the views sink here,
 * lib/cache.ts purges through it, instrumentation.ts installs the sink.
 */
import type { PageCache } from "./page-cache";

const CACHE = Symbol.for("newsroom.pageCache");
const VIEWS = Symbol.for("newsroom.viewsSink");

export type ViewsSink = (counts: Map<string, number>, now: number) => void;

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
