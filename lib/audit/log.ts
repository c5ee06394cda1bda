import "server-only";
import { and, count, desc, eq, gte, inArray, lt, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
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
function findRecords(entries: AuditRow[]): Map<string, Found> {
  const db = getDb();
  const ids = (entity: string) => [...new Set(entries.filter((e) => e.entity === entity && e.entityId && /^\d+$/.test(e.entityId)).map((e) => Number(e.entityId)))];
  const found = new Map<string, Found>();
  const put = (entity: string, id: number, label: string, href: string) => found.set(`${entity}:${id}`, { label, href });
  const some = (entity: string) => ids(entity).length > 0;
  if (some("story")) for (const r of db.select({ id: stories.id, title: stories.title }).from(stories).where(inArray(stories.id, ids("story"))).all()) put("story", r.id, r.title, `/editor/stories/${r.id}/edit`);
  if (some("event")) for (const r of db.select({ id: events.id, title: events.title }).from(events).where(inArray(events.id, ids("event"))).all()) put("event", r.id, r.title, `/editor/events/${r.id}/edit`);
  if (some("open-day")) for (const r of db.select({ id: openDays.id, title: openDays.title }).from(openDays).where(inArray(openDays.id, ids("open-day"))).all()) put("open-day", r.id, r.title, `/editor/open-days/${r.id}/edit`);
  if (some("user")) for (const r of db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids("user"))).all()) put("user", r.id, r.name, "/editor/users");
  if (some("person")) for (const r of db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, ids("person"))).all()) put("person", r.id, r.name, `/editor/people/${r.id}`);
  if (some("promo")) for (const r of db.select({ id: promos.id, title: promos.title }).from(promos).where(inArray(promos.id, ids("promo"))).all()) put("promo", r.id, r.title, "/editor/promos");
  if (some("media")) for (const r of db.select({ id: media.id, alt: media.altText }).from(media).where(inArray(media.id, ids("media"))).all()) put("media", r.id, r.alt || `Image #${r.id}`, `/editor/media/${r.id}`);
  // Comments and registrations are personal text: name them by number and link to where they are managed.
  if (some("comment")) for (const r of db.select({ id: comments.id }).from(comments).where(inArray(comments.id, ids("comment"))).all()) put("comment", r.id, `Comment #${r.id}`, "/editor/comments");
  if (some("registration")) {
    const rows = db
      .select({ id: registrations.id, dayId: openDays.id, title: openDays.title })
      .from(registrations)
      .innerJoin(openDays, eq(openDays.id, registrations.openDayId))
      .where(inArray(registrations.id, ids("registration")))
      .all();
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

function toView(entries: AuditRow[]): AuditView[] {
  const actorIds = [...new Set(entries.map((e) => e.actorId).filter((id): id is number => id !== null))];
  const names = new Map(
    actorIds.length ? getDb().select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, actorIds)).all().map((u) => [u.id, u.name]) : [],
  );
  const found = findRecords(entries);
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
export function listAuditEntries(filter: AuditFilter): { entries: AuditView[]; total: number; page: number; pageCount: number } {
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

  const total = db.select({ n: count() }).from(auditLog).where(condition).get()?.n ?? 0;
  const { page, pageCount, offset } = pageOf(total, filter.page, AUDIT_PAGE_SIZE);
  const entries = db
    .select()
    .from(auditLog)
    .where(condition)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset(offset)
    .all();
  return { entries: toView(entries), total, page, pageCount };
}

function nextDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Distinct actions seen so far, for the filter's select. */
export function listAuditActions(): string[] {
  return getDb()
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .orderBy(auditLog.action)
    .all()
    .map((r) => r.action);
}
