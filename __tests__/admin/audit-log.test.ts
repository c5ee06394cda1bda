import { AUDIT_PAGE_SIZE, listAuditActions, listAuditEntries } from "@/lib/audit/log";
import { parseLocalDateTime } from "@/lib/dates";
import { createAuditEntry, createUser } from "../factories";
import { freshDb } from "../helpers/db";

beforeEach(() => freshDb());

async function entry(at: number, action: string, actorId: number | null = null) {
  await createAuditEntry({ at, action, entity: "story", entityId: "1", actorId, actorEmail: actorId ? `u${actorId}` : null, ip: "192.0.2.1" });
}

describe("audit log queries", () => {
  it("returns entries newest first, paginated", async () => {
    const base = Date.UTC(2025, 0, 1);
    for (let i = 0; i < AUDIT_PAGE_SIZE + 5; i++) await entry(base + i * 1000, "story.save");
    const first = await listAuditEntries({});
    expect(first).toMatchObject({ total: AUDIT_PAGE_SIZE + 5, page: 1, pageCount: 2 });
    expect(first.entries[0]!.at).toBe(base + (AUDIT_PAGE_SIZE + 4) * 1000);
    const second = await listAuditEntries({ page: 2 });
    expect(second.entries).toHaveLength(5);
    expect(second.entries.at(-1)!.at).toBe(base);
    expect((await listAuditEntries({ page: 99 })).page).toBe(2);
  });

  it("filters by user, action and an inclusive local date range", async () => {
    const a = await createUser();
    const b = await createUser();
    const day1 = parseLocalDateTime("2025-06-10T09:00")!;
    const day2 = parseLocalDateTime("2025-06-11T23:30")!;
    const day3 = parseLocalDateTime("2025-06-12T00:30")!;
    await entry(day1, "story.save", a.id);
    await entry(day2, "story.publish", a.id);
    await entry(day3, "story.save", b.id);
    expect((await listAuditEntries({ actorId: a.id })).total).toBe(2);
    expect((await listAuditEntries({ action: "story.save" })).total).toBe(2);
    expect((await listAuditEntries({ from: "2025-06-11", to: "2025-06-11" })).entries.map((e) => e.at)).toEqual([day2]);
    expect((await listAuditEntries({ from: "2025-06-11" })).total).toBe(2);
    expect((await listAuditEntries({ to: "2025-06-10" })).total).toBe(1);
    expect((await listAuditEntries({ from: "garbage" })).total).toBe(3);
    expect(await listAuditActions()).toEqual(["story.publish", "story.save"]);
  });
});
