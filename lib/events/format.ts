/**
 * How an event's date span reads, always in the site's time zone (through
 * lib/dates), so the server's TZ never changes what a visitor sees.
 *
 * All-day events are stored as local midnight of the first day to local
 * midnight after the last day (exclusive end); an end anywhere on the last
 * day is read the same way, so older rows still format correctly.
 */
import { dayKey, formatDate, formatDateTime, formatDayDate, formatTime } from "@/lib/dates";

export type EventTimes = { startsAt: number; endsAt: number; allDay: boolean };

/** The last calendar day (YYYY-MM-DD, site zone) an event covers. */
export function lastDayKey(event: EventTimes): string {
  const first = dayKey(event.startsAt);
  const end = event.allDay ? Math.max(event.startsAt, event.endsAt - 1) : event.endsAt;
  const last = dayKey(end);
  return last < first ? first : last;
}

export function isMultiDay(event: EventTimes): boolean {
  return lastDayKey(event) !== dayKey(event.startsAt);
}

/**
 * "Tuesday 3rd March 2026, 6pm to 7.30pm" (one day, timed),
 * "Tuesday 3rd March 2026, all day" (one day, all day),
 * "3rd March 2026 to 5th March 2026" (several days).
 */
export function formatEventSpan(event: EventTimes): string {
  if (isMultiDay(event)) {
    const lastInstant = event.allDay ? Math.max(event.startsAt, event.endsAt - 1) : event.endsAt;
    return `${formatDate(event.startsAt)} to ${formatDate(lastInstant)}`;
  }
  if (event.allDay) return `${formatDayDate(event.startsAt)}, all day`;
  if (event.endsAt <= event.startsAt) return `${formatDayDate(event.startsAt)}, ${formatTime(event.startsAt)}`;
  return `${formatDayDate(event.startsAt)}, ${formatTime(event.startsAt)} to ${formatTime(event.endsAt)}`;
}

/**
 * The opening and closing times of a timed multi-day event, which the span
 * leaves out: "Opens 3rd March 2026, 10am; closes 5th March 2026, 5pm".
 * Null when the span already says everything.
 */
export function formatEventTimes(event: EventTimes): string | null {
  if (event.allDay || !isMultiDay(event)) return null;
  return `Opens ${formatDateTime(event.startsAt)}; closes ${formatDateTime(event.endsAt)}`;
}

/** Started and not yet ended: listed as "On now". */
export function isOnNow(event: EventTimes, now: number = Date.now()): boolean {
  return event.startsAt <= now && event.endsAt >= now;
}

/** Over: listed under past events; booking is no longer offered. */
export function hasEnded(event: EventTimes, now: number = Date.now()): boolean {
  return event.endsAt < now;
}
