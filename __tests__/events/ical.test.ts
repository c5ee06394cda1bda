/**
 * The iCalendar writer checked by a real parser (node-ical). Run under
 * TZ=UTC and TZ=America/New_York: the results must not depend on the server.
 */
import { parseLocalDateTime } from "@/lib/dates";
import { foldLine, icalUid, toICalendar, type IcalItem } from "@/lib/ical";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ical = require("node-ical") as { sync: { parseICS: (text: string) => Record<string, Record<string, unknown>> } };

type ParsedEvent = { type: string; uid: string; summary: string; description?: string; location?: string; status?: string; start: Date & { dateOnly?: boolean }; end: Date & { dateOnly?: boolean }; url?: unknown };

const at = (local: string) => {
  const ms = parseLocalDateTime(local);
  if (ms === null) throw new Error(`bad test date ${local}`);
  return ms;
};

function item(overrides: Partial<IcalItem> = {}): IcalItem {
  return {
    uid: icalUid("event", 7),
    title: "Public lecture",
    description: "A talk.",
    location: "Great Hall, City campus",
    url: "http://localhost:3000/events/public-lecture",
    startsAt: at("2026-03-03T18:00"),
    endsAt: at("2026-03-03T19:30"),
    allDay: false,
    cancelled: false,
    ...overrides,
  };
}

function parse(text: string): ParsedEvent[] {
  return Object.values(ical.sync.parseICS(text)).filter((c) => c.type === "VEVENT") as unknown as ParsedEvent[];
}

function only(text: string): ParsedEvent {
  const events = parse(text);
  expect(events).toHaveLength(1);
  return events[0]!;
}

/** Local calendar date of a node-ical date-only value (it builds them at local midnight). */
const localDate = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;

describe("toICalendar", () => {
  it("writes a valid calendar with the required properties", () => {
    const text = toICalendar([item()], { name: "Harrowgate events", now: Date.UTC(2026, 0, 2, 3, 4, 5) });
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of ["VERSION:2.0", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:Harrowgate events", "DTSTAMP:20260102T030405Z", "UID:event-7@localhost"]) {
      expect(text.split("\r\n")).toContain(line);
    }
    expect(text).toMatch(/^PRODID:.+$/m);
  });

  it("a timed event: UTC start and end that a parser reads back exactly", () => {
    const text = toICalendar([item()], { name: "x" });
    expect(text).toContain("DTSTART:20260303T180000Z\r\n");
    const event = only(text);
    expect(event.uid).toBe("event-7@localhost");
    expect(event.start.getTime()).toBe(Date.UTC(2026, 2, 3, 18, 0));
    expect(event.end.getTime()).toBe(Date.UTC(2026, 2, 3, 19, 30));
    expect(event.summary).toBe("Public lecture");
    expect(event.location).toBe("Great Hall, City campus");
    expect(event.status).toBe("CONFIRMED");
    expect(String(event.url)).toContain("/events/public-lecture");
  });

  it("an all-day multi-day event: VALUE=DATE days with DTEND the day after the last day", () => {
    // Stored as local midnight of the first day to local midnight after the last (28th–31st).
    const text = toICalendar([item({ allDay: true, startsAt: at("2027-03-28"), endsAt: at("2027-04-01") })], { name: "x" });
    expect(text).toContain("DTSTART;VALUE=DATE:20270328\r\n");
    expect(text).toContain("DTEND;VALUE=DATE:20270401\r\n");
    const event = only(text);
    expect(event.start.dateOnly).toBe(true);
    expect(localDate(event.start)).toBe("2027-03-28");
    expect(localDate(event.end)).toBe("2027-04-01");
  });

  it("an all-day event whose end is given as a time on the last day gives the same exclusive DTEND", () => {
    const text = toICalendar([item({ allDay: true, startsAt: at("2026-03-03"), endsAt: at("2026-03-05T23:59") })], { name: "x" });
    expect(text).toContain("DTEND;VALUE=DATE:20260306\r\n");
    const single = toICalendar([item({ allDay: true, startsAt: at("2026-03-03"), endsAt: at("2026-03-04") })], { name: "x" });
    expect(single).toContain("DTSTART;VALUE=DATE:20260303\r\n");
    expect(single).toContain("DTEND;VALUE=DATE:20260304\r\n");
  });

  it("a timed event across the clocks going forward (28th to 31st March 2027, Europe/London)", () => {
    // 00:30 on the 28th is still GMT (the change is at 01:00); 5pm on the 31st is BST (16:00 UTC).
    const event = only(toICalendar([item({ startsAt: at("2027-03-28T00:30"), endsAt: at("2027-03-31T17:00") })], { name: "x" }));
    expect(event.start.getTime()).toBe(Date.UTC(2027, 2, 28, 0, 30));
    expect(event.end.getTime()).toBe(Date.UTC(2027, 2, 31, 16, 0));
    expect(event.end.getTime() - event.start.getTime()).toBe((3 * 24 + 15.5) * 3_600_000);
  });

  it("escapes backslashes, semicolons, commas and newlines in text", () => {
    const title = String.raw`Maths, music; and C:\Temp`;
    const description = "Line one\nLine two\r\nLine three, with; all\\ of them";
    const text = toICalendar([item({ title, description, location: "Room 1; Block B, North" })], { name: "a, b; c" });
    expect(text).toContain(String.raw`SUMMARY:Maths\, music\; and C:\\Temp`);
    expect(text).toContain("X-WR-CALNAME:a\\, b\\; c");
    const event = only(text);
    expect(event.summary).toBe(title);
    expect(event.description).toBe("Line one\nLine two\nLine three, with; all\\ of them");
    expect(event.location).toBe("Room 1; Block B, North");
  });

  it("folds long lines at 75 octets without splitting a UTF-8 character", () => {
    const description = "Café résumé 🎓 naïve — ".repeat(40);
    const text = toICalendar([item({ description })], { name: "x" });
    const lines = text.split("\r\n");
    expect(lines.length).toBeGreaterThan(20);
    for (const line of lines) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    // No line break inside a character: every physical line is valid UTF-8 on its own.
    for (const line of lines) expect(Buffer.from(line, "utf8").toString("utf8")).toBe(line);
    expect(lines.filter((l) => l.startsWith(" ")).length).toBeGreaterThan(10);
    expect(only(text).description).toBe(description);
  });

  it("foldLine leaves short lines alone and continues long ones with one space", () => {
    expect(foldLine("SUMMARY:short")).toBe("SUMMARY:short");
    const folded = foldLine(`DESCRIPTION:${"x".repeat(200)}`).split("\r\n");
    expect(folded[0]).toHaveLength(75);
    expect(folded.slice(1).every((l) => l.startsWith(" ") && l.length <= 75)).toBe(true);
    expect(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join("")).toBe(`DESCRIPTION:${"x".repeat(200)}`);
  });

  it("a cancelled event says STATUS:CANCELLED", () => {
    const text = toICalendar([item({ cancelled: true })], { name: "x" });
    expect(text).toContain("STATUS:CANCELLED\r\n");
    expect(only(text).status).toBe("CANCELLED");
  });

  it("several events keep their own stable UIDs", () => {
    const text = toICalendar([item({ uid: icalUid("event", 1) }), item({ uid: icalUid("open-day", 1) })], { name: "x" });
    expect(parse(text).map((e) => e.uid).sort()).toEqual(["event-1@localhost", "open-day-1@localhost"]);
    expect(toICalendar([item({ uid: icalUid("event", 1) })], { name: "x" })).toContain("UID:event-1@localhost");
  });
});
