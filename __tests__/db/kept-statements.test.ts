import { eq } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { topics } from "@/db/schema";

describe("kept prepared statements (db/client.ts)", () => {
  it("hands out the same statement for the same SQL, back in its default mode", () => {
    const db = openDatabase(":memory:");
    const sql = "select 1 as one, 2 as two";
    const first = db.$client.prepare(sql);
    expect(first.raw().get()).toEqual([1, 2]);
    const again = db.$client.prepare(sql);
    expect(again).toBe(first);
    expect(again.get()).toEqual({ one: 1, two: 2 });
    again.pluck();
    expect(db.$client.prepare(sql).get()).toEqual({ one: 1, two: 2 });
  });

  it("drizzle reads see every write made in between (a kept statement re-runs, it caches no rows)", async () => {
    const db = openDatabase(":memory:");
    const read = () => db.select({ name: topics.name }).from(topics).where(eq(topics.slug, "kept-test"));
    expect(await read()).toEqual([]);
    await db.insert(topics).values({ slug: "kept-test", name: "Kept", kind: "subject" });
    expect(await read()).toEqual([{ name: "Kept" }]);
    await db.update(topics).set({ name: "Renamed" }).where(eq(topics.slug, "kept-test"));
    expect(await read()).toEqual([{ name: "Renamed" }]);
  });
});
