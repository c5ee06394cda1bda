import { AUDIT_PAGE_SIZE, listAuditActions, listAuditEntries } from "@/lib/audit/log";
import { parseLocalDateTime } from "@/lib/dates";
import { createAuditEntry, createUser } from "../factories";
import { freshDb } from "../helpers/db";

beforeEach(() => freshDb());

function entry(at: number, action: string, actorId: number | null = null) {
  createAuditEntry({ at, action, entity: "story", entityId: "1", actorId, actorEmail: actorId ? `u${actorId}` : null, ip: "192.0.2.1" });
}

describe("audit log queries", () => {
  it("returns entries newest first, paginated", () => {
    const base = Date.UTC(2025, 0, 1);
    for (let i = 0; i < AUDIT_PAGE_SIZE + 5; i++) entry(base + i * 1000, "story.save");
    const first = listAuditEntries({});
    expect(first).toMatchObject({ total: AUDIT_PAGE_SIZE + 5, page: 1, pageCount: 2 });
    expect(first.entries[0]!.at).toBe(base + (AUDIT_PAGE_SIZE + 4) * 1000);
    const second = listAuditEntries({ page: 2 });
    expect(second.entries).toHaveLength(5);
    expect(second.entries.at(-1)!.at).toBe(base);
    expect(listAuditEntries({ page: 99 }).page).toBe(2);
  });

  it("filters by user, action and an inclusive local date range", () => {
    const a = createUser();
    const b = createUser();
    const day1 = parseLocalDateTime("2025-06-10T09:00")!;
    const day2 = parseLocalDateTime("2025-06-11T23:30")!;
    const day3 = parseLocalDateTime("2025-06-12T00:30")!;
    entry(day1, "story.save", a.id);
    entry(day2, "story.publish", a.id);
    entry(day3, "story.save", b.id);
    expect(listAuditEntries({ actorId: a.id }).total).toBe(2);
    expect(listAuditEntries({ action: "story.save" }).total).toBe(2);
    expect(listAuditEntries({ from: "2025-06-11", to: "2025-06-11" }).entries.map((e) => e.at)).toEqual([day2]);
    expect(listAuditEntries({ from: "2025-06-11" }).total).toBe(2);
    expect(listAuditEntries({ to: "2025-06-10" }).total).toBe(1);
    expect(listAuditEntries({ from: "garbage" }).total).toBe(3);
    expect(listAuditActions()).toEqual(["story.publish", "story.save"]);
  });
});
