/**
 * npm run test:pg: the whole Jest suite on PostgreSQL. Uses TEST_DATABASE_URL
 * when set (a server you run; the tests create and drop their own databases
 * on it), otherwise starts a throwaway server (scripts/lib/postgres.ts) and
 * stops it afterwards, also on Ctrl-C. Extra arguments go to jest.
 */
import { spawn } from "node:child_process";
import { stopChild, stopOnSignal } from "./lib/child";
import { startPostgres } from "./lib/postgres";

async function main(): Promise<number> {
  const arm = stopOnSignal();
  const own = process.env.TEST_DATABASE_URL ? null : await startPostgres();
  if (own) arm(own.stop);
  const url = process.env.TEST_DATABASE_URL ?? own!.url;
  try {
    const jest = spawn(process.execPath, ["node_modules/jest/bin/jest.js", ...process.argv.slice(2)], {
      stdio: "inherit",
      env: { ...process.env, TEST_DATABASE_URL: url },
    });
    // Armed after the server, so stopped before it: jest first, then PostgreSQL.
    arm(() => stopChild(jest, "SIGTERM", 10_000));
    return await new Promise<number>((resolve) => jest.once("exit", (code) => resolve(code ?? 1)));
  } finally {
    own?.stop();
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
