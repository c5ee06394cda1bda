import "server-only";
import { and, eq, inArray, ne, notInArray, sql } from "drizzle-orm";
import { first, getDb, transaction, type Tx } from "@/db/client";
import { openDays, openDaySessions, registrations } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { revalidate, tags } from "@/lib/cache";
import type { WriteContext } from "@/lib/context";
import { formatDateTime } from "@/lib/dates";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import { slugify, uniqueSlug } from "@/lib/slug";
import type { OpenDayInput } from "./schema";
import { lockDays, promoteWaitlisted, type Promoted } from "./capacity";
import { toCsv } from "./csv";
import { listRegistrations } from "./editor-reads";
import { cancelRegistrationWhere, mailPromoted } from "./registrations";

/**
 * Editor-side writes, each `(input, ctx)`. Callers (server actions, route
 * handlers) have already checked the role with defineAction/requireRole;
 * every write here carries its audit entry in the same transaction and
 * refreshes the public open-day caches after it.
 */

async function slugTaken(tx: Tx, slug: string, exceptId: number): Promise<boolean> {
  return (await first(tx.select({ id: openDays.id }).from(openDays).where(and(eq(openDays.slug, slug), ne(openDays.id, exceptId))).limit(1))) !== undefined;
}

/**
 * A slug the editor typed must be free; a blank one keeps the saved slug
 * (links stay stable) or, for a new day, is made from the title with a
 * number added if needed.
 */
async function chooseSlug(tx: Tx, wanted: string, title: string, id: number | null): Promise<string> {
  if (wanted) {
    if (await slugTaken(tx, wanted, id ?? 0)) throw new InvalidError("Another open day already uses that web address.", { slug: "Choose a different web address." });
    return wanted;
  }
  if (id !== null) {
    const saved = await first(tx.select({ slug: openDays.slug }).from(openDays).where(eq(openDays.id, id)).limit(1));
    if (saved) return saved.slug;
  }
  return uniqueSlug(slugify(title), (s) => slugTaken(tx, s, id ?? 0));
}

async function writeSessions(tx: Tx, dayId: number, sessions: OpenDayInput["sessions"]): Promise<void> {
  const own = new Set((await tx.select({ id: openDaySessions.id }).from(openDaySessions).where(eq(openDaySessions.openDayId, dayId))).map((r) => r.id));
  const kept = sessions.map((s) => s.id).filter((id): id is number => id !== null && own.has(id));
  // Rows the editor emptied are removed (registrants' choices of them go too, by cascade).
  await tx.delete(openDaySessions).where(and(eq(openDaySessions.openDayId, dayId), kept.length ? notInArray(openDaySessions.id, kept) : undefined));
  for (const { id, ...row } of sessions) {
    if (id !== null && own.has(id)) await tx.update(openDaySessions).set(row).where(eq(openDaySessions.id, id));
    else await tx.insert(openDaySessions).values({ ...row, openDayId: dayId });
  }
}

/**
 * Creates (no id) or updates (input.id) an open day with its programme. An
 * update names the version it was based on; a stale one is refused so two
 * editors cannot silently overwrite each other. Raising a capacity promotes
 * the waiting list.
 */
export async function saveOpenDay(input: OpenDayInput & { id?: number | null }, { user, ip }: WriteContext): Promise<{ id: number }> {
  const now = Date.now();
  const { id: givenId, slug: wantedSlug, sessions, version, ...fields } = input;
  const id = givenId ?? null;
  const result = await transaction(async (tx) => {
    // An update may promote the waiting list, which counts places: hold the day first.
    if (id !== null) await lockDays(tx, [id]);
    const slug = await chooseSlug(tx, wantedSlug, input.title, id);
    let dayId: number;
    if (id === null) {
      dayId = (await first(tx.insert(openDays).values({ ...fields, slug, createdAt: now, updatedAt: now }).returning({ id: openDays.id })))!.id;
    } else {
      const current = await first(tx.select({ version: openDays.version }).from(openDays).where(eq(openDays.id, id)).limit(1));
      if (!current) throw new NotFoundError("This open day no longer exists.");
      const updated = await tx
        .update(openDays)
        .set({ ...fields, slug, version: sql`${openDays.version} + 1`, updatedAt: now })
        .where(and(eq(openDays.id, id), eq(openDays.version, version)))
        .returning({ id: openDays.id });
      if (updated.length === 0) {
        throw new ConflictError(`Someone else saved this open day after you opened it (now version ${current.version}). Reload the page to see their changes, then make yours again.`);
      }
      dayId = id;
    }
    await writeSessions(tx, dayId, sessions);
    const promoted = id === null ? [] : await promoteWaitlisted(tx, { id: dayId, capacity: input.capacity }, now);
    await writeAudit(tx, {
      actor: user,
      action: id === null ? "open-day.create" : "open-day.update",
      entity: "open-day",
      entityId: dayId,
      ip,
      details: { slug, status: input.status, capacity: input.capacity, sessions: sessions.length, promoted: promoted.length },
    });
    return { dayId, promoted, slug };
  });
  revalidate(tags.openDays);
  await mailPromoted(result.promoted);
  return { id: result.dayId };
}

/** Stops new registrations; existing bookings stand and can still be changed or cancelled. */
export async function closeRegistration({ id }: { id: number }, { user, ip }: WriteContext): Promise<void> {
  await transaction(async (tx) => {
    const updated = await tx
      .update(openDays)
      .set({ status: "closed", version: sql`${openDays.version} + 1`, updatedAt: Date.now() })
      .where(and(eq(openDays.id, id), inArray(openDays.status, ["open", "draft"])))
      .returning({ id: openDays.id });
    if (updated.length === 0) throw new ConflictError("Registration for this open day is not open.");
    await writeAudit(tx, { actor: user, action: "open-day.close", entity: "open-day", entityId: id, ip });
  });
  revalidate(tags.openDays);
}

/** Cancels one registration for the registrant (e.g. they phoned); the waiting list is promoted and e-mailed. */
export function cancelRegistrationByEditor({ id }: { id: number }, { user, ip }: WriteContext): Promise<Promoted[]> {
  return cancelRegistrationWhere(
    { id },
    async (tx) => {
      const reg = await first(tx.select().from(registrations).where(eq(registrations.id, id)).limit(1));
      if (!reg) throw new NotFoundError("That registration no longer exists.");
      if (reg.status === "cancelled") throw new ConflictError("That registration is already cancelled.");
      const day = await first(tx.select().from(openDays).where(eq(openDays.id, reg.openDayId)).limit(1));
      if (!day) throw new NotFoundError("That open day no longer exists.");
      return { reg, day };
    },
    { actor: { id: user.id, email: user.email }, ip },
  );
}

/** The registrations of one day as CSV; the export itself is recorded in the audit log. */
export async function exportRegistrationsCsv({ id: dayId }: { id: number }, { user, ip }: WriteContext): Promise<{ csv: string; fileName: string }> {
  const day = await first(getDb().select({ id: openDays.id, slug: openDays.slug }).from(openDays).where(eq(openDays.id, dayId)).limit(1));
  if (!day) throw new NotFoundError("That open day could not be found.");
  const rows = await listRegistrations(dayId);
  const csv = toCsv([
    ["Registered", "Name", "Email", "Level", "Subject", "Guests", "Party size", "Status", "Sessions", "Access needs"],
    ...rows.map((r) => [formatDateTime(r.createdAt), r.name, r.email, r.level, r.subject, r.guests, 1 + r.guests, r.status, r.sessions.join("; "), r.accessNeeds]),
  ]);
  await transaction(async (tx) => {
    await writeAudit(tx, { actor: user, action: "registration.export", entity: "open-day", entityId: dayId, ip, details: { rows: rows.length } });
  });
  return { csv, fileName: `registrations-${day.slug}.csv` };
}
