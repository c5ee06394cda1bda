/**
 * A schema change is made once, in db/schema.ts, and `npm run db:generate`
 * writes a migration for each database (docs/decisions/0011). This fails
 * when either committed migrations folder is behind the schema: drizzle-kit
 * generates into a copy of the folder and must find nothing to add.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const cases = [
  { name: "SQLite", folder: "db/migrations", config: "drizzle.config.ts" },
  { name: "PostgreSQL", folder: "db/migrations-pg", config: "drizzle.pg.config.ts" },
];

describe.each(cases)("the committed $name migrations", ({ folder, config }) => {
  it("match db/schema.ts", () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), "newsroom-drift-"));
    try {
      fs.cpSync(folder, copy, { recursive: true });
      const before = fs.readdirSync(copy).sort();
      // drizzle-kit takes the output folder relative to the project.
      const env: NodeJS.ProcessEnv = { ...process.env, DRIZZLE_OUT: path.relative(process.cwd(), copy) };
      delete env.DATABASE_URL;
      const result = spawnSync(process.execPath, ["node_modules/drizzle-kit/bin.cjs", "generate", "--config", config], { env, encoding: "utf8", timeout: 60_000 });
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/No schema changes/);
      expect(fs.readdirSync(copy).sort()).toEqual(before);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  }, 60_000);
});
