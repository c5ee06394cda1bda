jest.mock("@/lib/request", () => ({ clientIp: jest.fn(async () => "192.0.2.60") }));
import { count, eq, sql } from "drizzle-orm";
import { rows } from "@/db/client";
import { auditLog, type Role } from "@/db/schema";
import { createOpenDay, createUser } from "@/__tests__/factories";
import { freshDb } from "@/__tests__/helpers/db";
import type { SessionUser } from "@/lib/auth/session";
import { register } from "@/lib/open-days/registrations";
import { GET as exportCsv } from "@/app/editor/open-days/[id]/registrations.csv/route";
import { cancelRegistrationAction, closeRegistrationAction, createOpenDayAction, updateOpenDayAction } from "@/app/editor/open-days/actions";
import { nextIp, regInput } from "./helpers";
import { form } from "../helpers/form";
import { actAs } from "../helpers/session";

let db: Awaited<ReturnType<typeof freshDb>>;
beforeEach(async () => {
  db = await freshDb();
});

const TABLES = ["open_days", "open_day_sessions", "registrations", "registration_sessions", "audit_log"];
const dump = async () => JSON.stringify(await Promise.all(TABLES.map((t) => rows(db, sql.raw(`select * from ${t}`)))));

/** Signs in as a new user of this role (or out). */
const actAsRole = async (role: Role | null): Promise<SessionUser | null> => actAs(role && (await createUser({ role })));

/** Runs an action; a redirect (thrown by Next) is returned as { redirect }. */
async function outcome(p: Promise<unknown>): Promise<{ redirect?: string; state?: unknown }> {
  try {
    return { state: await p };
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) return { redirect: digest.split(";")[2] };
    throw error;
  }
}

const dayFields = (extra: Record<string, string> = {}) => ({
  title: "Summer open day",
  slug: "",
  level: "undergraduate",
  campus: "City campus",
  startsAt: "2031-06-14T09:30",
  endsAt: "2031-06-14T16:00",
  capacity: "200",
  status: "open",
  subjects: "History, Law",
  "sessions.0.title": "Welcome talk",
  "sessions.0.start": "09:45",
  "sessions.0.end": "10:30",
  "sessions.0.capacity": "80",
  ...extra,
});

type Case = { name: string; run: () => Promise<unknown>; success: RegExp };

async function cases(): Promise<Case[]> {
  const day = await createOpenDay({ capacity: 1 });
  const r = await register(regInput(day.id), { ip: nextIp() });
  await register(regInput(day.id), { ip: nextIp() });
  const regId = "registrationId" in r ? r.registrationId : 0;
  return [
    { name: "create an open day", run: () => createOpenDayAction({}, form(dayFields())), success: /^\/editor\/open-days\/\d+\/edit\?saved=1$/ },
    { name: "edit an open day", run: () => updateOpenDayAction(day.id, {}, form(dayFields({ version: "1" }))), success: new RegExp(`^/editor/open-days/${day.id}/edit`) },
    { name: "close registration", run: () => closeRegistrationAction({}, form({ id: String(day.id) })), success: /^\/editor\/open-days\?closed=/ },
    {
      name: "cancel a registration",
      run: () => cancelRegistrationAction({}, form({ id: String(regId), openDayId: String(day.id) })),
      success: /registrations\?cancelled=1&promoted=\d+$/,
    },
  ];
}

describe.each([
  ["signed out", null],
  ["contributor", "contributor"],
] as const)("%s is refused and nothing changes", (_label, role) => {
  test("every editor action", async () => {
    for (const c of await cases()) {
      await actAsRole(role);
      const before = await dump();
      const result = await outcome(c.run());
      if (role === null) expect(result).toEqual({ redirect: "/login" });
      else expect(result.state).toMatchObject({ ok: false, message: "You do not have permission to do that." });
      expect(await dump()).toBe(before);
    }
  });

  test("the CSV export", async () => {
    const day = await createOpenDay();
    await register(regInput(day.id), { ip: nextIp() });
    await actAsRole(role);
    const before = await dump();
    const res = await exportCsv(new Request("http://localhost/x"), { params: Promise.resolve({ id: String(day.id) }) });
    expect(res.status).toBe(role === null ? 401 : 403);
    expect(await res.text()).not.toContain("@example.com");
    expect(await dump()).toBe(before);
  });
});

describe.each(["editor", "admin"] as const)("%s is allowed", (role) => {
  test("every editor action succeeds and is audited", async () => {
    for (const c of await cases()) {
      await actAsRole(role);
      const [audits] = await db.select({ n: count() }).from(auditLog);
      const result = await outcome(c.run());
      expect({ name: c.name, ...result }).toEqual({ name: c.name, redirect: expect.stringMatching(c.success) });
      expect((await db.select({ n: count() }).from(auditLog))[0]!.n).toBeGreaterThan(audits!.n);
    }
  });

  test("the CSV export", async () => {
    const day = await createOpenDay();
    await register(regInput(day.id, { email: "someone@example.com" }), { ip: nextIp() });
    await actAsRole(role);
    const res = await exportCsv(new Request("http://localhost/x"), { params: Promise.resolve({ id: String(day.id) }) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="registrations-${day.slug}.csv"`);
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(body.toString("utf8")).toContain('"someone@example.com"');
    expect(await db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, "registration.export"))).toEqual([{ n: 1 }]);
  });
});
