import { SegmentedLru } from "@/lib/page-cache/lru";

const item = (bytes: number) => ({ bytes });

describe("segmented LRU with a byte budget", () => {
  test("never holds more bytes than its budget", () => {
    const lru = new SegmentedLru<{ bytes: number }>(10_000);
    for (let i = 0; i < 5_000; i++) {
      lru.set(`k${i}`, item(100 + (i % 7) * 50));
      if (i % 3 === 0) lru.get(`k${i}`);
      expect(lru.stats().bytes).toBeLessThanOrEqual(10_000);
    }
  });

  test("entries read twice survive a flood of one-off keys", () => {
    const lru = new SegmentedLru<{ bytes: number }>(100_000);
    for (let i = 0; i < 20; i++) {
      lru.set(`hot${i}`, item(1_000));
      lru.get(`hot${i}`); // second touch promotes
    }
    for (let i = 0; i < 100_000; i++) lru.set(`junk${i}`, item(1_000));
    for (let i = 0; i < 20; i++) expect(lru.peek(`hot${i}`)).toBeDefined();
    expect(lru.stats().bytes).toBeLessThanOrEqual(100_000);
    expect(lru.size).toBeLessThanOrEqual(100);
  });

  test("least recently used protected entries are demoted, then evicted", () => {
    const lru = new SegmentedLru<{ bytes: number }>(1_000, 0.2); // 200 probation, 800 protected
    for (const k of ["a", "b", "c", "d", "e"]) {
      lru.set(k, item(200));
      lru.get(k);
    }
    // 1000 bytes touched twice: protected holds 4, "a" demoted to probation.
    expect(lru.stats().protectedBytes).toBe(800);
    lru.set("f", item(200)); // probation is full: "a" goes
    expect(lru.peek("a")).toBeUndefined();
    expect(lru.peek("b")).toBeDefined();
  });

  test("an entry bigger than the probation segment is refused", () => {
    const lru = new SegmentedLru<{ bytes: number }>(1_000);
    expect(lru.set("big", item(500))).toBe(false);
    expect(lru.size).toBe(0);
  });

  test("deleteWhere removes matching entries and their bytes", () => {
    const lru = new SegmentedLru<{ bytes: number; tag: string }>(10_000);
    lru.set("a", { bytes: 100, tag: "x" });
    lru.set("b", { bytes: 100, tag: "y" });
    lru.get("b");
    expect(lru.deleteWhere((v) => v.tag === "y")).toBe(1);
    expect(lru.stats()).toMatchObject({ entries: 1, bytes: 100 });
  });
});
