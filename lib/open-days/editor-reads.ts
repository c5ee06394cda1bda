import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { first, getDb } from "@/db/client";
import { openDays, openDaySessions, registrationSessions, registrations } from "@/db/schema";
import { registrantColumns } from "./booking";
import { sessionsOfDay } from "./capacity";

/**
 * Editor-side reads of open days and registrations. Registrants' personal
 * data is read only here, and only pages and routes that have called
 * requireRole("editor") may call these (never cached: personal data).
 */
const count = (status: string) => sql<number>`coalesce(sum(case when ${registrations.status} = ${status} then 1 else 0 end), 0)`.mapWith(Number);
const peopleWhen = (status: string) => sql<number>`coalesce(sum(case when ${registrations.status} = ${status} then 1 + ${registrations.guests} else 0 end), 0)`.mapWith(Number);
const guestsWhen = (status: string) => sql<number>`coalesce(sum(case when ${registrations.status} = ${status} then ${registrations.guests} else 0 end), 0)`.mapWith(Number);

export async function listOpenDaysForEditor() {
  return getDb()
    .select({
      id: openDays.id,
      slug: openDays.slug,
      title: openDays.title,
      level: openDays.level,
      campus: openDays.campus,
      startsAt: openDays.startsAt,
      capacity: openDays.capacity,
      status: openDays.status,
      confirmed: count("confirmed"),
      confirmedPeople: peopleWhen("confirmed"),
      waiting: count("waitlisted"),
      cancelled: count("cancelled"),
    })
    .from(openDays)
    .leftJoin(registrations, eq(registrations.openDayId, openDays.id))
    .groupBy(openDays.id)
    .orderBy(desc(openDays.startsAt));
}

export async function getOpenDayForEditor(id: number) {
  const db = getDb();
  const day = await first(db.select().from(openDays).where(eq(openDays.id, id)).limit(1));
  if (!day) return null;
  return { ...day, sessions: await sessionsOfDay(db, id) };
}

export type RegistrationTotals = {
  confirmed: number;
  confirmedPeople: number;
  waiting: number;
  waitingPeople: number;
  cancelled: number;
  guests: number;
  sessions: { id: number; title: string; startsAt: number; capacity: number | null; people: number }[];
};

export async function registrationTotals(dayId: number): Promise<RegistrationTotals> {
  const db = getDb();
  const t = await first(
    db
      .select({
        confirmed: count("confirmed"),
        confirmedPeople: peopleWhen("confirmed"),
        waiting: count("waitlisted"),
        waitingPeople: peopleWhen("waitlisted"),
        cancelled: count("cancelled"),
        guests: guestsWhen("confirmed"),
      })
      .from(registrations)
      .where(eq(registrations.openDayId, dayId))
      .limit(1),
  );
  const sessions = await db
    .select({
      id: openDaySessions.id,
      title: openDaySessions.title,
      startsAt: openDaySessions.startsAt,
      capacity: openDaySessions.capacity,
      // A place in a session: a confirmed booking that is not waiting for this session (issue 11).
      people: sql<number>`coalesce(sum(case when ${registrations.status} = 'confirmed' and ${registrationSessions.status} = 'confirmed' then 1 + ${registrations.guests} else 0 end), 0)`.mapWith(Number),
    })
    .from(openDaySessions)
    .leftJoin(registrationSessions, eq(registrationSessions.sessionId, openDaySessions.id))
    .leftJoin(registrations, eq(registrations.id, registrationSessions.registrationId))
    .where(eq(openDaySessions.openDayId, dayId))
    .groupBy(openDaySessions.id)
    .orderBy(asc(openDaySessions.startsAt), asc(openDaySessions.id));
  const n = (v: number | undefined) => Number(v ?? 0);
  return {
    confirmed: n(t?.confirmed),
    confirmedPeople: n(t?.confirmedPeople),
    waiting: n(t?.waiting),
    waitingPeople: n(t?.waitingPeople),
    cancelled: n(t?.cancelled),
    guests: n(t?.guests),
    sessions: sessions.map((s) => ({ ...s, people: Number(s.people) })),
  };
}

export type RegistrationRow = {
  id: number;
  name: string;
  email: string;
  level: string;
  subject: string;
  guests: number;
  accessNeeds: string;
  status: string;
  createdAt: number;
  sessions: string[];
};

/** Registrations of one day in booking order, optionally matching a name or e-mail fragment. */
export async function listRegistrations(dayId: number, q = ""): Promise<RegistrationRow[]> {
  const db = getDb();
  const term = q.trim().toLowerCase();
  const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db
    .select(registrantColumns)
    .from(registrations)
    .where(
      and(
        eq(registrations.openDayId, dayId),
        term ? sql`(lower(${registrations.name}) like ${like} escape '\\' or lower(${registrations.email}) like ${like} escape '\\')` : undefined,
      ),
    )
    .orderBy(asc(registrations.createdAt), asc(registrations.id));
  // Every session place of the day in one read, in programme order, shared out below.
  const places = await db
    .select({ registrationId: registrationSessions.registrationId, title: openDaySessions.title, status: registrationSessions.status })
    .from(registrationSessions)
    .innerJoin(openDaySessions, eq(openDaySessions.id, registrationSessions.sessionId))
    .where(eq(openDaySessions.openDayId, dayId))
    .orderBy(asc(openDaySessions.startsAt), asc(openDaySessions.id));
  const sessions = new Map<number, string[]>();
  for (const p of places) {
    const titles = sessions.get(p.registrationId) ?? [];
    titles.push(p.status === "waitlisted" ? `${p.title} (waiting list)` : p.title);
    sessions.set(p.registrationId, titles);
  }
  return rows.map((r) => ({ ...r, sessions: sessions.get(r.id) ?? [] }));
}
