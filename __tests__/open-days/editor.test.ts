import { eq } from "drizzle-orm";
import { openDaySessions, registrations } from "@/db/schema";
import { createOpenDay, createUser } from "@/__tests__/factories";
import { freshDb } from "@/__tests__/helpers/db";
import { formatTime } from "@/lib/dates";
import { closeRegistration, saveOpenDay } from "@/lib/open-days/editor";
import { listRegistrations, registrationTotals } from "@/lib/open-days/editor-reads";
import { register } from "@/lib/open-days/registrations";
import { openDaySchema } from "@/lib/open-days/schema";
import { clearOutbox, header, nextIp, outbox, regInput } from "./helpers";

let db: Awaited<ReturnType<typeof freshDb>>;
let editor: { id: number; email: string; name: string; role: "editor" };
beforeEach(async () => {
  db = await freshDb();
  clearOutbox();
  const u = await createUser({ role: "editor" });
  editor = { id: u.id, email: u.email, name: u.name, role: "editor" };
});

const fields = (extra: Record<string, string> = {}) => ({
  title: "Winter open day",
  level: "postgraduate",
  campus: "Park campus",
  startsAt: "2031-12-06T09:00",
  endsAt: "2031-12-06T15:00",
  capacity: "50",
  status: "open",
  subjects: "Law, History,  Law",
  "sessions.0.title": "Welcome",
  "sessions.0.start": "09:15",
  "sessions.0.end": "10:00",
  "sessions.2.title": "Lab tour",
  "sessions.2.start": "10:30",
  "sessions.2.end": "11:30",
  "sessions.2.capacity": "12",
  "sessions.2.room": "B12",
  ...extra,
});

test("the schema gathers session rows (times on the day's date, site zone) and reports errors at each input's name", () => {
  const ok = openDaySchema.parse(fields());
  expect(ok.subjects).toEqual(["Law", "History"]);
  expect(ok.sessions.map((s) => [s.title, formatTime(s.startsAt), s.capacity, s.room])).toEqual([
    ["Welcome", "9.15am", null, ""],
    ["Lab tour", "10.30am", 12, "B12"],
  ]);
  const bad = openDaySchema.safeParse(fields({ "sessions.1.room": "Hall", "sessions.2.end": "10:00", "sessions.2.capacity": "x" }));
  expect(bad.success).toBe(false);
  const paths = bad.error!.issues.map((i) => i.path.join("."));
  expect(paths).toEqual(expect.arrayContaining(["sessions.1.title", "sessions.1.start", "sessions.2.end", "sessions.2.capacity"]));
});

test("create, then edit with a stale version is refused; raising capacity promotes the waiting list", async () => {
  const { id } = await saveOpenDay(openDaySchema.parse(fields({ capacity: "1" })), { user: editor, ip: null });
  const sessions = await db.select().from(openDaySessions).where(eq(openDaySessions.openDayId, id));
  expect(sessions.map((s) => s.title)).toEqual(["Welcome", "Lab tour"]);
  const a = await register(regInput(id, { level: "postgraduate" }), { ip: nextIp() });
  const b = await register(regInput(id, { level: "postgraduate", email: "waiting@example.com", sessionIds: [sessions[1]!.id] }), { ip: nextIp() });
  expect([a.outcome, b.outcome]).toEqual(["confirmed", "waitlisted"]);
  clearOutbox();

  await expect(saveOpenDay({ ...openDaySchema.parse(fields({ version: "0", capacity: "5" })), id }, { user: editor, ip: null })).rejects.toThrow(/Someone else saved/);
  expect((await db.select().from(registrations).where(eq(registrations.email, "waiting@example.com")))[0]?.status).toBe("waitlisted");

  // Keep the sessions (ids in hidden fields) and raise the capacity.
  await saveOpenDay(
    { ...openDaySchema.parse(fields({ version: "1", capacity: "5", "sessions.0.id": String(sessions[0]!.id), "sessions.2.id": String(sessions[1]!.id) })), id },
    { user: editor, ip: null },
  );
  expect((await db.select().from(openDaySessions).where(eq(openDaySessions.openDayId, id))).map((s) => s.id)).toEqual(sessions.map((s) => s.id));
  expect((await db.select().from(registrations).where(eq(registrations.email, "waiting@example.com")))[0]?.status).toBe("confirmed");
  expect(outbox().map((m) => header(m.text, "To"))).toEqual(["waiting@example.com"]);
});

test("totals, per-session counts, search and closing registration", async () => {
  const day = await createOpenDay({ capacity: 3, sessions: [{ title: "Tour", capacity: 10 }, { title: "Talk" }] });
  await register(regInput(day.id, { name: "Ada Lovelace", email: "ada@example.com", guests: 1, sessionIds: [day.sessions[0]!.id] }), { ip: nextIp() });
  await register(regInput(day.id, { name: "Alan Turing", email: "alan@example.com", guests: 2 }), { ip: nextIp() });
  const c = await register(regInput(day.id, { name: "Grace 100%_Hopper", email: "grace@example.com" }), { ip: nextIp() });
  // Alan's party of 3 does not fit after Ada's 2; Grace (1) does.
  expect(await registrationTotals(day.id)).toMatchObject({ confirmed: 2, confirmedPeople: 3, waiting: 1, waitingPeople: 3, cancelled: 0, guests: 1 });
  expect((await registrationTotals(day.id)).sessions.map((s) => [s.title, s.people])).toEqual([["Tour", 2], ["Talk", 0]]);
  expect((await listRegistrations(day.id, "ALAN")).map((r) => r.name)).toEqual(["Alan Turing"]);
  expect((await listRegistrations(day.id, "@example")).map((r) => r.name)).toHaveLength(3);
  expect((await listRegistrations(day.id, "100%_")).map((r) => r.name)).toEqual(["Grace 100%_Hopper"]);
  expect((await listRegistrations(day.id, "0%")).map((r) => r.name)).toEqual(["Grace 100%_Hopper"]);
  expect(await listRegistrations(day.id, "a%a")).toEqual([]);
  expect((await listRegistrations(day.id))[0]!.sessions).toEqual(["Tour"]);
  expect(c.outcome).toBe("confirmed");
  expect((await listRegistrations(day.id, "alan"))[0]!.status).toBe("waitlisted");

  await closeRegistration({ id: day.id }, { user: editor, ip: null });
  await expect(register(regInput(day.id), { ip: nextIp() })).rejects.toThrow(/closed/);
  await expect(closeRegistration({ id: day.id }, { user: editor, ip: null })).rejects.toThrow(/not open/);
});
