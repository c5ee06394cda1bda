import type { OpenDay, OpenDaySession } from "@/db/schema";
import { config } from "@/lib/config";
import { toLocalDateTimeInput } from "@/lib/dates";
import { SESSION_ROWS } from "./schema";

type SavedDay = Pick<OpenDay, "title" | "slug" | "level" | "campus" | "summary" | "travelInfo" | "subjects" | "startsAt" | "endsAt" | "capacity" | "status" | "version"> & {
  sessions: Pick<OpenDaySession, "id" | "title" | "description" | "room" | "startsAt" | "endsAt" | "capacity">[];
};

/** A saved open day as the flat values the editor form starts from (times in the site zone). */
export function openDayFormValues(day: SavedDay): Record<string, string> {
  const time = (ms: number) => toLocalDateTimeInput(ms, config().timeZone).slice(11);
  const out: Record<string, string> = {
    title: day.title,
    slug: day.slug,
    level: day.level,
    campus: day.campus,
    summary: day.summary,
    travelInfo: day.travelInfo,
    subjects: day.subjects.join(", "),
    startsAt: toLocalDateTimeInput(day.startsAt),
    endsAt: toLocalDateTimeInput(day.endsAt),
    capacity: String(day.capacity),
    status: day.status,
    version: String(day.version),
  };
  day.sessions.slice(0, SESSION_ROWS).forEach((s, i) => {
    Object.assign(out, {
      [`sessions.${i}.id`]: String(s.id),
      [`sessions.${i}.title`]: s.title,
      [`sessions.${i}.description`]: s.description,
      [`sessions.${i}.room`]: s.room,
      [`sessions.${i}.start`]: time(s.startsAt),
      [`sessions.${i}.end`]: time(s.endsAt),
      [`sessions.${i}.capacity`]: s.capacity === null ? "" : String(s.capacity),
    });
  });
  return out;
}
