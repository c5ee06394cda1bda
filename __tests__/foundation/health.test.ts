import { GET } from "@/app/api/health/route";
import { installPageCache } from "@/lib/page-cache/global";
import { PageCache } from "@/lib/page-cache/page-cache";
import { freshDb } from "../helpers/db";

afterEach(() => installPageCache(undefined));

describe("GET /api/health", () => {
  it("answers 200 with ok when the database answers", async () => {
    freshDb();
    const res = GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", db: "ok", pageCache: null });
  });

  it("answers 503 when the database does not", async () => {
    const db = freshDb();
    db.$client.close();
    const res = GET();
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "error", db: "error", pageCache: null });
  });

  it("reports the page cache's figures when the server runs one", async () => {
    freshDb();
    const cache = new PageCache({ budgetBytes: 1 << 20, ttlMs: 60_000 });
    await cache.fill("/", ["stories"], async () => ({ status: 200, headers: [], body: Buffer.from("home"), storable: true }));
    installPageCache(cache);
    const body = (await GET().json()) as { pageCache: { entries: number; renders: number; budget: number } };
    expect(body.pageCache).toMatchObject({ entries: 1, renders: 1, budget: 1 << 20 });
  });
});
