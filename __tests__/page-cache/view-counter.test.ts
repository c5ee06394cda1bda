import { ViewCounter } from "@/lib/page-cache/view-counter";

describe("view counter", () => {
  test("writes one batch per max views, counted by slug", async () => {
    const batches: Map<string, number>[] = [];
    const counter = new ViewCounter(() => (counts) => void batches.push(counts), { maxViews: 5, maxDelayMs: 60_000 });
    for (const slug of ["a", "b", "a", "a", "c", "a", "b"]) counter.add(slug);
    expect(batches).toHaveLength(1);
    expect([...batches[0]!]).toEqual([["a", 3], ["b", 1], ["c", 1]]);
    expect(counter.waiting).toBe(2);
    await counter.flush();
    expect([...batches[1]!]).toEqual([["a", 1], ["b", 1]]);
  });

  test("keeps counts until a sink is there", async () => {
    const slot: { sink?: (c: Map<string, number>) => void } = {};
    const seen: Map<string, number>[] = [];
    const counter = new ViewCounter(() => slot.sink, { maxViews: 100, maxDelayMs: 60_000 });
    counter.add("a");
    await counter.flush();
    expect(counter.waiting).toBe(1);
    slot.sink = (c) => void seen.push(c);
    counter.add("a");
    await counter.flush();
    expect([...seen[0]!]).toEqual([["a", 2]]);
  });

  test("waits for an asynchronous sink, and logs its failure instead of throwing", async () => {
    const written: Map<string, number>[] = [];
    const counter = new ViewCounter(() => async (c) => {
      await Promise.resolve();
      written.push(c);
    }, { maxViews: 100, maxDelayMs: 60_000 });
    counter.add("a");
    await counter.flush();
    expect([...written[0]!]).toEqual([["a", 1]]);

    const error = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const failing = new ViewCounter(() => async () => Promise.reject(new Error("database gone")), { maxViews: 100, maxDelayMs: 60_000 });
      failing.add("a");
      await expect(failing.flush()).resolves.toBeUndefined();
      expect(error).toHaveBeenCalledWith("[views] flush failed:", expect.objectContaining({ message: "database gone" }));
      // The batch was handed over: a failed write is not retried.
      expect(failing.waiting).toBe(0);
    } finally {
      error.mockRestore();
    }
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
