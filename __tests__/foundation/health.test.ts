import { GET } from "@/app/api/health/route";
import { closeDatabase, isPg, openPostgres, setDb } from "@/db/client";
import { installPageCache } from "@/lib/page-cache/global";
import { PageCache } from "@/lib/page-cache/page-cache";
import { freshDb } from "../helpers/db";

afterEach(() => installPageCache(undefined));

describe("GET /api/health", () => {
  it("answers 200 with ok when the database answers", async () => {
    await freshDb();
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", db: "ok", pageCache: null });
  });

  it("answers 503 when the database does not", async () => {
    const db = await freshDb();
    // SQLite: the connection closed under it. PostgreSQL: a pool on a server that is not there
    // (nothing listens on port 1), so this file's own pool stays open for the tests after.
    const unreachable = isPg ? openPostgres("postgres://newsroom@127.0.0.1:1/newsroom", 1) : db;
    if (isPg) setDb(unreachable);
    else db.$client.close();
    try {
      const res = await GET();
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: "error", db: "error", pageCache: null });
    } finally {
      if (isPg) {
        await closeDatabase(unreachable);
        setDb(db);
      }
    }
  });

  it("reports the page cache's figures when the server runs one", async () => {
    await freshDb();
    const cache = new PageCache({ budgetBytes: 1 << 20, ttlMs: 60_000 });
    await cache.fill("/", ["stories"], async () => ({ status: 200, headers: [], body: Buffer.from("home"), storable: true }));
    installPageCache(cache);
    const body = (await (await GET()).json()) as { pageCache: { entries: number; renders: number; budget: number } };
    expect(body.pageCache).toMatchObject({ entries: 1, renders: 1, budget: 1 << 20 });
  });
});
