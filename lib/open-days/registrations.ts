import "server-only";
import { and, asc, eq, gt, ne, sql } from "drizzle-orm";
import { first, getDb, transaction, type Tx } from "@/db/client";
import { openDays, registrationSessions, registrations, type Level, type RegistrationStatus } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { revalidate, tags } from "@/lib/cache";
import type { PublicContext } from "@/lib/context";
import { ConflictError, InvalidError, NotFoundError, RateLimitedError } from "@/lib/errors";
import { takeToken } from "@/lib/rate-limit";
import type { CancelRegistrationInput, MoveRegistrationInput, RegistrationInput, UpdateRegistrationInput } from "./schema";
import { loadBooking, hashToken, newManageToken, type Booking } from "./booking";
import { dayProblem, lockDays, partySize, promoteWaitlisted, sessionPlaces, sessionsOfDay, setSessions, type Promoted } from "./capacity";
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
async function limit(bucket: string, ip: string): Promise<void> {
  if (!(await takeToken(bucket, ip, 10, TEN_MINUTES))) {
    throw new RateLimitedError("You have sent this form too many times. Please wait 10 minutes and try again.");
  }
}

async function chosenSessionsOf(tx: Tx, dayId: number, sessionIds: number[]): Promise<number[]> {
  const ids = [...new Set(sessionIds)];
  const own = new Set((await sessionsOfDay(tx, dayId)).map((s) => s.id));
  if (ids.some((id) => !own.has(id))) {
    throw new InvalidError("There is a problem with the sessions you chose.", { sessionIds: "Choose sessions from this open day's programme." });
  }
  return ids;
}

/** E-mails each person given a place, after the commit (never inside a transaction). */
export async function mailPromoted(promoted: Promoted[]): Promise<void> {
  for (const p of promoted) await sendBookingMail("promoted", await loadBooking(getDb(), { id: p.id }));
}

/** After a booking changed: refresh the public places-left figures, tell the registrant, then everyone promoted. */
async function afterChange(kind: "updated" | "moved" | "cancelled", registrationId: number, promoted: Promoted[]): Promise<void> {
  revalidate(tags.openDays);
  await sendBookingMail(kind, await loadBooking(getDb(), { id: registrationId }));
  await mailPromoted(promoted);
}

/**
 * Registers for an open day. The capacity check, the duplicate check and the
 * insert happen in ONE transaction that first holds the day (lockDays): two
 * registrations (in this process or another) can never both read the same
 * count and overbook. E-mail goes out after the commit.
 */
export async function register(input: RegistrationInput & { openDayId: number }, { ip, now = Date.now() }: RegistrantContext): Promise<RegisterResult> {
  await limit("register", ip);
  // A filled-in honeypot is a bot: pretend all is well and store nothing.
  if (input.website.trim() !== "") return { outcome: "ignored" };
  const email = input.email.trim();
  const result = await transaction(async (tx): Promise<{ outcome: RegistrationStatus | "duplicate"; registrationId: number; token: string | null; fullSessions: string[] }> => {
    await lockDays(tx, [input.openDayId]);
    const day = await first(tx.select().from(openDays).where(eq(openDays.id, input.openDayId)).limit(1));
    if (!day || day.status !== "open" || day.startsAt <= now) {
      throw new ConflictError("Registration for this open day is closed. Please choose another date.");
    }
    const sessionIds = await chosenSessionsOf(tx, day.id, input.sessionIds);
    const existing = await first(
      tx
        .select({ id: registrations.id })
        .from(registrations)
        .where(and(eq(registrations.openDayId, day.id), sql`lower(${registrations.email}) = lower(${email})`, ne(registrations.status, "cancelled")))
        .limit(1),
    );
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
    const status = (await dayProblem(tx, day, size)) ? "waitlisted" : "confirmed";
    const places = await sessionPlaces(tx, day.id, sessionIds, size);
    const [row] = await tx
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
      .returning({ id: registrations.id });
    await setSessions(tx, row!.id, places.status);
    const fullSessions = places.full.map((f) => f.title);
    await writeAudit(tx, {
      actor: null,
      action: "registration.create",
      entity: "registration",
      entityId: row!.id,
      ip,
      details: { openDayId: day.id, status, ...(fullSessions.length ? { waitingForSessions: places.full.map((f) => f.id) } : {}) },
    });
    return { outcome: status, registrationId: row!.id, token, fullSessions };
  });
  const booking = await loadBooking(getDb(), { id: result.registrationId });
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
  const day = await first(
    getDb()
      .select({ id: openDays.id })
      .from(openDays)
      .where(and(eq(openDays.slug, slug), ne(openDays.status, "draft")))
      .limit(1),
  );
  if (!day) throw new NotFoundError("This open day no longer exists.");
  return register({ ...rest, openDayId: day.id }, ctx);
}

/** The registrant's own booking, found by the private token (never cached: it is personal data). */
export async function getRegistrationByToken(token: string): Promise<Booking | null> {
  if (!token || token.length > 100) return null;
  return loadBooking(getDb(), { tokenHash: hashToken(token) });
}

/** Whether the registrant may still change or cancel: not cancelled, and the day has not started or been cancelled. */
export function isChangeable(b: Pick<Booking, "status" | "day">, now = Date.now()): boolean {
  return b.status !== "cancelled" && b.day.status !== "cancelled" && b.day.startsAt > now;
}

/** Which registration a write is about: by id (the editor) or by its token's hash (the registrant). */
type WhichRegistration = { id: number } | { tokenHash: string };

/**
 * The first step of every transaction that changes or cancels a booking:
 * holds the booking's open day (and `alsoDayIds`, e.g. a move's new date)
 * before anything is read for the change, then `find`s the booking afresh.
 * A booking moved to another day between the two reads is refused rather
 * than changed on a day that is not held (PostgreSQL only: on SQLite nothing
 * else writes while this transaction runs).
 */
async function lockedBooking<T extends { reg: { openDayId: number } }>(
  tx: Tx,
  which: WhichRegistration,
  find: (tx: Tx) => Promise<T>,
  alsoDayIds: number[] = [],
): Promise<T> {
  const where = "id" in which ? eq(registrations.id, which.id) : eq(registrations.manageTokenHash, which.tokenHash);
  const before = await first(tx.select({ openDayId: registrations.openDayId }).from(registrations).where(where).limit(1));
  // No such booking: find() says so in its own words.
  if (before) await lockDays(tx, [before.openDayId, ...alsoDayIds]);
  const found = await find(tx);
  if (before && found.reg.openDayId !== before.openDayId) {
    throw new ConflictError("This booking was changed at the same moment. Please reload the page and try again.");
  }
  return found;
}

async function activeByToken(tx: Tx, token: string) {
  const reg = await first(tx.select().from(registrations).where(eq(registrations.manageTokenHash, hashToken(token))).limit(1));
  if (!reg) throw new NotFoundError("This link is not valid. Please use the link in your latest e-mail.");
  if (reg.status === "cancelled") throw new ConflictError("This registration has been cancelled.");
  const day = await first(tx.select().from(openDays).where(eq(openDays.id, reg.openDayId)).limit(1));
  if (!day) throw new NotFoundError("This open day no longer exists.");
  return { reg, day };
}

function assertChangeable(day: { startsAt: number; status: string }, now: number): void {
  if (day.startsAt <= now) throw new ConflictError("This open day has already started, so the booking can no longer be changed.");
  if (day.status === "cancelled") throw new ConflictError("This open day has been cancelled.");
}

type ActiveBooking = Awaited<ReturnType<typeof activeByToken>>;

/**
 * The registrant's change of a booking, by its token: rate-limited, then one
 * transaction that holds the day, finds the booking, checks it can still
 * change, applies `change`, gives any freed places to the waiting list and
 * writes the audit entry; the e-mails go out after the commit. `alsoDayIds`:
 * other days the change counts places on (a move's new date), held too.
 */
async function changeByToken(
  kind: "updated" | "moved",
  token: string,
  { ip, now = Date.now() }: RegistrantContext,
  change: (tx: Tx, reg: ActiveBooking["reg"], day: ActiveBooking["day"], now: number) => Promise<{ status: RegistrationStatus; audit: { action: string; details: Record<string, unknown> } }>,
  alsoDayIds: number[] = [],
): Promise<{ status: RegistrationStatus }> {
  await limit("manage", ip);
  const { status, promoted, id } = await transaction(async (tx) => {
    const { reg, day } = await lockedBooking(tx, { tokenHash: hashToken(token) }, (t) => activeByToken(t, token), alsoDayIds);
    assertChangeable(day, now);
    const { status, audit } = await change(tx, reg, day, now);
    const promoted = await promoteWaitlisted(tx, day, now);
    await writeAudit(tx, { actor: null, entity: "registration", entityId: reg.id, ip, ...audit });
    return { status, promoted, id: reg.id };
  });
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
  return changeByToken("updated", change.token, ctx, async (tx, reg, day, now) => {
    const sessionIds = await chosenSessionsOf(tx, day.id, change.sessionIds);
    const size = partySize(change.guests);
    const refuse = (problem: { field: string; message: string }) =>
      new InvalidError(`${problem.message} Your booking has not been changed.`, { [problem.field]: problem.message });
    const problem = await dayProblem(tx, day, size, reg.id);
    if (problem && reg.status === "confirmed") throw refuse(problem);
    const places = await sessionPlaces(tx, day.id, sessionIds, size, reg.id);
    if (reg.status === "confirmed") {
      // A session place already held is never given up silently (e.g. by adding a guest): refuse instead.
      const held = new Set(
        (
          await tx
            .select({ id: registrationSessions.sessionId })
            .from(registrationSessions)
            .where(and(eq(registrationSessions.registrationId, reg.id), eq(registrationSessions.status, "confirmed")))
        ).map((r) => r.id),
      );
      const lost = places.full.find((f) => held.has(f.id));
      if (lost) throw refuse({ field: "sessionIds", message: lost.message });
    }
    const status: RegistrationStatus = problem ? "waitlisted" : "confirmed";
    await tx.update(registrations).set({ guests: change.guests, status, updatedAt: now }).where(eq(registrations.id, reg.id));
    await setSessions(tx, reg.id, places.status);
    return { status, audit: { action: "registration.update", details: { guests: change.guests, sessions: sessionIds.length, status } } };
  });
}

/** Other dates the booking can move to: open, not started, same level. */
export async function listMoveTargets(level: Level, exceptDayId: number, now = Date.now()) {
  return getDb()
    .select({ id: openDays.id, title: openDays.title, campus: openDays.campus, startsAt: openDays.startsAt })
    .from(openDays)
    .where(and(eq(openDays.level, level), eq(openDays.status, "open"), gt(openDays.startsAt, now), ne(openDays.id, exceptDayId)))
    .orderBy(asc(openDays.startsAt));
}

/**
 * Moves a booking to another date of the same level. Sessions belong to a
 * day, so the personal programme starts empty on the new date; the party is
 * confirmed there if it fits, else waits. The old day's places are released.
 */
export function moveRegistration({ token, openDayId: newOpenDayId }: MoveRegistrationInput, ctx: RegistrantContext): Promise<{ status: RegistrationStatus }> {
  return changeByToken(
    "moved",
    token,
    ctx,
    async (tx, reg, day, now) => {
      const target = await first(tx.select().from(openDays).where(eq(openDays.id, newOpenDayId)).limit(1));
      const invalid = (message: string) => new InvalidError(message, { openDayId: message });
      if (!target || target.id === day.id || target.status !== "open" || target.startsAt <= now) throw invalid("Choose another date that is open for registration.");
      if (target.level !== day.level) throw invalid("You can only move to another open day of the same level.");
      const clash = await first(
        tx
          .select({ id: registrations.id })
          .from(registrations)
          .where(and(eq(registrations.openDayId, target.id), sql`lower(${registrations.email}) = lower(${reg.email})`, ne(registrations.status, "cancelled")))
          .limit(1),
      );
      if (clash) throw invalid("You are already registered for that date.");
      const status: RegistrationStatus = (await dayProblem(tx, target, partySize(reg.guests))) ? "waitlisted" : "confirmed";
      await setSessions(tx, reg.id, new Map());
      await tx.update(registrations).set({ openDayId: target.id, status, reminderSentAt: null, updatedAt: now }).where(eq(registrations.id, reg.id));
      return { status, audit: { action: "registration.move", details: { from: day.id, to: target.id, status } } };
    },
    // The new date's places are counted too: hold it with the old one.
    [newOpenDayId],
  );
}

/**
 * Cancels a registration (by its token, or by id for the editor) and gives
 * the freed places to the waiting list, oldest first, e-mailing each person
 * promoted. Returns the promoted registrations. `find` reads the booking
 * (and throws when it cannot be cancelled) after its day is held.
 */
export async function cancelRegistrationWhere(
  which: WhichRegistration,
  find: (tx: Tx) => Promise<{ reg: { id: number; openDayId: number; status: RegistrationStatus }; day: { id: number; capacity: number } }>,
  audit: { actor: { id: number; email: string } | null; ip: string | null },
  now = Date.now(),
): Promise<Promoted[]> {
  const { promoted, id } = await transaction(async (tx) => {
    const { reg, day } = await lockedBooking(tx, which, find);
    await tx.update(registrations).set({ status: "cancelled", updatedAt: now }).where(eq(registrations.id, reg.id));
    const promoted = reg.status === "confirmed" ? await promoteWaitlisted(tx, day, now) : [];
    await writeAudit(tx, {
      actor: audit.actor,
      action: "registration.cancel",
      entity: "registration",
      entityId: reg.id,
      ip: audit.ip,
      details: { openDayId: day.id, was: reg.status, promoted: promoted.map((p) => p.id) },
    });
    return { promoted, id: reg.id };
  });
  await afterChange("cancelled", id, promoted);
  return promoted;
}

export async function cancelRegistration({ token }: CancelRegistrationInput, { ip, now = Date.now() }: RegistrantContext): Promise<Promoted[]> {
  await limit("manage", ip);
  return cancelRegistrationWhere({ tokenHash: hashToken(token) }, (tx) => activeByToken(tx, token), { actor: null, ip }, now);
}
