import "server-only";
import { and, asc, eq, gt, ne, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { openDays, registrationSessions, registrations, type Level, type RegistrationStatus } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { revalidate, tags } from "@/lib/cache";
import type { PublicContext } from "@/lib/context";
import { ConflictError, InvalidError, NotFoundError, RateLimitedError } from "@/lib/errors";
import { takeToken } from "@/lib/rate-limit";
import type { CancelRegistrationInput, MoveRegistrationInput, RegistrationInput, UpdateRegistrationInput } from "./schema";
import { loadBooking, hashToken, newManageToken, type Booking } from "./booking";
import { dayProblem, partySize, promoteWaitlisted, sessionPlaces, sessionsOfDay, setSessions, type Promoted } from "./capacity";
import { sendBookingMail } from "./mail";

const TEN_MINUTES = 10 * 60_000;

/** A public write's context: where the request came from; `now` lets tests and the scheduler fix the clock. */
type RegistrantContext = PublicContext & { now?: number };

export type RegisterResult =
  /** fullSessions: titles of the chosen sessions that were full, so the booking waits for those only. */
  | { outcome: "confirmed" | "waitlisted"; registrationId: number; token: string; fullSessions: string[] }
  | { outcome: "duplicate"; registrationId: number }
  | { outcome: "ignored" };

/** Public forms: 10 submissions per IP per 10 minutes (counted in the database, so it survives restarts). */
function limit(bucket: string, ip: string): void {
  if (!takeToken(bucket, ip, 10, TEN_MINUTES)) {
    throw new RateLimitedError("You have sent this form too many times. Please wait 10 minutes and try again.");
  }
}

function chosenSessionsOf(tx: Tx, dayId: number, sessionIds: number[]): number[] {
  const ids = [...new Set(sessionIds)];
  const own = new Set(sessionsOfDay(tx, dayId).map((s) => s.id));
  if (ids.some((id) => !own.has(id))) {
    throw new InvalidError("There is a problem with the sessions you chose.", { sessionIds: "Choose sessions from this open day's programme." });
  }
  return ids;
}

/** E-mails each person given a place, after the commit (never inside a transaction). */
export async function mailPromoted(promoted: Promoted[]): Promise<void> {
  for (const p of promoted) await sendBookingMail("promoted", loadBooking(getDb(), { id: p.id }));
}

/** After a booking changed: refresh the public places-left figures, tell the registrant, then everyone promoted. */
async function afterChange(kind: "updated" | "moved" | "cancelled", registrationId: number, promoted: Promoted[]): Promise<void> {
  revalidate(tags.openDays);
  await sendBookingMail(kind, loadBooking(getDb(), { id: registrationId }));
  await mailPromoted(promoted);
}

/**
 * Registers for an open day. The capacity check, the duplicate check and the
 * insert happen in ONE immediate transaction: SQLite takes the write lock at
 * BEGIN, so two registrations (in this process or another) can never both
 * read the same count and overbook. E-mail goes out after the commit.
 */
export async function register(input: RegistrationInput & { openDayId: number }, { ip, now = Date.now() }: RegistrantContext): Promise<RegisterResult> {
  limit("register", ip);
  // A filled-in honeypot is a bot: pretend all is well and store nothing.
  if (input.website.trim() !== "") return { outcome: "ignored" };
  const db = getDb();
  const email = input.email.trim();
  const result = db.transaction(
    (tx): { outcome: RegistrationStatus | "duplicate"; registrationId: number; token: string | null; fullSessions: string[] } => {
      const day = tx.select().from(openDays).where(eq(openDays.id, input.openDayId)).get();
      if (!day || day.status !== "open" || day.startsAt <= now) {
        throw new ConflictError("Registration for this open day is closed. Please choose another date.");
      }
      const sessionIds = chosenSessionsOf(tx, day.id, input.sessionIds);
      const existing = tx
        .select({ id: registrations.id })
        .from(registrations)
        .where(and(eq(registrations.openDayId, day.id), sql`lower(${registrations.email}) = lower(${email})`, ne(registrations.status, "cancelled")))
        .get();
      if (existing) {
        // The link is NOT reissued: anyone can type someone else's address,
        // and a new token would kill the registrant's working link. Only the
        // token's hash is stored (a leaked database opens no booking), so the
        // old link cannot be re-sent either: the duplicate e-mail tells the
        // owner they are registered and where to find the first e-mail.
        return { outcome: "duplicate", registrationId: existing.id, token: null, fullSessions: [] };
      }
      const { token, hash } = newManageToken();
      // The day decides the booking; a full session only puts the party on that session's waiting list.
      const size = partySize(input.guests);
      const status = dayProblem(tx, day, size) ? "waitlisted" : "confirmed";
      const places = sessionPlaces(tx, day.id, sessionIds, size);
      const row = tx
        .insert(registrations)
        .values({
          openDayId: day.id,
          name: input.name,
          email,
          level: input.level,
          subject: input.subject,
          guests: input.guests,
          accessNeeds: input.accessNeeds,
          status,
          manageTokenHash: hash,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: registrations.id })
        .get();
      setSessions(tx, row.id, places.status);
      const fullSessions = places.full.map((f) => f.title);
      writeAudit(tx, {
        actor: null,
        action: "registration.create",
        entity: "registration",
        entityId: row.id,
        ip,
        details: { openDayId: day.id, status, ...(fullSessions.length ? { waitingForSessions: places.full.map((f) => f.id) } : {}) },
      });
      return { outcome: status, registrationId: row.id, token, fullSessions };
    },
    { behavior: "immediate" },
  );
  const booking = loadBooking(db, { id: result.registrationId });
  if (result.outcome === "duplicate" || result.token === null) {
    await sendBookingMail("duplicate", booking);
    return { outcome: "duplicate", registrationId: result.registrationId };
  }
  revalidate(tags.openDays);
  const outcome = result.outcome === "confirmed" ? "confirmed" : "waitlisted";
  await sendBookingMail(outcome, booking, result.token);
  return { outcome, registrationId: result.registrationId, token: result.token, fullSessions: result.fullSessions };
}

/**
 * The public form's registration: the day is named by its slug, as in the
 * page's URL. A draft is not offered to the public, so it counts as gone.
 */
export async function registerBySlug(input: RegistrationInput & { slug: string }, ctx: RegistrantContext): Promise<RegisterResult> {
  const { slug, ...rest } = input;
  const day = getDb()
    .select({ id: openDays.id })
    .from(openDays)
    .where(and(eq(openDays.slug, slug), ne(openDays.status, "draft")))
    .get();
  if (!day) throw new NotFoundError("This open day no longer exists.");
  return register({ ...rest, openDayId: day.id }, ctx);
}

/** The registrant's own booking, found by the private token (never cached: it is personal data). */
export function getRegistrationByToken(token: string): Booking | null {
  if (!token || token.length > 100) return null;
  return loadBooking(getDb(), { tokenHash: hashToken(token) });
}

/** Whether the registrant may still change or cancel: not cancelled, and the day has not started or been cancelled. */
export function isChangeable(b: Pick<Booking, "status" | "day">, now = Date.now()): boolean {
  return b.status !== "cancelled" && b.day.status !== "cancelled" && b.day.startsAt > now;
}

function activeByToken(tx: Tx, token: string) {
  const reg = tx.select().from(registrations).where(eq(registrations.manageTokenHash, hashToken(token))).get();
  if (!reg) throw new NotFoundError("This link is not valid. Please use the link in your latest e-mail.");
  if (reg.status === "cancelled") throw new ConflictError("This registration has been cancelled.");
  const day = tx.select().from(openDays).where(eq(openDays.id, reg.openDayId)).get();
  if (!day) throw new NotFoundError("This open day no longer exists.");
  return { reg, day };
}

function assertChangeable(day: { startsAt: number; status: string }, now: number): void {
  if (day.startsAt <= now) throw new ConflictError("This open day has already started, so the booking can no longer be changed.");
  if (day.status === "cancelled") throw new ConflictError("This open day has been cancelled.");
}

type ActiveBooking = ReturnType<typeof activeByToken>;

/**
 * The registrant's change of a booking, by its token: rate-limited, then one
 * immediate transaction that finds the booking, checks it can still change,
 * applies `change`, gives any freed places to the waiting list and writes the
 * audit entry; the e-mails go out after the commit.
 */
async function changeByToken(
  kind: "updated" | "moved",
  token: string,
  { ip, now = Date.now() }: RegistrantContext,
  change: (tx: Tx, reg: ActiveBooking["reg"], day: ActiveBooking["day"], now: number) => { status: RegistrationStatus; audit: { action: string; details: Record<string, unknown> } },
): Promise<{ status: RegistrationStatus }> {
  limit("manage", ip);
  const { status, promoted, id } = getDb().transaction(
    (tx) => {
      const { reg, day } = activeByToken(tx, token);
      assertChangeable(day, now);
      const { status, audit } = change(tx, reg, day, now);
      const promoted = promoteWaitlisted(tx, day, now);
      writeAudit(tx, { actor: null, entity: "registration", entityId: reg.id, ip, ...audit });
      return { status, promoted, id: reg.id };
    },
    { behavior: "immediate" },
  );
  await afterChange(kind, id, promoted);
  return { status };
}

/**
 * Changes guests and sessions. A confirmed booking keeps its place only if
 * the change fits (otherwise nothing changes and the page says why); a
 * waiting-list booking is confirmed if it now fits. Places freed by the
 * change go to the waiting list.
 */
export function updateRegistration(change: UpdateRegistrationInput, ctx: RegistrantContext): Promise<{ status: RegistrationStatus }> {
  return changeByToken("updated", change.token, ctx, (tx, reg, day, now) => {
    const sessionIds = chosenSessionsOf(tx, day.id, change.sessionIds);
    const size = partySize(change.guests);
    const refuse = (problem: { field: string; message: string }) =>
      new InvalidError(`${problem.message} Your booking has not been changed.`, { [problem.field]: problem.message });
    const problem = dayProblem(tx, day, size, reg.id);
    if (problem && reg.status === "confirmed") throw refuse(problem);
    const places = sessionPlaces(tx, day.id, sessionIds, size, reg.id);
    if (reg.status === "confirmed") {
      // A session place already held is never given up silently (e.g. by adding a guest): refuse instead.
      const held = new Set(
        tx
          .select({ id: registrationSessions.sessionId })
          .from(registrationSessions)
          .where(and(eq(registrationSessions.registrationId, reg.id), eq(registrationSessions.status, "confirmed")))
          .all()
          .map((r) => r.id),
      );
      const lost = places.full.find((f) => held.has(f.id));
      if (lost) throw refuse({ field: "sessionIds", message: lost.message });
    }
    const status: RegistrationStatus = problem ? "waitlisted" : "confirmed";
    tx.update(registrations).set({ guests: change.guests, status, updatedAt: now }).where(eq(registrations.id, reg.id)).run();
    setSessions(tx, reg.id, places.status);
    return { status, audit: { action: "registration.update", details: { guests: change.guests, sessions: sessionIds.length, status } } };
  });
}

/** Other dates the booking can move to: open, not started, same level. */
export function listMoveTargets(level: Level, exceptDayId: number, now = Date.now()) {
  return getDb()
    .select({ id: openDays.id, title: openDays.title, campus: openDays.campus, startsAt: openDays.startsAt })
    .from(openDays)
    .where(and(eq(openDays.level, level), eq(openDays.status, "open"), gt(openDays.startsAt, now), ne(openDays.id, exceptDayId)))
    .orderBy(asc(openDays.startsAt))
    .all();
}

/**
 * Moves a booking to another date of the same level. Sessions belong to a
 * day, so the personal programme starts empty on the new date; the party is
 * confirmed there if it fits, else waits. The old day's places are released.
 */
export function moveRegistration({ token, openDayId: newOpenDayId }: MoveRegistrationInput, ctx: RegistrantContext): Promise<{ status: RegistrationStatus }> {
  return changeByToken("moved", token, ctx, (tx, reg, day, now) => {
    const target = tx.select().from(openDays).where(eq(openDays.id, newOpenDayId)).get();
    const invalid = (message: string) => new InvalidError(message, { openDayId: message });
    if (!target || target.id === day.id || target.status !== "open" || target.startsAt <= now) throw invalid("Choose another date that is open for registration.");
    if (target.level !== day.level) throw invalid("You can only move to another open day of the same level.");
    const clash = tx
      .select({ id: registrations.id })
      .from(registrations)
      .where(and(eq(registrations.openDayId, target.id), sql`lower(${registrations.email}) = lower(${reg.email})`, ne(registrations.status, "cancelled")))
      .get();
    if (clash) throw invalid("You are already registered for that date.");
    const status: RegistrationStatus = dayProblem(tx, target, partySize(reg.guests)) ? "waitlisted" : "confirmed";
    setSessions(tx, reg.id, new Map());
    tx.update(registrations)
      .set({ openDayId: target.id, status, reminderSentAt: null, updatedAt: now })
      .where(eq(registrations.id, reg.id))
      .run();
    return { status, audit: { action: "registration.move", details: { from: day.id, to: target.id, status } } };
  });
}

/**
 * Cancels a registration (by its token, or by id for the editor) and gives
 * the freed places to the waiting list, oldest first, e-mailing each person
 * promoted. Returns the promoted registrations.
 */
export async function cancelRegistrationWhere(
  find: (tx: Tx) => { reg: { id: number; status: RegistrationStatus }; day: { id: number; capacity: number } },
  audit: { actor: { id: number; email: string } | null; ip: string | null },
  now = Date.now(),
): Promise<Promoted[]> {
  const db = getDb();
  const { promoted, id } = db.transaction(
    (tx) => {
      const { reg, day } = find(tx);
      tx.update(registrations).set({ status: "cancelled", updatedAt: now }).where(eq(registrations.id, reg.id)).run();
      const promoted = reg.status === "confirmed" ? promoteWaitlisted(tx, day, now) : [];
      writeAudit(tx, {
        actor: audit.actor,
        action: "registration.cancel",
        entity: "registration",
        entityId: reg.id,
        ip: audit.ip,
        details: { openDayId: day.id, was: reg.status, promoted: promoted.map((p) => p.id) },
      });
      return { promoted, id: reg.id };
    },
    { behavior: "immediate" },
  );
  await afterChange("cancelled", id, promoted);
  return promoted;
}

export function cancelRegistration({ token }: CancelRegistrationInput, { ip, now = Date.now() }: RegistrantContext): Promise<Promoted[]> {
  limit("manage", ip);
  return cancelRegistrationWhere((tx) => activeByToken(tx, token), { actor: null, ip }, now);
}
