import { execFileSync } from "node:child_process";
import path from "node:path";
import { createOpenDay } from "@/__tests__/factories";
import { childDatabaseEnv } from "@/__tests__/helpers/child-env";
import { freshDb } from "@/__tests__/helpers/db";
import { parseLocalDateTime } from "@/lib/dates";
import { findOpenDays, getOpenDayBySlug, listCampuses, listSubjects } from "@/lib/open-days/public";
import { register } from "@/lib/open-days/registrations";
import { nextIp, regInput } from "./helpers";

const at = (local: string) => parseLocalDateTime(local)!;
// A fixed "now" so month boundaries are deterministic: 1st January 2031, noon in the site zone.
const NOW = at("2031-01-01T12:00");

let ids: Record<string, number> = {};
beforeAll(async () => {
  await freshDb();
  const mk = async (key: string, o: Parameters<typeof createOpenDay>[0]) => (ids[key] = (await createOpenDay({ slug: `t-${key}`, ...o })).id);
  await mk("ugCityMarHist", { startsAt: at("2031-03-01T00:30"), level: "undergraduate", campus: "City campus", subjects: ["History", "Law"] });
  await mk("ugParkFebCs", { startsAt: at("2031-02-28T23:30"), level: "undergraduate", campus: "Park campus", subjects: ["Computer Science"] });
  await mk("pgCityMarCs", { startsAt: at("2031-03-15T10:00"), level: "postgraduate", campus: "City campus", subjects: ["Computer Science", "History"] });
  await mk("pgParkAprLaw", { startsAt: at("2031-04-02T10:00"), level: "postgraduate", campus: "Park campus", subjects: ["Law"], capacity: 2 });
  // Never offered: closed, draft, cancelled, already started.
  await mk("closed", { startsAt: at("2031-03-10T10:00"), status: "closed" });
  await mk("draft", { startsAt: at("2031-03-10T10:00"), status: "draft" });
  await mk("cancelled", { startsAt: at("2031-03-10T10:00"), status: "cancelled" });
  await mk("past", { startsAt: at("2030-12-31T10:00") });
  ids = { ...ids };
  await register(regInput(ids.pgParkAprLaw!, { guests: 1 }), { ip: nextIp(), now: NOW });
});

const find = async (f: Parameters<typeof findOpenDays>[0]) => (await findOpenDays(f, NOW)).map((d) => Object.entries(ids).find(([, id]) => id === d.id)![0]);

test.each([
  [{}, ["ugParkFebCs", "ugCityMarHist", "pgCityMarCs", "pgParkAprLaw"]],
  [{ level: "undergraduate" }, ["ugParkFebCs", "ugCityMarHist"]],
  [{ level: "postgraduate", campus: "City campus" }, ["pgCityMarCs"]],
  [{ campus: "park campus" }, ["ugParkFebCs", "pgParkAprLaw"]],
  [{ subject: "History" }, ["ugCityMarHist", "pgCityMarCs"]],
  [{ subject: "Law", level: "postgraduate" }, ["pgParkAprLaw"]],
  [{ month: "2031-03" }, ["ugCityMarHist", "pgCityMarCs"]],
  [{ month: "2031-02" }, ["ugParkFebCs"]],
  [{ month: "2031-03", subject: "Computer Science", level: "postgraduate", campus: "City campus" }, ["pgCityMarCs"]],
  [{ month: "2031-03", level: "undergraduate", campus: "Park campus" }, []],
  [{ level: "nonsense", month: "March" }, ["ugParkFebCs", "ugCityMarHist", "pgCityMarCs", "pgParkAprLaw"]],
])("filters %j → %j", async (filters, expected) => {
  expect(await find(filters)).toEqual(expected);
});

test("cards carry places left and the full flag", async () => {
  const [pg] = await findOpenDays({ subject: "Law", level: "postgraduate" }, NOW);
  expect(pg).toMatchObject({ capacity: 2, placesLeft: 0, full: true });
  const detail = await getOpenDayBySlug(pg!.slug, NOW);
  expect(detail).toMatchObject({ placesLeft: 0, full: true, bookable: true });
});

test("closed and past days are shown on their own page but not bookable; drafts are hidden", async () => {
  expect(await getOpenDayBySlug("t-closed", NOW)).toMatchObject({ status: "closed", bookable: false });
  expect(await getOpenDayBySlug("t-past", NOW)).toMatchObject({ bookable: false });
  expect(await getOpenDayBySlug("t-draft", NOW)).toBeNull();
  expect(await getOpenDayBySlug("t-ugCityMarHist", NOW)).toMatchObject({ bookable: true });
});

test("filter options come from the days on offer only", async () => {
  expect(await listCampuses(NOW)).toEqual(["City campus", "Park campus"]);
  expect(await listSubjects(NOW)).toEqual(["Computer Science", "History", "Law"]);
});

test("the output is the same under TZ=UTC and TZ=America/New_York (the site zone is what counts)", async () => {
  const run = async (tz: string) => {
    // Each child builds its days in an empty database: its own in-memory SQLite one, or this file's PostgreSQL one, emptied.
    const db = await freshDb();
    const out = execFileSync(process.execPath, ["--require", path.join(__dirname, "scripts", "stub-server-only.cjs"), "--import", "tsx", path.join(__dirname, "scripts", "tz-snapshot.ts")], {
      cwd: path.join(__dirname, "..", ".."),
      env: { ...process.env, TZ: tz, NODE_ENV: "test", DATABASE_PATH: ":memory:", ...(await childDatabaseEnv(db)) },
      encoding: "utf8",
    });
    const [offset, ...rest] = JSON.parse(out) as unknown[];
    return { offset, rest: JSON.stringify(rest) };
  };
  const utc = await run("UTC");
  const ny = await run("America/New_York");
  expect([utc.offset, ny.offset]).toEqual([0, 300]); // the zones really differed
  expect(ny.rest).toBe(utc.rest);
  expect(utc.rest).toContain("Saturday 1st March 2031");
  expect(utc.rest).toContain("12.30am");
  expect(utc.rest).toContain("Friday 28th February 2031");
}, 60_000);
