import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { openDatabase, setDb } from "@/db/client";
import { registrations } from "@/db/schema";
import { createOpenDay } from "@/__tests__/factories";

const run = promisify(execFile);

/**
 * The capacity race across processes: five separate Node processes share one
 * SQLite file (as several server instances would) and each fires ten
 * registrations at once for a day with ten places.
 */
test("50 registrations from 5 processes for 10 places: exactly 10 confirmed, 40 waiting, none lost", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "open-days-race-"));
  const file = path.join(dir, "race.db");
  const db = openDatabase(file);
  setDb(db);
  const day = createOpenDay({ capacity: 10, sessions: [] });
  const root = path.join(__dirname, "..", "..");
  try {
    const outputs = await Promise.all(
      Array.from({ length: 5 }, (_, worker) =>
        run(process.execPath, ["--require", path.join(__dirname, "scripts", "stub-server-only.cjs"), "--import", "tsx", path.join(__dirname, "scripts", "race-worker.ts"), String(day.id), String(worker), "10"], {
          cwd: root,
          env: { ...process.env, NODE_ENV: "test", DATABASE_PATH: file, DATA_DIR: dir },
        }),
      ),
    );
    const outcomes = outputs.flatMap((o) => JSON.parse(o.stdout) as string[]);
    expect(outcomes).toHaveLength(50);
    expect(outcomes.filter((o) => o === "confirmed")).toHaveLength(10);
    expect(outcomes.filter((o) => o === "waitlisted")).toHaveLength(40);
    const rows = db.select().from(registrations).all();
    expect(rows).toHaveLength(50);
    expect(new Set(rows.map((r) => r.email)).size).toBe(50);
    expect(rows.filter((r) => r.status === "confirmed").reduce((n, r) => n + 1 + r.guests, 0)).toBe(10);
  } finally {
    db.$client.close();
    setDb(undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
