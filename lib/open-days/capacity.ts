import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { DB } from "@/db/client";
import { openDaySessions, registrationSessions, registrations } from "@/db/schema";

/** The database or an open transaction: every count here must run inside the caller's transaction. */
export type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];
export type Conn = DB | Tx;

/** People (registrant + guests) a registration takes up. */
export const partySize = (guests: number) => 1 + guests;

const people = sql<number>`coalesce(sum(1 + ${registrations.guests}), 0)`;

/** People already confirmed for each open day, optionally ignoring one registration (when it is being changed). */
export function confirmedPeopleByDay(db: Conn, dayIds: number[], exceptRegistrationId = 0): Map<number, number> {
  if (dayIds.length === 0) return new Map();
  const rows = db
    .select({ dayId: registrations.openDayId, people })
    .from(registrations)
    .where(
      and(
        inArray(registrations.openDayId, dayIds),
        eq(registrations.status, "confirmed"),
        sql`${registrations.id} <> ${exceptRegistrationId}`,
      ),
    )
    .groupBy(registrations.openDayId)
    .all();
  return new Map(rows.map((r) => [r.dayId, Number(r.people)]));
}

/** People already confirmed for each session of one open day. */
export function confirmedPeopleBySession(db: Conn, dayId: number, exceptRegistrationId = 0): Map<number, number> {
  const rows = db
    .select({ sessionId: registrationSessions.sessionId, people })
    .from(registrationSessions)
    .innerJoin(registrations, eq(registrations.id, registrationSessions.registrationId))
    .where(
      and(
        eq(registrations.openDayId, dayId),
        eq(registrations.status, "confirmed"),
        sql`${registrations.id} <> ${exceptRegistrationId}`,
      ),
    )
    .groupBy(registrationSessions.sessionId)
    .all();
  return new Map(rows.map((r) => [r.sessionId, Number(r.people)]));
}

export function sessionsOfDay(db: Conn, dayId: number) {
  return db
    .select()
    .from(openDaySessions)
    .where(eq(openDaySessions.openDayId, dayId))
    .orderBy(openDaySessions.startsAt, openDaySessions.id)
    .all();
}

/**
 * Why a party of `size` does not fit the day or one of the chosen sessions
 * that has its own capacity, or null when it fits. Call inside the write
 * transaction so the answer cannot go stale before the insert.
 */
export function capacityProblem(
  db: Conn,
  day: { id: number; capacity: number },
  sessionIds: number[],
  size: number,
  exceptRegistrationId = 0,
): { field: "guests" | "sessionIds"; message: string } | null {
  const used = confirmedPeopleByDay(db, [day.id], exceptRegistrationId).get(day.id) ?? 0;
  if (used + size > day.capacity) {
    const left = Math.max(0, day.capacity - used);
    return { field: "guests", message: `There ${left === 1 ? "is 1 place" : `are ${left} places`} left on this open day.` };
  }
  if (sessionIds.length === 0) return null;
  const bySession = confirmedPeopleBySession(db, day.id, exceptRegistrationId);
  for (const s of sessionsOfDay(db, day.id)) {
    if (!sessionIds.includes(s.id) || s.capacity === null) continue;
    const taken = bySession.get(s.id) ?? 0;
    if (taken + size > s.capacity) {
      const left = Math.max(0, s.capacity - taken);
      return { field: "sessionIds", message: `“${s.title}” has ${left === 1 ? "1 place" : `${left} places`} left.` };
    }
  }
  return null;
}

export function partyFits(db: Conn, day: { id: number; capacity: number }, sessionIds: number[], size: number, exceptRegistrationId = 0): boolean {
  return capacityProblem(db, day, sessionIds, size, exceptRegistrationId) === null;
}

export type Promoted = { id: number; name: string; email: string; openDayId: number };

/**
 * Moves waiting-list registrations of a day to confirmed, oldest first,
 * each one only if its whole party fits (a large party that does not fit is
 * skipped, not allowed to block smaller ones behind it). Returns who was
 * promoted so the caller can e-mail them after the commit.
 */
export function promoteWaitlisted(tx: Tx, day: { id: number; capacity: number }, now = Date.now()): Promoted[] {
  const waiting = tx
    .select({ id: registrations.id, name: registrations.name, email: registrations.email, guests: registrations.guests })
    .from(registrations)
    .where(and(eq(registrations.openDayId, day.id), eq(registrations.status, "waitlisted")))
    .orderBy(registrations.createdAt, registrations.id)
    .all();
  const promoted: Promoted[] = [];
  for (const r of waiting) {
    const chosen = tx
      .select({ id: registrationSessions.sessionId })
      .from(registrationSessions)
      .where(eq(registrationSessions.registrationId, r.id))
      .all()
      .map((x) => x.id);
    if (!partyFits(tx, day, chosen, partySize(r.guests))) continue;
    tx.update(registrations).set({ status: "confirmed", updatedAt: now }).where(eq(registrations.id, r.id)).run();
    promoted.push({ id: r.id, name: r.name, email: r.email, openDayId: day.id });
  }
  return promoted;
}
