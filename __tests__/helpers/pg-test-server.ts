/**
 * The PostgreSQL side of the test set-up (npm run test:pg): names shared by
 * global set-up, teardown and helpers/db.ts. Each run has its own stamp
 * (set by global set-up, inherited by the workers), so two runs on one
 * server never touch each other's databases.
 */
export const RUN_PREFIX = "newsroom_test_";

export function runStamp(): string {
  return process.env.NEWSROOM_TEST_RUN ?? "local";
}

/** The migrated database every test file of this run clones. */
export function templateDatabase(): string {
  return `${RUN_PREFIX}${runStamp()}_template`;
}

/** A test file's own database. */
export function fileDatabase(): string {
  return `${RUN_PREFIX}${runStamp()}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
}

/** TEST_DATABASE_URL (the server's maintenance database) with another database name. */
export function databaseUrl(name: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}
