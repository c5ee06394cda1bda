/**
 * Run by finder.test.ts in a child process with a given TZ: builds the same
 * open days in an empty database (SQLite: in memory; PostgreSQL: the test
 * file's, which the test empties first) and prints what the finder and the
 * date formatter produce, so the test can compare two server zones.
 */
import { closeDatabase, getDb, isPg, openDatabase, setDb } from "@/db/client";
import { createOpenDay } from "@/__tests__/factories";
import { formatDayDate, formatTime, parseLocalDateTime } from "@/lib/dates";
import { findOpenDays, monthRange } from "@/lib/open-days/public";
import { tomorrowRange } from "@/lib/open-days/jobs";

async function main() {
  if (!isPg) setDb(openDatabase(":memory:"));
  const at = (local: string) => parseLocalDateTime(local)!;
  const now = at("2031-01-01T12:00");
  for (const local of ["2031-02-28T23:30", "2031-03-01T00:30", "2031-03-31T23:59", "2031-04-01T00:00", "2031-10-26T01:30"]) {
    await createOpenDay({ startsAt: at(local), slug: `day-${local.replace(/[^0-9]/g, "")}` });
  }
  const out: unknown[] = [new Date(0).getTimezoneOffset()];
  for (const month of ["2031-02", "2031-03", "2031-04", "2031-10"]) {
    const days = await findOpenDays({ month }, now);
    out.push([month, monthRange(month), days.map((d) => [d.slug, d.startsAt, formatDayDate(d.startsAt), formatTime(d.startsAt)])]);
  }
  out.push(tomorrowRange(at("2031-03-29T23:30")), tomorrowRange(at("2031-10-25T08:00")));
  process.stdout.write(JSON.stringify(out));
  await closeDatabase(getDb());
}

void main();
