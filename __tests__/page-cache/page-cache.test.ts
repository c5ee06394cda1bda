import { PageCache, type Rendered } from "@/lib/page-cache/page-cache";

const page = (text: string): Rendered => ({ status: 200, headers: [["content-type", "text/html"]], body: Buffer.from(text), storable: true });

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe("page cache", () => {
  test("50 concurrent misses for one key render once and all get the same entry", async () => {
    const cache = new PageCache({ budgetBytes: 1 << 20, ttlMs: 60_000 });
    const gate = deferred<Rendered>();
    let renders = 0;
    const render = () => {
      renders++;
      return gate.promise;
    };
    const all = Array.from({ length: 50 }, () => cache.fill("/", ["stories"], render));
    gate.resolve(page("home"));
    const results = await Promise.all(all);
    expect(renders).toBe(1);
    expect(new Set(results.map((r) => r.entry))).toEqual(new Set([results[0]!.entry]));
    expect(results.filter((r) => !r.shared)).toHaveLength(1);
    expect(cache.lookup("/")?.fresh).toBe(true);
    expect(cache.stats()).toMatchObject({ renders: 1, stores: 1, entries: 1 });
  });

  test("purging a tag drops the pages showing it and keeps the others", async () => {
    const cache = new PageCache({ budgetBytes: 1 << 20, ttlMs: 60_000 });
    await cache.fill("/news/a", ["story:a", "stories", "comments"], async () => page("a"));
    await cache.fill("/events", ["events"], async () => page("events"));
    expect(cache.purge(["comments:12"])).toBe(1); // the family tag
    expect(cache.peek("/news/a")).toBeUndefined();
    expect(cache.peek("/events")).toBeDefined();
  });

  test("a render under way when its content is purged is not stored, and later requests render afresh", async () => {
    const cache = new PageCache({ budgetBytes: 1 << 20, ttlMs: 60_000 });
    const slow = deferred<Rendered>();
    const first = cache.fill("/", ["stories"], () => slow.promise);
    cache.purge(["stories"]);
    const second = cache.fill("/", ["stories"], async () => page("new"));
    slow.resolve(page("old"));
    expect((await first).rendered.body.toString()).toBe("old");
    expect((await second).shared).toBe(false);
    expect(cache.peek("/")?.body.toString()).toBe("new");
  });

  test("responses that set cookies or are not 200 are never stored", async () => {
    const cache = new PageCache({ budgetBytes: 1 << 20, ttlMs: 60_000 });
    await cache.fill("/a", [], async () => ({ ...page("a"), storable: false }));
    await cache.fill("/b", [], async () => ({ ...page("b"), status: 404 }));
    expect(cache.stats().entries).toBe(0);
  });

  test("entries older than the lifetime are reported stale", async () => {
    let now = 1_000;
    const cache = new PageCache({ budgetBytes: 1 << 20, ttlMs: 100, now: () => now });
    await cache.fill("/", [], async () => page("x"));
    expect(cache.lookup("/")?.fresh).toBe(true);
    now += 100;
    expect(cache.lookup("/")?.fresh).toBe(false);
  });
});
