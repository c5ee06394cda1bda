/** `npm run db:migrate`: applies pending migrations to the configured database. */
import { openDatabase } from "@/db/client";
import { config } from "@/lib/config";

const { databasePath } = config();
const db = openDatabase(databasePath);
db.$client.close();
console.log(`Database at ${databasePath} is up to date.`);
