/** `npm run db:migrate`: applies pending migrations to the configured database (SQLite file or PostgreSQL). */
import { closeDatabase, databaseLabel, openConfigured } from "@/db/client";
import { config } from "@/lib/config";

async function main(): Promise<void> {
  const { databasePath } = config();
  await closeDatabase(await openConfigured(databasePath));
  console.log(`Database at ${databaseLabel(databasePath)} is up to date.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
