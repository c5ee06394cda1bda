import { Pool } from "pg";
import { RUN_PREFIX, runStamp } from "./pg-test-server";

/** jest global teardown when TEST_DATABASE_URL is set: drops this run's template and any file database a crashed worker left. */
export default async function globalTeardown(): Promise<void> {
  const admin = new Pool({ connectionString: process.env.TEST_DATABASE_URL, max: 1 });
  try {
    const mine = await admin.query<{ name: string }>("select datname as name from pg_database where datname like $1", [`${RUN_PREFIX}${runStamp()}\\_%`]);
    for (const { name } of mine.rows) await admin.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end();
  }
}
