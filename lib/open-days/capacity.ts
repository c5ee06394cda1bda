import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { lockForUpdate, type Tx } from "@/db/client";
import { openDaySessions, registrationSessions, registrations, type SessionPlaceStatus } from "@/db/schema";

// Every helper here takes the caller's transaction (or the database, for a
// read outside one): a count used to decide a write must be made inside that
// write's transaction.

/**
 * Holds the open days' rows until the commit, so that bookings for one day
 * count and write one at a time: call it first in every transaction that
 * counts places. PostgreSQL: SELECT … FOR UPDATE (several days in id order,
 * so two moves between the same days cannot deadlock); SQLite: nothing to
 * do, BEGIN IMMEDIATE already holds the only write lock.
 */
export async function lockDays(tx: Tx, dayIds: number[]): Promise<void> {
  for (const dayId of [...new Set(dayIds)].sort((a, b) => a - b)) {
    await lockForUpdate(tx, sql`select id from open_days where id = ${dayId} for update`);
  }
}

/** People (registrant + guests) a registration takes up. */
export const partySize = (guests: number) => 1 + guests;

const people = sql<number>`coalesce(sum(1 + ${registrations.guests}), 0)`.mapWith(Number);

/** People already confirmed for each open day, optionally ignoring one registration (when it is being changed). */
export async function confirmedPeopleByDay(db: Tx, dayIds: number[], exceptRegistrationId = 0): Promise<Map<number, number>> {
  if (dayIds.length === 0) return new Map();
  const rows = await db
    .select({ dayId: registrations.openDayId, people })
    .from(registrations)
    .where(
      and(
        inArray(registrations.openDayId, dayIds),
        eq(registrations.status, "confirmed"),
        sql`${registrations.id} <> ${exceptRegistrationId}`,
      ),
    )
    .groupBy(registrations.openDayId);
  return new Map(rows.map((r) => [r.dayId, Number(r.people)]));
}

/** People holding a place in each session of one open day (a confirmed booking whose place in that session is not waiting). */
export async function confirmedPeopleBySession(db: Tx, dayId: number, exceptRegistrationId = 0): Promise<Map<number, number>> {
  const rows = await db
    .select({ sessionId: registrationSessions.sessionId, people })
    .from(registrationSessions)
    .innerJoin(registrations, eq(registrations.id, registrationSessions.registrationId))
    .where(
      and(
        eq(registrations.openDayId, dayId),
        eq(registrations.status, "confirmed"),
        eq(registrationSessions.status, "confirmed"),
        sql`${registrations.id} <> ${exceptRegistrationId}`,
      ),
    )
    .groupBy(registrationSessions.sessionId);
  return new Map(rows.map((r) => [r.sessionId, Number(r.people)]));
}

export async function sessionsOfDay(db: Tx, dayId: number) {
  return db.select().from(openDaySessions).where(eq(openDaySessions.openDayId, dayId)).orderBy(openDaySessions.startsAt, openDaySessions.id);
}

type Problem = { field: "guests" | "sessionIds"; message: string };

/**
 * Why a party of `size` does not fit the day itself, or null when it fits.
 * Call inside the write transaction so the answer cannot go stale before the insert.
 */
export async function dayProblem(db: Tx, day: { id: number; capacity: number }, size: number, exceptRegistrationId = 0): Promise<Problem | null> {
  const used = (await confirmedPeopleByDay(db, [day.id], exceptRegistrationId)).get(day.id) ?? 0;
  if (used + size <= day.capacity) return null;
  const left = Math.max(0, day.capacity - used);
  return { field: "guests", message: `There ${left === 1 ? "is 1 place" : `are ${left} places`} left on this open day.` };
}

export type SessionPlaces = {
  /** Each chosen session's place for this party. */
  status: Map<number, SessionPlaceStatus>;
  /** The chosen sessions that are full for this party, in programme order. */
  full: { id: number; title: string; message: string }[];
};

/**
 * Which of the chosen sessions have room for a party of `size`. A full
 * session does not stop the booking: the party waits for that session only
 * (issue 11). Sessions without their own capacity always have room.
 */
export async function sessionPlaces(db: Tx, dayId: number, sessionIds: number[], size: number, exceptRegistrationId = 0): Promise<SessionPlaces> {
  const status = new Map<number, SessionPlaceStatus>();
  const full: SessionPlaces["full"] = [];
  if (sessionIds.length === 0) return { status, full };
  const bySession = await confirmedPeopleBySession(db, dayId, exceptRegistrationId);
  for (const s of await sessionsOfDay(db, dayId)) {
    if (!sessionIds.includes(s.id)) continue;
    const taken = bySession.get(s.id) ?? 0;
    if (s.capacity === null || taken + size <= s.capacity) {
      status.set(s.id, "confirmed");
      continue;
    }
    const left = Math.max(0, s.capacity - taken);
    status.set(s.id, "waitlisted");
    full.push({ id: s.id, title: s.title, message: `“${s.title}” has ${left === 1 ? "1 place" : `${left} places`} left.` });
  }
  return { status, full };
}

/** Replaces a registration's chosen sessions and their places. */
export async function setSessions(tx: Tx, registrationId: number, places: Map<number, SessionPlaceStatus>): Promise<void> {
  await tx.delete(registrationSessions).where(eq(registrationSessions.registrationId, registrationId));
  for (const [sessionId, status] of places) await tx.insert(registrationSessions).values({ registrationId, sessionId, status });
}

export type Promoted = { id: number; name: string; email: string; openDayId: number };

/**
 * Gives freed places away, oldest booking first, and returns who got one so
 * the caller can e-mail them after the commit:
 * 1. confirmed bookings waiting for a full session get its place if their
 *    party now fits (they already hold the day, so they go first);
 * 2. waiting-list bookings are confirmed for the day if their whole party
 *    fits (a large party that does not fit is skipped, not allowed to block
 *    smaller ones behind it), then get the places that fit in their chosen
 *    sessions and wait for the rest.
 * Runs inside the caller's write transaction, so the counts cannot go stale.
 */
export async function promoteWaitlisted(tx: Tx, day: { id: number; capacity: number }, now = Date.now()): Promise<Promoted[]> {
  const promoted = new Map<number, Promoted>();
  const sessionWaits = await tx
    .select({
      id: registrations.id,
      name: registrations.name,
      email: registrations.email,
      guests: registrations.guests,
      sessionId: registrationSessions.sessionId,
    })
    .from(registrationSessions)
    .innerJoin(registrations, eq(registrations.id, registrationSessions.registrationId))
    .where(and(eq(registrations.openDayId, day.id), eq(registrations.status, "confirmed"), eq(registrationSessions.status, "waitlisted")))
    .orderBy(registrations.createdAt, registrations.id, registrationSessions.sessionId);
  for (const w of sessionWaits) {
    if ((await sessionPlaces(tx, day.id, [w.sessionId], partySize(w.guests))).full.length > 0) continue;
    await tx
      .update(registrationSessions)
      .set({ status: "confirmed" })
      .where(and(eq(registrationSessions.registrationId, w.id), eq(registrationSessions.sessionId, w.sessionId)));
    await tx.update(registrations).set({ updatedAt: now }).where(eq(registrations.id, w.id));
    promoted.set(w.id, { id: w.id, name: w.name, email: w.email, openDayId: day.id });
  }

  const waiting = await tx
    .select({ id: registrations.id, name: registrations.name, email: registrations.email, guests: registrations.guests })
    .from(registrations)
    .where(and(eq(registrations.openDayId, day.id), eq(registrations.status, "waitlisted")))
    .orderBy(registrations.createdAt, registrations.id);
  for (const r of waiting) {
    if (await dayProblem(tx, day, partySize(r.guests))) continue;
    const chosen = (await tx.select({ id: registrationSessions.sessionId }).from(registrationSessions).where(eq(registrationSessions.registrationId, r.id))).map((x) => x.id);
    await tx.update(registrations).set({ status: "confirmed", updatedAt: now }).where(eq(registrations.id, r.id));
    await setSessions(tx, r.id, (await sessionPlaces(tx, day.id, chosen, partySize(r.guests), r.id)).status);
    promoted.set(r.id, { id: r.id, name: r.name, email: r.email, openDayId: day.id });
  }
  return [...promoted.values()];
}
