/**
 * THE iCalendar (RFC 5545) writer, shared by events, open days and
 * registration confirmations. Hand-written because the rules that matter
 * are few and easy to get subtly wrong with a generic library:
 *
 * - timed events are written in UTC (`...Z`), which every client reads
 *   the same way, so no VTIMEZONE is needed (RFC 5545 §3.3.5 form #2);
 * - all-day events are `VALUE=DATE` days in the SITE's time zone, with an
 *   exclusive DTEND (the day after the last day, §3.6.1);
 * - TEXT values are escaped (§3.3.11) and lines folded at 75 octets without
 *   splitting a UTF-8 character (§3.1), joined with CRLF.
 */
import { config } from "@/lib/config";
import { dayKey } from "@/lib/dates";

export type IcalItem = {
  /** Globally unique and stable across downloads: see icalUid(). */
  uid: string;
  title: string;
  description: string;
  location: string;
  /** Absolute URL of the public page. */
  url: string;
  startsAt: number;
  /**
   * For timed items the end instant. For all-day items any instant on the
   * last day or the midnight after it (exclusive end): both give the same DTEND.
   */
  endsAt: number;
  allDay: boolean;
  cancelled: boolean;
  /** Bumped on every change so clients replace their copy (optional). */
  sequence?: number;
  /** Epoch ms of the last change (optional): LAST-MODIFIED. */
  updatedAt?: number;
};

export type IcalOptions = {
  /** Calendar name shown by subscribing clients (X-WR-CALNAME). */
  name: string;
  /** DTSTAMP; defaults to now. */
  now?: number;
};

const CRLF = "\r\n";
const MAX_OCTETS = 75;

/** `event-12@news.example.ac.uk`: stable per row, unique per site. */
export function icalUid(kind: string, id: number | string): string {
  return `${kind}-${id}@${new URL(config().siteUrl).hostname}`;
}

/** Escapes a TEXT value: backslash first, then `;` `,` and every newline form. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/**
 * Folds one content line so that no physical line exceeds 75 octets
 * (continuations start with one space, which counts). Splits between code
 * points, never inside a multi-byte UTF-8 sequence.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

/** 20270328T090000Z */
export function utcStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/** "2027-03-28" → "20270329": calendar arithmetic, independent of any time zone. */
function nextDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  const next = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + 1));
  return next.toISOString().slice(0, 10).replace(/-/g, "");
}

function allDayBounds(startsAt: number, endsAt: number): { start: string; end: string } {
  const { timeZone } = config();
  const first = dayKey(startsAt, timeZone);
  // endsAt - 1 turns an exclusive midnight end into the last day itself.
  const lastCandidate = dayKey(Math.max(startsAt, endsAt - 1), timeZone);
  const last = lastCandidate < first ? first : lastCandidate;
  return { start: first.replace(/-/g, ""), end: nextDay(last) };
}

function eventLines(item: IcalItem, dtstamp: string): string[] {
  const lines = ["BEGIN:VEVENT", `UID:${escapeText(item.uid)}`, `DTSTAMP:${dtstamp}`];
  if (item.allDay) {
    const { start, end } = allDayBounds(item.startsAt, item.endsAt);
    lines.push(`DTSTART;VALUE=DATE:${start}`, `DTEND;VALUE=DATE:${end}`);
  } else {
    lines.push(`DTSTART:${utcStamp(item.startsAt)}`, `DTEND:${utcStamp(Math.max(item.startsAt, item.endsAt))}`);
  }
  lines.push(`SUMMARY:${escapeText(item.title)}`);
  if (item.description) lines.push(`DESCRIPTION:${escapeText(item.description)}`);
  if (item.location) lines.push(`LOCATION:${escapeText(item.location)}`);
  // URL is a URI value, not TEXT: no escaping, but never a raw line break.
  if (item.url) lines.push(`URL:${item.url.replace(/[\r\n]/g, "")}`);
  lines.push(`STATUS:${item.cancelled ? "CANCELLED" : "CONFIRMED"}`);
  if (item.sequence !== undefined) lines.push(`SEQUENCE:${Math.max(0, Math.trunc(item.sequence))}`);
  if (item.updatedAt !== undefined) lines.push(`LAST-MODIFIED:${utcStamp(item.updatedAt)}`);
  lines.push("END:VEVENT");
  return lines;
}

/** The whole VCALENDAR as a string with CRLF line ends (including the last line). */
export function toICalendar(items: IcalItem[], options: IcalOptions): string {
  const { siteName, timeZone } = config();
  const dtstamp = utcStamp(options.now ?? Date.now());
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:-//${escapeText(siteName)}//Newsroom//EN`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(options.name)}`,
    `X-WR-TIMEZONE:${timeZone}`,
    ...items.flatMap((item) => eventLines(item, dtstamp)),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** A safe file name for Content-Disposition: `open-day-2027.ics`. */
export function icsFileName(base: string): string {
  const safe = base.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "") || "calendar";
  return `${safe}.ics`;
}

/** The Response every .ics route returns. */
export function icsResponse(body: string, fileName: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${icsFileName(fileName.replace(/\.ics$/, ""))}"`,
      "Cache-Control": "public, max-age=60",
    },
  });
}
