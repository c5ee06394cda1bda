import "server-only";
import { and, asc, eq, gt, gte, lt, sql, type SQL } from "drizzle-orm";
import { first, getDb } from "@/db/client";
import { jsonArrayHasIgnoringCase } from "@/db/portable";
import { LEVELS, openDays, type Level } from "@/db/schema";
import { cachedQuery, tags } from "@/lib/cache";
import { parseLocalDateTime } from "@/lib/dates";
import { confirmedPeopleByDay, confirmedPeopleBySession, sessionsOfDay } from "./capacity";

export type OpenDayFilters = { level?: string; campus?: string; subject?: string; month?: string };

export type OpenDayCard = {
  id: number;
  slug: string;
  title: string;
  level: Level;
  campus: string;
  summary: string;
  subjects: string[];
  startsAt: number;
  endsAt: number;
  capacity: number;
  placesLeft: number;
  full: boolean;
};

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** "2025-03" → [start, end) of that month in the site's zone, or null when not a month. */
export function monthRange(month: string): [number, number] | null {
  const m = MONTH.exec(month);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const next = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, "0")}`;
  const start = parseLocalDateTime(`${month}-01T00:00`);
  const end = parseLocalDateTime(`${next}-01T00:00`);
  return start === null || end === null ? null : [start, end];
}

/** Only what the public may book: open, and not yet started. */
const bookable = (now: number) => and(eq(openDays.status, "open"), gt(openDays.startsAt, now));

function withPlaces<T extends { id: number; capacity: number }>(rows: T[], used: Map<number, number>) {
  return rows.map((r) => {
    const placesLeft = Math.max(0, r.capacity - (used.get(r.id) ?? 0));
    return { ...r, placesLeft, full: placesLeft === 0 };
  });
}

const cardColumns = {
  id: openDays.id,
  slug: openDays.slug,
  title: openDays.title,
  level: openDays.level,
  campus: openDays.campus,
  summary: openDays.summary,
  subjects: openDays.subjects,
  startsAt: openDays.startsAt,
  endsAt: openDays.endsAt,
  capacity: openDays.capacity,
};

/** The finder: filters combine; unknown values (a level that does not exist, a malformed month) are ignored. */
export function findOpenDays(filters: OpenDayFilters = {}, now = Date.now()): Promise<OpenDayCard[]> {
  const level = LEVELS.find((l) => l === filters.level);
  const campus = filters.campus?.trim() || undefined;
  const subject = filters.subject?.trim() || undefined;
  const range = filters.month ? monthRange(filters.month) : null;
  const minute = Math.floor(now / 60_000);
  return cachedQuery(
    ["open-days", "find", level ?? "", campus ?? "", subject ?? "", range?.[0] ?? "", minute],
    [tags.openDays],
    async () => {
      const db = getDb();
      const where: (SQL | undefined)[] = [bookable(now)];
      if (level) where.push(eq(openDays.level, level));
      if (campus) where.push(sql`lower(${openDays.campus}) = lower(${campus})`);
      if (subject) where.push(jsonArrayHasIgnoringCase(openDays.subjects, subject));
      if (range) where.push(gte(openDays.startsAt, range[0]), lt(openDays.startsAt, range[1]));
      const rows = await db.select(cardColumns).from(openDays).where(and(...where)).orderBy(asc(openDays.startsAt), asc(openDays.id));
      return withPlaces(rows, await confirmedPeopleByDay(db, rows.map((r) => r.id)));
    },
  );
}

/** Campuses and subjects of the days on offer, for the finder's drop-downs. */
export function listCampuses(now = Date.now()): Promise<string[]> {
  return cachedQuery(["open-days", "campuses", Math.floor(now / 60_000)], [tags.openDays], async () => {
    const rows = await getDb().selectDistinct({ campus: openDays.campus }).from(openDays).where(bookable(now)).orderBy(asc(openDays.campus));
    return rows.map((r) => r.campus);
  });
}

export function listSubjects(now = Date.now()): Promise<string[]> {
  return cachedQuery(["open-days", "subjects", Math.floor(now / 60_000)], [tags.openDays], async () => {
    const rows = await getDb().select({ subjects: openDays.subjects }).from(openDays).where(bookable(now));
    return [...new Set(rows.flatMap((r) => r.subjects))].sort((a, b) => a.localeCompare(b, "en-GB"));
  });
}

export type SessionWithPlaces = {
  id: number;
  title: string;
  description: string;
  startsAt: number;
  endsAt: number;
  room: string;
  capacity: number | null;
  placesLeft: number | null;
  full: boolean;
};

export type OpenDayDetail = OpenDayCard & {
  travelInfo: string;
  status: string;
  /** False for a closed, cancelled or past day: the page shows it but offers no form. */
  bookable: boolean;
  sessions: SessionWithPlaces[];
};

/** One open day (any status but draft) with its programme and the places left in each session. */
export function getOpenDayBySlug(slug: string, now = Date.now()): Promise<OpenDayDetail | null> {
  return cachedQuery(["open-days", "slug", slug, Math.floor(now / 60_000)], [tags.openDays], async () => {
    const db = getDb();
    const day = await first(
      db
        .select({ ...cardColumns, travelInfo: openDays.travelInfo, status: openDays.status })
        .from(openDays)
        .where(and(eq(openDays.slug, slug), sql`${openDays.status} <> 'draft'`))
        .limit(1),
    );
    if (!day) return null;
    const [withLeft] = withPlaces([day], await confirmedPeopleByDay(db, [day.id]));
    const bySession = await confirmedPeopleBySession(db, day.id);
    const sessions = (await sessionsOfDay(db, day.id)).map((s) => {
      const placesLeft = s.capacity === null ? null : Math.max(0, s.capacity - (bySession.get(s.id) ?? 0));
      return {
        id: s.id,
        title: s.title,
        description: s.description,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        room: s.room,
        capacity: s.capacity,
        placesLeft,
        full: placesLeft === 0,
      };
    });
    return { ...withLeft!, sessions, bookable: day.status === "open" && day.startsAt > now };
  });
}
