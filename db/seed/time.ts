/**
 * Calendar arithmetic in the site's time zone, so seeded events start at
 * sensible local times (a 7pm lecture is 7pm in Harrowgate whatever the
 * server's TZ or the daylight-saving season).
 */
import { dayKey, parseLocalDateTime } from "@/lib/dates";

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** "YYYY-MM-DD" of `now` in the site's zone. */
export function localDay(now: number): string {
  return dayKey(now);
}

/** Calendar-day arithmetic on a "YYYY-MM-DD" string (no zone involved). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: string): number {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** The first `dow` on or after `day`. */
export function onOrAfter(day: string, dow: number): string {
  return addDays(day, (dow - weekday(day) + 7) % 7);
}

/** A wall-clock time ("19:00") on a day, as epoch ms in the site's zone. */
export function at(day: string, time: string): number {
  const ms = parseLocalDateTime(`${day}T${time}`);
  if (ms === null) throw new Error(`Bad seed date ${day}T${time}`);
  return ms;
}
