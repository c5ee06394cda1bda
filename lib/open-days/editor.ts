import "server-only";
import { and, eq, inArray, ne, notInArray, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { openDays, openDaySessions, registrations } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { revalidate, tags } from "@/lib/cache";
import type { WriteContext } from "@/lib/context";
import { formatDateTime } from "@/lib/dates";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import { slugify, uniqueSlug } from "@/lib/slug";
import type { OpenDayInput } from "./schema";
import { promoteWaitlisted, type Promoted } from "./capacity";
import { toCsv } from "./csv";
import { listRegistrations } from "./editor-reads";
import { cancelRegistrationWhere, mailPromoted } from "./registrations";

/**
 * Editor-side writes, each `(input, ctx)`. Callers (server actions, route
 * handlers) have already checked the role with defineAction/requireRole;
 * every write here carries its audit entry in the same transaction and
 * refreshes the public open-day caches after it.
 */

function slugTaken(tx: Tx, slug: string, exceptId: number): boolean {
  return tx.select({ id: openDays.id }).from(openDays).where(and(eq(openDays.slug, slug), ne(openDays.id, exceptId))).get() !== undefined;
}

/**
 * A slug the editor typed must be free; a blank one keeps the saved slug
 * (links stay stable) or, for a new day, is made from the title with a
 * number added if needed.
 */
function chooseSlug(tx: Tx, wanted: string, title: string, id: number | null): string {
  if (wanted) {
    if (slugTaken(tx, wanted, id ?? 0)) throw new InvalidError("Another open day already uses that web address.", { slug: "Choose a different web address." });
    return wanted;
  }
  if (id !== null) {
    const saved = tx.select({ slug: openDays.slug }).from(openDays).where(eq(openDays.id, id)).get();
    if (saved) return saved.slug;
  }
  return uniqueSlug(slugify(title), (s) => slugTaken(tx, s, id ?? 0));
}

function writeSessions(tx: Tx, dayId: number, sessions: OpenDayInput["sessions"]): void {
  const own = new Set(tx.select({ id: openDaySessions.id }).from(openDaySessions).where(eq(openDaySessions.openDayId, dayId)).all().map((r) => r.id));
  const kept = sessions.map((s) => s.id).filter((id): id is number => id !== null && own.has(id));
  // Rows the editor emptied are removed (registrants' choices of them go too, by cascade).
  const gone = tx.delete(openDaySessions).where(and(eq(openDaySessions.openDayId, dayId), kept.length ? notInArray(openDaySessions.id, kept) : undefined));
  gone.run();
  for (const { id, ...row } of sessions) {
    if (id !== null && own.has(id)) tx.update(openDaySessions).set(row).where(eq(openDaySessions.id, id)).run();
    else tx.insert(openDaySessions).values({ ...row, openDayId: dayId }).run();
  }
}

/**
 * Creates (no id) or updates (input.id) an open day with its programme. An
 * update names the version it was based on; a stale one is refused so two
 * editors cannot silently overwrite each other. Raising a capacity promotes
 * the waiting list.
 */
export async function saveOpenDay(input: OpenDayInput & { id?: number | null }, { user, ip }: WriteContext): Promise<{ id: number }> {
  const db = getDb();
  const now = Date.now();
  const { id: givenId, slug: wantedSlug, sessions, version, ...fields } = input;
  const id = givenId ?? null;
  const result = db.transaction(
    (tx) => {
      const slug = chooseSlug(tx, wantedSlug, input.title, id);
      let dayId: number;
      if (id === null) {
        dayId = tx.insert(openDays).values({ ...fields, slug, createdAt: now, updatedAt: now }).returning({ id: openDays.id }).get().id;
      } else {
        const current = tx.select({ version: openDays.version }).from(openDays).where(eq(openDays.id, id)).get();
        if (!current) throw new NotFoundError("This open day no longer exists.");
        const updated = tx
          .update(openDays)
          .set({ ...fields, slug, version: sql`${openDays.version} + 1`, updatedAt: now })
          .where(and(eq(openDays.id, id), eq(openDays.version, version)))
          .run();
        if (updated.changes === 0) {
          throw new ConflictError(`Someone else saved this open day after you opened it (now version ${current.version}). Reload the page to see their changes, then make yours again.`);
        }
        dayId = id;
      }
      writeSessions(tx, dayId, sessions);
      const promoted = id === null ? [] : promoteWaitlisted(tx, { id: dayId, capacity: input.capacity }, now);
      writeAudit(tx, {
        actor: user,
        action: id === null ? "open-day.create" : "open-day.update",
        entity: "open-day",
        entityId: dayId,
        ip,
        details: { slug, status: input.status, capacity: input.capacity, sessions: sessions.length, promoted: promoted.length },
      });
      return { dayId, promoted, slug };
    },
    { behavior: "immediate" },
  );
  revalidate(tags.openDays);
  await mailPromoted(result.promoted);
  return { id: result.dayId };
}

/** Stops new registrations; existing bookings stand and can still be changed or cancelled. */
export function closeRegistration({ id }: { id: number }, { user, ip }: WriteContext): void {
  getDb().transaction((tx) => {
    const updated = tx
      .update(openDays)
      .set({ status: "closed", version: sql`${openDays.version} + 1`, updatedAt: Date.now() })
      .where(and(eq(openDays.id, id), inArray(openDays.status, ["open", "draft"])))
      .run();
    if (updated.changes === 0) throw new ConflictError("Registration for this open day is not open.");
    writeAudit(tx, { actor: user, action: "open-day.close", entity: "open-day", entityId: id, ip });
  });
  revalidate(tags.openDays);
}

/** Cancels one registration for the registrant (e.g. they phoned); the waiting list is promoted and e-mailed. */
export function cancelRegistrationByEditor({ id }: { id: number }, { user, ip }: WriteContext): Promise<Promoted[]> {
  return cancelRegistrationWhere(
    (tx) => {
      const reg = tx.select().from(registrations).where(eq(registrations.id, id)).get();
      if (!reg) throw new NotFoundError("That registration no longer exists.");
      if (reg.status === "cancelled") throw new ConflictError("That registration is already cancelled.");
      const day = tx.select().from(openDays).where(eq(openDays.id, reg.openDayId)).get();
      if (!day) throw new NotFoundError("That open day no longer exists.");
      return { reg, day };
    },
    { actor: { id: user.id, email: user.email }, ip },
  );
}

/** The registrations of one day as CSV; the export itself is recorded in the audit log. */
export function exportRegistrationsCsv({ id: dayId }: { id: number }, { user, ip }: WriteContext): { csv: string; fileName: string } {
  const db = getDb();
  const day = db.select({ id: openDays.id, slug: openDays.slug }).from(openDays).where(eq(openDays.id, dayId)).get();
  if (!day) throw new NotFoundError("That open day could not be found.");
  const rows = listRegistrations(dayId);
  const csv = toCsv([
    ["Registered", "Name", "Email", "Level", "Subject", "Guests", "Party size", "Status", "Sessions", "Access needs"],
    ...rows.map((r) => [formatDateTime(r.createdAt), r.name, r.email, r.level, r.subject, r.guests, 1 + r.guests, r.status, r.sessions.join("; "), r.accessNeeds]),
  ]);
  db.transaction((tx) => {
    writeAudit(tx, { actor: user, action: "registration.export", entity: "open-day", entityId: dayId, ip, details: { rows: rows.length } });
  });
  return { csv, fileName: `registrations-${day.slug}.csv` };
}
