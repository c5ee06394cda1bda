import "server-only";
import { and, eq, gt, gte, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import { first, getDb, transaction } from "@/db/client";
import { openDays, registrations } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { revalidate, tags } from "@/lib/cache";
import { config } from "@/lib/config";
import { dayKey, parseLocalDateTime } from "@/lib/dates";
import { boundaryJob, type Job } from "@/lib/job";
import { loadBooking } from "./booking";
import { sendBookingMail } from "./mail";

const DAY = 86_400_000;

/** [start, end) of the calendar day after `now`'s, in the site's zone (23 or 25 hours long across a clock change). */
export function tomorrowRange(now: number): [number, number] {
  const today = dayKey(now);
  // Noon today plus a day is safely inside tomorrow whatever the clocks do.
  const noon = parseLocalDateTime(`${today}T12:00`)!;
  const tomorrow = dayKey(noon + DAY);
  const after = dayKey(noon + 2 * DAY);
  return [parseLocalDateTime(`${tomorrow}T00:00`)!, parseLocalDateTime(`${after}T00:00`)!];
}

/**
 * The day-before reminder. Rows are claimed (reminderSentAt set) in the same
 * transaction that selects them, before any mail is sent: a crash or restart
 * after the claim can at worst lose one reminder, never send it twice.
 */
export async function sendReminders(now = Date.now()): Promise<number> {
  const db = getDb();
  const [from, to] = tomorrowRange(now);
  const claimed = await transaction(async (tx) => {
    const due = await tx
      .select({ id: registrations.id })
      .from(registrations)
      .innerJoin(openDays, eq(openDays.id, registrations.openDayId))
      .where(
        and(
          eq(registrations.status, "confirmed"),
          isNull(registrations.reminderSentAt),
          inArray(openDays.status, ["open", "closed"]),
          gte(openDays.startsAt, from),
          lt(openDays.startsAt, to),
        ),
      );
    if (due.length === 0) return [];
    // "Not yet sent" again in the claim: a run that claimed a row meanwhile keeps it (PostgreSQL re-checks
    // the condition once that run's row lock is released), so only the rows this run claimed come back.
    const mine = await tx
      .update(registrations)
      .set({ reminderSentAt: now })
      .where(and(inArray(registrations.id, due.map((r) => r.id)), isNull(registrations.reminderSentAt)))
      .returning({ id: registrations.id });
    return mine.map((r) => r.id);
  });
  for (const id of claimed) await sendBookingMail("reminder", await loadBooking(db, { id }));
  return claimed.length;
}

/** Deletes registrations (and, by cascade, their session choices) of open days that ended over the retention period ago. */
export async function purgeOldRegistrations(now = Date.now()): Promise<number> {
  const days = config().registrationRetentionDays;
  const cutoff = now - days * DAY;
  const deleted = await transaction(async (tx) => {
    const old = tx.select({ id: openDays.id }).from(openDays).where(lt(openDays.endsAt, cutoff));
    const rows = await tx.delete(registrations).where(inArray(registrations.openDayId, old)).returning({ id: registrations.id });
    if (rows.length > 0) {
      await writeAudit(tx, {
        actor: null,
        action: "registration.purge",
        entity: "registration",
        details: { count: rows.length, retentionDays: days, endedBefore: new Date(cutoff).toISOString() },
      });
    }
    return rows.length;
  });
  if (deleted > 0) revalidate(tags.openDays);
  return deleted;
}

/**
 * An open day stopped taking registrations (it started: lib/open-days/public.ts
 * "bookable") or ended in (from, to]: the finder and its page change then.
 */
export async function openDayBoundaryPassed(from: number, to: number): Promise<boolean> {
  const hit = await first(
    getDb()
      .select({ one: sql`1` })
      .from(openDays)
      .where(or(and(gt(openDays.startsAt, from), lte(openDays.startsAt, to)), and(gt(openDays.endsAt, from), lte(openDays.endsAt, to))))
      .limit(1),
  );
  return hit !== undefined;
}

export const openDayJobs: Job[] = [
  { name: "open-days:reminders", once: true, run: (now) => sendReminders(now) },
  { name: "open-days:purge-registrations", once: true, run: (now) => purgeOldRegistrations(now) },
  boundaryJob("open-days.boundaries", [tags.openDays], openDayBoundaryPassed),
];

