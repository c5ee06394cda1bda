import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { isPg, openDatabase, setDb } from "@/db/client";
import { registrations } from "@/db/schema";
import { createOpenDay } from "@/__tests__/factories";
import { childDatabaseEnv } from "@/__tests__/helpers/child-env";
import { freshDb } from "@/__tests__/helpers/db";

const run = promisify(execFile);

/**
 * The capacity race across processes: five separate Node processes share one
 * database (as several server instances would: one SQLite file, or the test
 * file's PostgreSQL database) and each fires ten registrations at once for a
 * day with ten places.
 */
test("50 registrations from 5 processes for 10 places: exactly 10 confirmed, 40 waiting, none lost", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "open-days-race-"));
  const file = path.join(dir, "race.db");
  const db = isPg ? await freshDb() : openDatabase(file);
  setDb(db);
  const childEnv = await childDatabaseEnv(db);
  const day = await createOpenDay({ capacity: 10, sessions: [] });
  const root = path.join(__dirname, "..", "..");
  try {
    const outputs = await Promise.all(
      Array.from({ length: 5 }, (_, worker) =>
        run(process.execPath, ["--require", path.join(__dirname, "scripts", "stub-server-only.cjs"), "--import", "tsx", path.join(__dirname, "scripts", "race-worker.ts"), String(day.id), String(worker), "10"], {
          cwd: root,
          env: { ...process.env, NODE_ENV: "test", DATABASE_PATH: file, DATA_DIR: dir, ...childEnv },
        }),
      ),
    );
    const outcomes = outputs.flatMap((o) => JSON.parse(o.stdout) as string[]);
    expect(outcomes).toHaveLength(50);
    expect(outcomes.filter((o) => o === "confirmed")).toHaveLength(10);
    expect(outcomes.filter((o) => o === "waitlisted")).toHaveLength(40);
    const rows = await db.select().from(registrations);
    expect(rows).toHaveLength(50);
    expect(new Set(rows.map((r) => r.email)).size).toBe(50);
    expect(rows.filter((r) => r.status === "confirmed").reduce((n, r) => n + 1 + r.guests, 0)).toBe(10);
  } finally {
    // PostgreSQL: the file's database is closed and dropped after the file (helpers/db.ts).
    if (!isPg) {
      db.$client.close();
      setDb(undefined);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
