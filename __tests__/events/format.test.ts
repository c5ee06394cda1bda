/**
 * Run under TZ=UTC and TZ=America/New_York: the expected strings are
 * literals, so identical output in both is what passing means.
 */
import { parseLocalDateTime } from "@/lib/dates";
import { formatEventSpan, formatEventTimes, isOnNow, lastDayKey } from "@/lib/events/format";

const at = (local: string) => {
  const ms = parseLocalDateTime(local);
  if (ms === null) throw new Error(`bad test date ${local}`);
  return ms;
};

describe("formatEventSpan (site zone Europe/London)", () => {
  it("one-day timed event", () => {
    expect(formatEventSpan({ startsAt: at("2026-03-03T18:00"), endsAt: at("2026-03-03T19:30"), allDay: false })).toBe("Tuesday 3rd March 2026, 6pm to 7.30pm");
  });

  it("one-day all-day event", () => {
    expect(formatEventSpan({ startsAt: at("2026-03-03"), endsAt: at("2026-03-04"), allDay: true })).toBe("Tuesday 3rd March 2026, all day");
  });

  it("multi-day all-day event (exclusive end at midnight after the last day)", () => {
    expect(formatEventSpan({ startsAt: at("2026-03-03"), endsAt: at("2026-03-06"), allDay: true })).toBe("3rd March 2026 to 5th March 2026");
    expect(lastDayKey({ startsAt: at("2026-03-03"), endsAt: at("2026-03-06"), allDay: true })).toBe("2026-03-05");
  });

  it("multi-day timed event, with its opening and closing times given separately", () => {
    const event = { startsAt: at("2026-03-03T10:00"), endsAt: at("2026-03-05T17:00"), allDay: false };
    expect(formatEventSpan(event)).toBe("3rd March 2026 to 5th March 2026");
    expect(formatEventTimes(event)).toBe("Opens 3rd March 2026, 10am; closes 5th March 2026, 5pm");
    expect(formatEventTimes({ startsAt: at("2026-03-03T10:00"), endsAt: at("2026-03-03T17:00"), allDay: false })).toBeNull();
  });

  it("uses the site's day, not the server's, just after midnight in summer time", () => {
    // 00:30 BST on 2nd July is 23:30 UTC on 1st July and 19:30 in New York.
    expect(formatEventSpan({ startsAt: at("2026-07-02T00:30"), endsAt: at("2026-07-02T02:00"), allDay: false })).toBe("Thursday 2nd July 2026, 12.30am to 2am");
  });

  it("a day on which the clocks go forward", () => {
    expect(formatEventSpan({ startsAt: at("2027-03-28T10:00"), endsAt: at("2027-03-28T17:00"), allDay: false })).toBe("Sunday 28th March 2027, 10am to 5pm");
    expect(formatEventSpan({ startsAt: at("2027-03-28"), endsAt: at("2027-04-01"), allDay: true })).toBe("28th March 2027 to 31st March 2027");
  });

  it("on now: started and not ended", () => {
    const now = Date.now();
    expect(isOnNow({ startsAt: now - 86_400_000, endsAt: now + 86_400_000, allDay: false }, now)).toBe(true);
    expect(isOnNow({ startsAt: now + 1000, endsAt: now + 86_400_000, allDay: false }, now)).toBe(false);
    expect(isOnNow({ startsAt: now - 2000, endsAt: now - 1000, allDay: false }, now)).toBe(false);
  });
});
