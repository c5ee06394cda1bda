import "server-only";
import { and, desc, eq, ne } from "drizzle-orm";
import { first, getDb, transaction, type Tx } from "@/db/client";
import { eventRevisions, events, type Event } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { revalidate, tags } from "@/lib/cache";
import { dayKey, toLocalDateTimeInput } from "@/lib/dates";
import type { WriteContext } from "@/lib/context";
import { ConflictError, INVALID_FORM_MESSAGE, InvalidError, NotFoundError } from "@/lib/errors";
import { slugify, uniqueSlug } from "@/lib/slug";
import { lastDayKey } from "./format";
import type { EventInput, EventUpdateInput } from "@/lib/events/schema";

/**
 * The editor's reads and writes of events. Reads here are uncached (editors
 * must see their own change at once) and include drafts. Every write runs
 * in one transaction with its audit entry and, where the content changes,
 * an event_revisions snapshot; then the public event caches are refreshed.
 */


/** Distinct campuses and categories already used, as suggestions in the form. */
export async function eventSuggestions(): Promise<{ campuses: string[]; categories: string[] }> {
  const db = getDb();
  const distinct = async (column: typeof events.campus | typeof events.category) =>
    (await db.selectDistinct({ v: column }).from(events).where(ne(column, "")).orderBy(column)).map((r) => r.v);
  const [campuses, categories] = await Promise.all([distinct(events.campus), distinct(events.category)]);
  return { campuses, categories };
}

export type EditorEventRow = Pick<Event, "id" | "slug" | "title" | "status" | "startsAt" | "endsAt" | "allDay" | "campus" | "category" | "version" | "updatedAt">;

export async function listEventsForEditor(): Promise<EditorEventRow[]> {
  return getDb()
    .select({
      id: events.id,
      slug: events.slug,
      title: events.title,
      status: events.status,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      allDay: events.allDay,
      campus: events.campus,
      category: events.category,
      version: events.version,
      updatedAt: events.updatedAt,
    })
    .from(events)
    .orderBy(desc(events.startsAt), desc(events.id));
}

export async function getEventForEditor(id: number): Promise<Event | null> {
  return (await first(getDb().select().from(events).where(eq(events.id, id)).limit(1))) ?? null;
}

/** A saved event as the strings its edit form starts from (times in the site's zone). */
export function eventFormValues(event: Event): Record<string, string> {
  return {
    id: String(event.id),
    version: String(event.version),
    title: event.title,
    slug: event.slug,
    summary: event.summary,
    body: event.body,
    allDay: event.allDay ? "on" : "",
    startsAt: toLocalDateTimeInput(event.startsAt),
    endsAt: toLocalDateTimeInput(event.endsAt),
    startDate: dayKey(event.startsAt),
    endDate: lastDayKey(event),
    venue: event.venue,
    campus: event.campus,
    category: event.category,
    bookingUrl: event.bookingUrl ?? "",
    imageId: event.imageId ? String(event.imageId) : "",
    status: event.status,
  };
}

async function slugTaken(tx: Tx, slug: string, exceptId?: number): Promise<boolean> {
  const where = exceptId === undefined ? eq(events.slug, slug) : and(eq(events.slug, slug), ne(events.id, exceptId));
  return (await first(tx.select({ id: events.id }).from(events).where(where).limit(1))) !== undefined;
}


/** An explicit slug must be free; a derived one is made unique. */
async function chooseSlug(tx: Tx, input: Pick<EventInput, "slug" | "title">, exceptId?: number): Promise<string> {
  if (!input.slug) return uniqueSlug(slugify(input.title), (s) => slugTaken(tx, s, exceptId));
  if (await slugTaken(tx, input.slug, exceptId)) {
    throw new InvalidError(INVALID_FORM_MESSAGE, {
      slug: "Another event already uses this web address. Choose a different one.",
    });
  }
  return input.slug;
}

async function snapshot(tx: Tx, row: Event, actor: WriteContext["user"]): Promise<void> {
  // The whole row: enough to see or restore any saved state later.
  await tx.insert(eventRevisions).values({ eventId: row.id, version: row.version, snapshot: { ...row }, createdBy: actor.id, createdAt: Date.now() });
}

function contentOf(input: Omit<EventInput, "slug">) {
  return {
    title: input.title,
    summary: input.summary,
    body: input.body,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    allDay: input.allDay,
    venue: input.venue,
    campus: input.campus,
    category: input.category,
    bookingUrl: input.bookingUrl,
    imageId: input.imageId,
    status: input.status,
  };
}

export async function createEvent(input: EventInput, { user: actor, ip }: WriteContext): Promise<Event> {
  const now = Date.now();
  const row = await transaction(async (tx) => {
    const slug = await chooseSlug(tx, input);
    const created = (await first(
      tx
        .insert(events)
        .values({ ...contentOf(input), slug, version: 1, createdBy: actor.id, updatedBy: actor.id, createdAt: now, updatedAt: now })
        .returning(),
    ))!;
    await snapshot(tx, created, actor);
    await writeAudit(tx, { actor, action: "event.create", entity: "event", entityId: created.id, ip, details: { title: created.title, slug, status: created.status } });
    return created;
  });
  revalidate(tags.events);
  return row;
}

export const STALE_EVENT_MESSAGE =
  "Someone else saved this event after you opened it, so your changes were not saved. Reload the page to see their version, then make your changes again.";

/** Saves an edit only if nobody saved since `input.version` was read. */
export async function updateEvent(input: EventUpdateInput, { user: actor, ip }: WriteContext): Promise<Event> {
  const row = await transaction(async (tx) => {
    const current = await first(tx.select().from(events).where(eq(events.id, input.id)).limit(1));
    if (!current) throw new NotFoundError("This event no longer exists. It may have been deleted.");
    if (current.version !== input.version) throw new ConflictError(STALE_EVENT_MESSAGE);
    const slug = await chooseSlug(tx, input, input.id);
    const updated = await first(
      tx
        .update(events)
        .set({ ...contentOf(input), slug, version: current.version + 1, updatedBy: actor.id, updatedAt: Date.now() })
        .where(and(eq(events.id, input.id), eq(events.version, input.version)))
        .returning(),
    );
    if (!updated) throw new ConflictError(STALE_EVENT_MESSAGE);
    await snapshot(tx, updated, actor);
    await writeAudit(tx, { actor, action: "event.update", entity: "event", entityId: updated.id, ip, details: { title: updated.title, slug, version: updated.version } });
    return updated;
  });
  revalidate(tags.events);
  return row;
}

/** A draft copy titled "Copy of …" with a fresh slug, for the next edition of a recurring event. */
export async function duplicateEvent({ id }: { id: number }, { user: actor, ip }: WriteContext): Promise<Event> {
  const now = Date.now();
  const row = await transaction(async (tx) => {
    const source = await first(tx.select().from(events).where(eq(events.id, id)).limit(1));
    if (!source) throw new NotFoundError("This event no longer exists. It may have been deleted.");
    const title = `Copy of ${source.title}`.slice(0, 200);
    const slug = await uniqueSlug(`${source.slug.slice(0, 70)}-copy`, (s) => slugTaken(tx, s));
    const copy = (await first(
      tx
        .insert(events)
        .values({ ...contentOf(source), title, slug, status: "draft", version: 1, createdBy: actor.id, updatedBy: actor.id, createdAt: now, updatedAt: now })
        .returning(),
    ))!;
    await snapshot(tx, copy, actor);
    await writeAudit(tx, { actor, action: "event.duplicate", entity: "event", entityId: copy.id, ip, details: { from: source.id, title, slug: copy.slug } });
    return copy;
  });
  revalidate(tags.events);
  return row;
}

/** Marks an event cancelled: it stays listed as cancelled and its .ics says STATUS:CANCELLED. */
export async function cancelEvent({ id }: { id: number }, { user: actor, ip }: WriteContext): Promise<Event> {
  const row = await transaction(async (tx) => {
    const current = await first(tx.select().from(events).where(eq(events.id, id)).limit(1));
    if (!current) throw new NotFoundError("This event no longer exists. It may have been deleted.");
    if (current.status === "cancelled") return current;
    const updated = await first(
      tx
        .update(events)
        .set({ status: "cancelled", version: current.version + 1, updatedBy: actor.id, updatedAt: Date.now() })
        // Only over the version read: a save committed meanwhile (PostgreSQL) is not given the same version again.
        .where(and(eq(events.id, id), eq(events.version, current.version)))
        .returning(),
    );
    if (!updated) throw new ConflictError(STALE_EVENT_MESSAGE);
    await snapshot(tx, updated, actor);
    await writeAudit(tx, { actor, action: "event.cancel", entity: "event", entityId: id, ip, details: { title: current.title, slug: current.slug, previousStatus: current.status } });
    return updated;
  });
  revalidate(tags.events);
  return row;
}

/** Deletes an event and its revisions (the audit entry keeps its title and slug). */
export async function deleteEvent({ id }: { id: number }, { user: actor, ip }: WriteContext): Promise<void> {
  await transaction(async (tx) => {
    const current = await first(tx.select({ title: events.title, slug: events.slug }).from(events).where(eq(events.id, id)).limit(1));
    if (!current) throw new NotFoundError("This event no longer exists. It may have been deleted already.");
    await tx.delete(events).where(eq(events.id, id));
    await writeAudit(tx, { actor, action: "event.delete", entity: "event", entityId: id, ip, details: current });
  });
  revalidate(tags.events);
}
