/**
 * npm run test:pg: the whole Jest suite on PostgreSQL. Uses TEST_DATABASE_URL
 * when set (a server you run; the tests create and drop their own databases
 * on it), otherwise starts a throwaway server (scripts/lib/postgres.ts) and
 * stops it afterwards. Extra arguments go to jest.
 */
import { spawnSync } from "node:child_process";
import { startPostgres } from "./lib/postgres";

async function main(): Promise<number> {
  const own = process.env.TEST_DATABASE_URL ? null : await startPostgres();
  const url = process.env.TEST_DATABASE_URL ?? own!.url;
  try {
    const jest = spawnSync(process.execPath, ["node_modules/jest/bin/jest.js", ...process.argv.slice(2)], {
      stdio: "inherit",
      env: { ...process.env, TEST_DATABASE_URL: url },
    });
    return jest.status ?? 1;
  } finally {
    own?.stop();
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
