import path from "node:path";

/**
 * Where the SQLite file lives, from DATA_DIR and DATABASE_PATH. Kept in db/
 * so the client needs nothing from lib/ (db/ never imports upward);
 * lib/config.ts reports the same value after validating the environment.
 */
export function databasePathFrom(env: Record<string, string | undefined>): string {
  const dataDir = path.resolve(env.DATA_DIR || "data");
  const file = env.DATABASE_PATH;
  if (file === ":memory:") return ":memory:";
  return file ? path.resolve(file) : path.join(dataDir, "newsroom.db");
}
