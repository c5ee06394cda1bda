import { ViewCounter } from "@/lib/page-cache/view-counter";

describe("view counter", () => {
  test("writes one batch per max views, counted by slug", () => {
    const batches: Map<string, number>[] = [];
    const counter = new ViewCounter(() => (counts) => void batches.push(counts), { maxViews: 5, maxDelayMs: 60_000 });
    for (const slug of ["a", "b", "a", "a", "c", "a", "b"]) counter.add(slug);
    expect(batches).toHaveLength(1);
    expect([...batches[0]!]).toEqual([["a", 3], ["b", 1], ["c", 1]]);
    expect(counter.waiting).toBe(2);
    counter.flush();
    expect([...batches[1]!]).toEqual([["a", 1], ["b", 1]]);
  });

  test("keeps counts until a sink is there", () => {
    const slot: { sink?: (c: Map<string, number>) => void } = {};
    const seen: Map<string, number>[] = [];
    const counter = new ViewCounter(() => slot.sink, { maxViews: 100, maxDelayMs: 60_000 });
    counter.add("a");
    counter.flush();
    expect(counter.waiting).toBe(1);
    slot.sink = (c) => void seen.push(c);
    counter.add("a");
    counter.flush();
    expect([...seen[0]!]).toEqual([["a", 2]]);
  });

  test("flushes after the delay", () => {
    jest.useFakeTimers();
    try {
      const seen: Map<string, number>[] = [];
      const counter = new ViewCounter(() => (c) => void seen.push(c), { maxViews: 100, maxDelayMs: 5_000 });
      counter.add("a");
      jest.advanceTimersByTime(4_999);
      expect(seen).toHaveLength(0);
      jest.advanceTimersByTime(1);
      expect(seen).toHaveLength(1);
    } finally {
      jest.useRealTimers();
    }
  });
});
