import path from "node:path";

/**
 * Where the SQLite file lives, from DATA_DIR and DATABASE_PATH. Kept in db/
 * so the client needs nothing from lib/ (db/ never imports upward);
 * lib/config.ts reports the same value after validating the environment.
 */
export function databasePathFrom(env: Record<string, string | undefined>): string {
  // turbopackIgnore: a run-time folder, not a source path to trace into the build.
  const dataDir = path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR || "data");
  const file = env.DATABASE_PATH;
  if (file === ":memory:") return ":memory:";
  return file ? path.resolve(/*turbopackIgnore: true*/ file) : path.join(/*turbopackIgnore: true*/ dataDir, "newsroom.db");
}
