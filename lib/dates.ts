/**
 * The one date formatter. Every date and time shown on the site is rendered
 * in the site's time zone (config().timeZone), never the server's TZ.
 */
import { config } from "@/lib/config";

/**
 * Building an Intl.DateTimeFormat costs far more than formatting with one
 * (it was about a tenth of an uncached page render's CPU): one per zone and
 * set of options, kept. The options are the literals below, so the map stays small.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(options: Intl.DateTimeFormatOptions, timeZone: string): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    if (formatters.size >= 256) formatters.clear();
    f = new Intl.DateTimeFormat("en-GB", { timeZone, ...options });
    formatters.set(key, f);
  }
  return f;
}

function parts(ms: number, options: Intl.DateTimeFormatOptions, timeZone = config().timeZone) {
  const out: Record<string, string> = {};
  for (const p of formatter(options, timeZone).formatToParts(new Date(ms))) {
    out[p.type] = p.value;
  }
  return out;
}

export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th"}`;
}

/** "22nd April 2024" */
export function formatDate(ms: number): string {
  const p = parts(ms, { day: "numeric", month: "long", year: "numeric" });
  return `${ordinal(Number(p.day))} ${p.month} ${p.year}`;
}

/** "Monday 22nd April 2024" */
export function formatDayDate(ms: number): string {
  const p = parts(ms, { weekday: "long", day: "numeric", month: "long", year: "numeric" });
  return `${p.weekday} ${ordinal(Number(p.day))} ${p.month} ${p.year}`;
}

/** "2.30pm", "10am" — the house style for times. */
export function formatTime(ms: number): string {
  // hourCycle h12, not hour12: en-GB's hour12 is h11 and would print "0.30am" after midnight.
  const p = parts(ms, { hour: "numeric", minute: "2-digit", hourCycle: "h12" });
  const suffix = (p.dayPeriod ?? "").toLowerCase().replace(/\./g, "").replace(/\s/g, "");
  return p.minute === "00" ? `${p.hour}${suffix}` : `${p.hour}.${p.minute}${suffix}`;
}

/** "22nd April 2024, 2.30pm" */
export function formatDateTime(ms: number): string {
  return `${formatDate(ms)}, ${formatTime(ms)}`;
}

/** "April 2024" — for grouping by month. */
export function formatMonth(ms: number): string {
  const p = parts(ms, { month: "long", year: "numeric" });
  return `${p.month} ${p.year}`;
}

/** Calendar day in the site's zone as YYYY-MM-DD. */
export function dayKey(ms: number, timeZone = config().timeZone): string {
  const p = parts(ms, { year: "numeric", month: "2-digit", day: "2-digit" }, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** Month in the site's zone as YYYY-MM. */
export function monthKey(ms: number): string {
  return dayKey(ms).slice(0, 7);
}

/** ISO 8601 with offset, for <time dateTime> and JSON-LD. */
export function isoDateTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** Offset of the zone from UTC at the given instant, in minutes. */
function zoneOffsetMinutes(ms: number, timeZone: string): number {
  const p = parts(ms, { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }, timeZone);
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000);
}

/**
 * "2024-04-22T14:30" (a wall-clock time in the site's zone, as an
 * <input type="datetime-local"> sends it) → epoch ms. Returns null when the
 * text is not a valid date-time.
 */
export function parseLocalDateTime(text: string, timeZone = config().timeZone): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = "00", mi = "00"] = m;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
  if (Number.isNaN(wall)) return null;
  const check = new Date(wall);
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d)) return null;
  // Two passes settle the offset across a daylight-saving change.
  let guess = wall - zoneOffsetMinutes(wall, timeZone) * 60000;
  guess = wall - zoneOffsetMinutes(guess, timeZone) * 60000;
  return guess;
}

/** epoch ms → "2024-04-22T14:30" in the site's zone, for datetime-local inputs. */
export function toLocalDateTimeInput(ms: number, timeZone = config().timeZone): string {
  const p = parts(ms, { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }, timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}
