import { SESSION_ROWS } from "@/lib/validation/open-day";
import { toLocalDateTimeInput } from "@/lib/dates";
import { config } from "@/lib/config";

/** A saved open day as the flat values the editor form starts from (times in the site zone). */
export function openDayFormValues(day: {
  title: string;
  slug: string;
  level: string;
  campus: string;
  summary: string;
  travelInfo: string;
  subjects: string[];
  startsAt: number;
  endsAt: number;
  capacity: number;
  status: string;
  version: number;
  sessions: { id: number; title: string; description: string; room: string; startsAt: number; endsAt: number; capacity: number | null }[];
}): Record<string, string> {
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
