/**
 * One of several processes started by race.test.ts: each registers COUNT
 * people for the same open day in the same database at the same moment.
 */
import { closeDatabase, getDb } from "@/db/client";
import { register } from "@/lib/open-days/registrations";

async function main() {
  const [dayId, worker, count] = process.argv.slice(2).map(Number) as [number, number, number];
  const results = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      register(
        { openDayId: dayId, name: `W${worker} P${i}`, email: `w${worker}-p${i}@example.com`, level: "undergraduate", subject: "", guests: 0, sessionIds: [], accessNeeds: "", consent: "on", website: "" },
        { ip: `10.${worker}.0.${i}` },
      ).then((r) => r.outcome),
    ),
  );
  process.stdout.write(JSON.stringify(results));
  await closeDatabase(getDb());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
