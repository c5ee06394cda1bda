import { Pool } from "pg";
import { migratePostgres } from "../../db/migrate-pg";
import { RUN_PREFIX, databaseUrl, templateDatabase } from "./pg-test-server";

/** A run's databases left behind (a killed run) are dropped by a later run once this old. */
const LEFTOVER_AGE_MS = 6 * 3600_000;

/**
 * jest global set-up when TEST_DATABASE_URL is set: stamps this run, drops
 * what runs killed long ago left behind (never a run still going), and
 * builds the migrated template every test file clones.
 */
export default async function globalSetup(): Promise<void> {
  process.env.NEWSROOM_TEST_RUN = Date.now().toString(36);
  const admin = new Pool({ connectionString: process.env.TEST_DATABASE_URL, max: 1 });
  try {
    const left = await admin.query<{ name: string }>("select datname as name from pg_database where datname like $1", [`${RUN_PREFIX}%`]);
    for (const { name } of left.rows) {
      const stamp = parseInt(name.slice(RUN_PREFIX.length).split("_")[0] ?? "", 36);
      if (Number.isFinite(stamp) && Date.now() - stamp > LEFTOVER_AGE_MS) await admin.query(`drop database if exists "${name}" with (force)`);
    }
    await admin.query(`create database "${templateDatabase()}"`);
  } finally {
    await admin.end();
  }
  const template = new Pool({ connectionString: databaseUrl(templateDatabase()), max: 1 });
  try {
    await migratePostgres(template);
  } finally {
    await template.end();
  }
}
