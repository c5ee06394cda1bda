import "server-only";
import { and, count, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog } from "@/db/schema";
import { parseLocalDateTime } from "@/lib/dates";

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

function dayStart(day: string | undefined): number | null {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  return parseLocalDateTime(`${day}T00:00`);
}

/** The audit log, newest first, filtered and paginated. */
export function listAuditEntries(filter: AuditFilter): { entries: AuditRow[]; total: number; page: number; pageCount: number } {
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
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(filter.page ?? 1)), pageCount);
  const entries = db
    .select()
    .from(auditLog)
    .where(condition)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE)
    .all();
  return { entries, total, page, pageCount };
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
