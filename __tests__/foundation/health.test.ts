import { GET } from "@/app/api/health/route";
import { freshDb } from "../helpers/db";

describe("GET /api/health", () => {
  it("answers 200 with ok when the database answers", async () => {
    freshDb();
    const res = GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", db: "ok" });
  });

  it("answers 503 when the database does not", async () => {
    const db = freshDb();
    db.$client.close();
    const res = GET();
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "error", db: "error" });
  });
});
