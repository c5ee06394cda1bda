import "server-only";
import { and, count, desc, eq, gte, inArray, lt, type SQL } from "drizzle-orm";
import { first, getDb } from "@/db/client";
import { auditLog, comments, events, media, openDays, people, promos, registrations, stories, users } from "@/db/schema";
import { detailKeyLabel, entityLabel, isTimeKey } from "@/lib/audit/labels";
import { formatDateTime, parseLocalDateTime } from "@/lib/dates";
import { pageOf } from "@/lib/pagination";

export const AUDIT_PAGE_SIZE = 50;
const DAY = 24 * 60 * 60 * 1000;

export type AuditFilter = {
  actorId?: number;
  action?: string;
  /** YYYY-MM-DD in the site's time zone, inclusive. */
  from?: string;
  to?: string;
  page?: number;
};

export type AuditRow = {
  id: number;
  actorId: number | null;
  actorEmail: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
  at: number;
};

/** An entry as the page shows it: names instead of ids, a link where the record still exists, details as lines. */
export type AuditView = AuditRow & {
  /** The actor's current name, else the e-mail kept on the entry; null for the public or the system. */
  actorName: string | null;
  /** What the entry is about, e.g. the story's title, or "Event #12 (no longer exists)". */
  record: { label: string; href: string | null } | null;
  /** "Key: value" lines, dates through the one formatter. */
  detailLines: string[];
};

type Found = { label: string; href: string };

/** One lookup per kind of record on the page (never one per row). */
async function findRecords(entries: AuditRow[]): Promise<Map<string, Found>> {
  const db = getDb();
  const ids = (entity: string) => [...new Set(entries.filter((e) => e.entity === entity && e.entityId && /^\d+$/.test(e.entityId)).map((e) => Number(e.entityId)))];
  const found = new Map<string, Found>();
  const put = (entity: string, id: number, label: string, href: string) => found.set(`${entity}:${id}`, { label, href });
  const some = (entity: string) => ids(entity).length > 0;
  if (some("story")) for (const r of await db.select({ id: stories.id, title: stories.title }).from(stories).where(inArray(stories.id, ids("story")))) put("story", r.id, r.title, `/editor/stories/${r.id}/edit`);
  if (some("event")) for (const r of await db.select({ id: events.id, title: events.title }).from(events).where(inArray(events.id, ids("event")))) put("event", r.id, r.title, `/editor/events/${r.id}/edit`);
  if (some("open-day")) for (const r of await db.select({ id: openDays.id, title: openDays.title }).from(openDays).where(inArray(openDays.id, ids("open-day")))) put("open-day", r.id, r.title, `/editor/open-days/${r.id}/edit`);
  if (some("user")) for (const r of await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids("user")))) put("user", r.id, r.name, "/editor/users");
  if (some("person")) for (const r of await db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, ids("person")))) put("person", r.id, r.name, `/editor/people/${r.id}`);
  if (some("promo")) for (const r of await db.select({ id: promos.id, title: promos.title }).from(promos).where(inArray(promos.id, ids("promo")))) put("promo", r.id, r.title, "/editor/promos");
  if (some("media")) for (const r of await db.select({ id: media.id, alt: media.altText }).from(media).where(inArray(media.id, ids("media")))) put("media", r.id, r.alt || `Image #${r.id}`, `/editor/media/${r.id}`);
  // Comments and registrations are personal text: name them by number and link to where they are managed.
  if (some("comment")) for (const r of await db.select({ id: comments.id }).from(comments).where(inArray(comments.id, ids("comment")))) put("comment", r.id, `Comment #${r.id}`, "/editor/comments");
  if (some("registration")) {
    const rows = await db
      .select({ id: registrations.id, dayId: openDays.id, title: openDays.title })
      .from(registrations)
      .innerJoin(openDays, eq(openDays.id, registrations.openDayId))
      .where(inArray(registrations.id, ids("registration")));
    for (const r of rows) put("registration", r.id, `Registration #${r.id} for ${r.title}`, `/editor/open-days/${r.dayId}/registrations`);
  }
  return found;
}

function detailValue(key: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "none";
  if (typeof value === "number") return isTimeKey(key) && value > 0 ? formatDateTime(value) : String(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.map((v) => detailValue(key, v)).join(", ");
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${detailKeyLabel(k).toLowerCase()} ${detailValue(k, v)}`)
      .join("; ");
  }
  return String(value);
}

/** The details object as readable "Key: value" lines. */
export function detailLines(details: Record<string, unknown> | null): string[] {
  if (!details) return [];
  return Object.entries(details).map(([key, value]) => `${detailKeyLabel(key)}: ${detailValue(key, value)}`);
}

async function toView(entries: AuditRow[]): Promise<AuditView[]> {
  const actorIds = [...new Set(entries.map((e) => e.actorId).filter((id): id is number => id !== null))];
  const names = new Map(
    actorIds.length ? (await getDb().select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, actorIds))).map((u) => [u.id, u.name]) : [],
  );
  const found = await findRecords(entries);
  return entries.map((e) => {
    const hit = e.entityId ? found.get(`${e.entity}:${e.entityId}`) : undefined;
    const record = hit
      ? { label: hit.label, href: hit.href }
      : e.entityId
        ? { label: `${entityLabel(e.entity)} #${e.entityId} (no longer exists)`, href: null }
        : null;
    return { ...e, actorName: (e.actorId !== null ? names.get(e.actorId) : undefined) ?? e.actorEmail, record, detailLines: detailLines(e.details) };
  });
}

function dayStart(day: string | undefined): number | null {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  return parseLocalDateTime(`${day}T00:00`);
}

/** The audit log, newest first, filtered and paginated. */
export async function listAuditEntries(filter: AuditFilter): Promise<{ entries: AuditView[]; total: number; page: number; pageCount: number }> {
  const db = getDb();
  const where: SQL[] = [];
  if (filter.actorId) where.push(eq(auditLog.actorId, filter.actorId));
  if (filter.action) where.push(eq(auditLog.action, filter.action));
  const from = dayStart(filter.from);
  if (from !== null) where.push(gte(auditLog.at, from));
  const to = dayStart(filter.to);
  // "to" is inclusive: everything before the start of the next day (DST-safe enough at a day's granularity).
  if (to !== null) where.push(lt(auditLog.at, (dayStart(nextDay(filter.to!)) ?? to + DAY)));
  const condition = where.length ? and(...where) : undefined;

  const total = (await first(db.select({ n: count() }).from(auditLog).where(condition)))?.n ?? 0;
  const { page, pageCount, offset } = pageOf(total, filter.page, AUDIT_PAGE_SIZE);
  const entries = await db
    .select()
    .from(auditLog)
    .where(condition)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset(offset);
  return { entries: await toView(entries), total, page, pageCount };
}

function nextDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Distinct actions seen so far, for the filter's select. */
export async function listAuditActions(): Promise<string[]> {
  const rows = await getDb().selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  return rows.map((r) => r.action);
}
