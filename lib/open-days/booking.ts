import "server-only";
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { first, type Tx } from "@/db/client";
import { openDays, openDaySessions, registrationSessions, registrations, type Level, type RegistrationStatus } from "@/db/schema";
import { config } from "@/lib/config";
import { icalUid, toICalendar, type IcalItem } from "@/lib/ical";

/** 32 random bytes as base64url: the private manage link. Only its hash is stored. */
export function newManageToken(): { token: string; hash: string } {
  const token = crypto.randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export function manageUrl(token: string): string {
  return `${config().siteUrl}/open-days/registrations/${encodeURIComponent(token)}`;
}

export type Booking = {
  id: number;
  name: string;
  email: string;
  level: Level;
  subject: string;
  guests: number;
  accessNeeds: string;
  status: RegistrationStatus;
  createdAt: number;
  updatedAt: number;
  day: {
    id: number;
    slug: string;
    title: string;
    level: Level;
    campus: string;
    travelInfo: string;
    startsAt: number;
    endsAt: number;
    status: string;
  };
  /** The personal programme: the sessions this registrant chose, in time order. */
  sessions: { id: number; title: string; room: string; startsAt: number; endsAt: number; /** Full for this party: waiting for a place in it. */ waitlisted: boolean }[];
};

/** What a registrant told us, and where the booking stands: read by the manage page, the e-mails and the editor's list. */
export const registrantColumns = {
  id: registrations.id,
  name: registrations.name,
  email: registrations.email,
  level: registrations.level,
  subject: registrations.subject,
  guests: registrations.guests,
  accessNeeds: registrations.accessNeeds,
  status: registrations.status,
  createdAt: registrations.createdAt,
};

/** One registration with its open day and chosen sessions, as the manage page and the e-mails need it. */
export async function loadBooking(db: Tx, where: { id: number } | { tokenHash: string }): Promise<Booking | null> {
  const row = await first(
    db
      .select({
        ...registrantColumns,
        updatedAt: registrations.updatedAt,
        day: {
          id: openDays.id,
          slug: openDays.slug,
          title: openDays.title,
          level: openDays.level,
          campus: openDays.campus,
          travelInfo: openDays.travelInfo,
          startsAt: openDays.startsAt,
          endsAt: openDays.endsAt,
          status: openDays.status,
        },
      })
      .from(registrations)
      .innerJoin(openDays, eq(openDays.id, registrations.openDayId))
      .where("id" in where ? eq(registrations.id, where.id) : eq(registrations.manageTokenHash, where.tokenHash))
      .limit(1),
  );
  if (!row) return null;
  const chosen = await db
    .select({
      id: openDaySessions.id,
      title: openDaySessions.title,
      room: openDaySessions.room,
      startsAt: openDaySessions.startsAt,
      endsAt: openDaySessions.endsAt,
      placeStatus: registrationSessions.status,
    })
    .from(registrationSessions)
    .innerJoin(openDaySessions, eq(openDaySessions.id, registrationSessions.sessionId))
    .where(eq(registrationSessions.registrationId, row.id))
    .orderBy(openDaySessions.startsAt, openDaySessions.id);
  const sessions = chosen.map(({ placeStatus, ...s }) => ({ ...s, waitlisted: placeStatus === "waitlisted" }));
  return { ...row, sessions };
}

/** The registrant's calendar file: the open day plus each session they chose. */
export function bookingCalendar(b: Booking): string {
  const url = `${config().siteUrl}/open-days/${b.day.slug}`;
  const cancelled = b.status === "cancelled" || b.day.status === "cancelled";
  const items: IcalItem[] = [
    {
      uid: icalUid("open-day-registration", b.id),
      title: b.day.title,
      description: `${b.status === "waitlisted" ? "On the waiting list. " : ""}Party of ${1 + b.guests}.`,
      location: b.day.campus,
      url,
      startsAt: b.day.startsAt,
      endsAt: b.day.endsAt,
      allDay: false,
      cancelled,
      updatedAt: b.updatedAt,
    },
    ...b.sessions.map((s) => ({
      uid: icalUid(`open-day-registration-${b.id}-session`, s.id),
      title: s.title,
      description: s.waitlisted ? `${b.day.title}. On the waiting list for this session.` : b.day.title,
      location: [s.room, b.day.campus].filter(Boolean).join(", "),
      url,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      allDay: false,
      cancelled,
      updatedAt: b.updatedAt,
    })),
  ];
  return toICalendar(items, { name: b.day.title });
}
