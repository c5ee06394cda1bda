import { eq } from "drizzle-orm";
import { auditLog, openDays, registrations, registrationSessions } from "@/db/schema";
import { createOpenDay } from "@/__tests__/factories";
import { freshDb } from "@/__tests__/helpers/db";
import { config } from "@/lib/config";
import { parseLocalDateTime } from "@/lib/dates";
import { openDayJobs, purgeOldRegistrations, sendReminders, tomorrowRange } from "@/lib/open-days/jobs";
import { register } from "@/lib/open-days/registrations";
import { runJobsOnce } from "@/lib/scheduler";
import { clearOutbox, header, nextIp, outbox, regInput } from "./helpers";

let db: Awaited<ReturnType<typeof freshDb>>;
beforeEach(async () => {
  db = await freshDb();
  clearOutbox();
});

const at = (local: string) => parseLocalDateTime(local)!;

describe("day-before reminder", () => {
  test("is sent once to confirmed registrants of days starting tomorrow (site zone), however often the job runs", async () => {
    const now = at("2031-03-10T09:00");
    const tomorrow = await createOpenDay({ startsAt: at("2031-03-11T10:00") });
    const lateTomorrow = await createOpenDay({ startsAt: at("2031-03-11T23:30") });
    const dayAfter = await createOpenDay({ startsAt: at("2031-03-12T00:30") });
    const today = await createOpenDay({ startsAt: at("2031-03-10T18:00") });
    const a = await register(regInput(tomorrow.id, { email: "a@example.com" }), { ip: nextIp(), now });
    await register(regInput(lateTomorrow.id, { email: "b@example.com" }), { ip: nextIp(), now });
    await register(regInput(dayAfter.id, { email: "c@example.com" }), { ip: nextIp(), now });
    await register(regInput(today.id, { email: "d@example.com" }), { ip: nextIp(), now });
    // Waiting-list registrants get no reminder.
    await db.update(openDays).set({ capacity: 1 }).where(eq(openDays.id, tomorrow.id));
    await register(regInput(tomorrow.id, { email: "w@example.com" }), { ip: nextIp(), now });
    clearOutbox();

    expect(await sendReminders(now)).toBe(2);
    expect(await sendReminders(now + 60_000)).toBe(0);
    await runJobsOnce(openDayJobs, now + 120_000); // the scheduler after a restart
    const mails = outbox();
    expect(mails.map((m) => header(m.text, "To")).sort()).toEqual(["a@example.com", "b@example.com"]);
    expect(header(mails[0]!.text, "Subject")).toContain("See you tomorrow");
    expect((await db.select().from(registrations).where(eq(registrations.id, a.outcome === "confirmed" ? a.registrationId : -1)))[0]?.reminderSentAt).toBe(now);
  });

  test("tomorrow is a calendar day in the site zone, also across a clock change", () => {
    // Europe/London springs forward on 30 March 2031: that day has 23 hours.
    const [from, to] = tomorrowRange(at("2031-03-29T23:30"));
    expect(from).toBe(at("2031-03-30T00:00"));
    expect(to - from).toBe(23 * 3_600_000);
  });
});

describe("retention purge", () => {
  test("deletes registrations of days that ended more than the retention period ago, with an audit entry", async () => {
    const days = config().registrationRetentionDays;
    const DAY = 86_400_000;
    const now = Date.now();
    const old = await createOpenDay({ startsAt: now + DAY });
    const recent = await createOpenDay({ startsAt: now + DAY });
    await register(regInput(old.id, { sessionIds: [old.sessions[0]!.id] }), { ip: nextIp() });
    await register(regInput(old.id), { ip: nextIp() });
    await register(regInput(recent.id), { ip: nextIp() });
    // Move the days into the past: one ended just over, one just under, the retention period ago.
    await db.update(openDays).set({ startsAt: now - (days + 2) * DAY, endsAt: now - (days + 1) * DAY }).where(eq(openDays.id, old.id));
    await db.update(openDays).set({ startsAt: now - (days - 1) * DAY, endsAt: now - (days - 1) * DAY + 3_600_000 }).where(eq(openDays.id, recent.id));

    expect(await purgeOldRegistrations(now)).toBe(2);
    expect((await db.select().from(registrations)).map((r) => r.openDayId)).toEqual([recent.id]);
    expect(await db.select().from(registrationSessions)).toHaveLength(0);
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, "registration.purge"));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ count: 2, retentionDays: days });
    // Running again deletes nothing and writes no further entry.
    expect(await purgeOldRegistrations(now)).toBe(0);
    expect(await db.select().from(auditLog).where(eq(auditLog.action, "registration.purge"))).toHaveLength(1);
    // The open day itself stays.
    expect(await db.select().from(openDays)).toHaveLength(2);
  });
});
