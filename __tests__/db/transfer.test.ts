/**
 * db:export / db:import (issue 10): a SQLite newsroom (the demo content plus
 * 10,000 synthetic stories, made by the real scripts in child processes)
 * moves into this run's database (PostgreSQL under npm run test:pg) with
 * every row, revision and upload intact; a bad folder or a target that has
 * data changes nothing.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, sql } from "drizzle-orm";
import { getDb, isPg, openDatabase, readSnapshot, rows, transaction, type DB } from "@/db/client";
import { auditLog, stories, storyRevisions, users } from "@/db/schema";
import { exportDatabase, importDatabase, tablesInOrder } from "@/db/transfer";
import { freshDb } from "../helpers/db";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "newsroom-transfer-"));
const exported = path.join(work, "export");
const sourceUploads = path.join(work, "uploads-source");

/** Runs one of the project's scripts on the SQLite file in `work`, whatever database this test run uses. */
function runScript(args: string[]): string {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_PATH: path.join(work, "source.db"), UPLOADS_DIR: sourceUploads, SEED_PASSWORD: "transfer-test-password" };
  delete env.DATABASE_URL;
  delete env.TEST_DATABASE_URL;
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", ...args], { env, encoding: "utf8", timeout: 180_000 });
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Every table's rows, keyed the way the export orders them (JSON objects compared by value, not key order). */
function rowsOf(folder: string): Record<string, unknown[]> {
  return Object.fromEntries(
    tablesInOrder().map(({ name }) => {
      const file = path.join(folder, `${name}.ndjson`);
      const lines = fs.existsSync(file) ? fs.readFileSync(file, "utf8").split("\n").filter(Boolean) : [];
      return [name, lines.map((line) => JSON.parse(line) as unknown)];
    }),
  );
}

async function totalRows(db: DB): Promise<number> {
  let total = 0;
  for (const { table } of tablesInOrder()) total += Number(((await db.select({ n: count() }).from(table as never)) as { n: number }[])[0]?.n ?? 0);
  return total;
}

beforeAll(() => {
  fs.mkdirSync(path.join(sourceUploads, "2026"), { recursive: true });
  fs.writeFileSync(path.join(sourceUploads, "heron.jpg"), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]));
  fs.writeFileSync(path.join(sourceUploads, "2026", "lecture.vtt"), "WEBVTT\n\n00:00.000 --> 00:02.000\nWelcome.\n");
  runScript(["db/seed/index.ts", "--stories", "10000"]);
  const out = runScript(["scripts/db-transfer.ts", "export", exported]);
  expect(out).toMatch(/Exported \d+ rows in \d+ tables and 2 uploads/);
}, 240_000);

afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

describe("moving a newsroom between databases", () => {
  it("imports every row, revision and upload, keeps ids, and new rows get fresh ids", async () => {
    const db = await freshDb();
    const targetUploads = path.join(work, "uploads-target");
    const manifest = await importDatabase(db, exported, targetUploads);
    expect(manifest.tables.stories).toBeGreaterThanOrEqual(10_000);
    expect(manifest.tables.story_revisions).toBeGreaterThan(0);
    if (isPg) {
      // The planner knows the imported stories (ANALYZE after the load), rather than guessing from an empty table.
      const [planned] = await rows<{ n: number }>(db, sql`select reltuples as n from pg_class where relname = 'stories'`);
      expect(Number(planned!.n)).toBe(manifest.tables.stories);
    }

    // Export the target again: every table holds the same rows as the source.
    const again = path.join(work, "again");
    await exportDatabase(db, again, targetUploads);
    const before = rowsOf(exported);
    const after = rowsOf(again);
    for (const { name } of tablesInOrder()) {
      expect({ table: name, rows: after[name]!.length }).toEqual({ table: name, rows: manifest.tables[name] ?? 0 });
      expect(after[name]).toEqual(before[name]);
    }
    expect(fs.readFileSync(path.join(targetUploads, "heron.jpg"))).toEqual(fs.readFileSync(path.join(sourceUploads, "heron.jpg")));
    expect(fs.readFileSync(path.join(targetUploads, "2026", "lecture.vtt"), "utf8")).toContain("Welcome.");

    // A row written after the import gets an id past the imported ones (PostgreSQL's sequences were moved on).
    const [highest] = await db.select({ id: stories.id }).from(stories).orderBy(stories.id).limit(1).offset(manifest.tables.stories! - 1);
    const [author] = await db.select({ id: users.id }).from(users).limit(1);
    const [created] = await db
      .insert(storyRevisions)
      .values({ storyId: highest!.id, version: 999, snapshot: { title: "After the move" } as never, reason: "save", createdBy: author!.id })
      .returning({ id: storyRevisions.id });
    expect(created!.id).toBeGreaterThan(manifest.tables.story_revisions!);
  }, 240_000);

  it("refuses a target that already has data, and changes nothing in it", async () => {
    const db = await freshDb();
    await importDatabase(db, exported, path.join(work, "uploads-second"));
    const rowsBefore = await totalRows(db);
    await expect(importDatabase(db, exported, path.join(work, "uploads-second"))).rejects.toThrow(/not empty/);
    expect(await totalRows(db)).toBe(rowsBefore);
  }, 240_000);

  it("a folder whose files do not match its manifest imports nothing at all", async () => {
    const broken = path.join(work, "broken");
    fs.cpSync(exported, broken, { recursive: true });
    const revisions = path.join(broken, "story_revisions.ndjson");
    const lines = fs.readFileSync(revisions, "utf8").split("\n").filter(Boolean);
    fs.writeFileSync(revisions, `${lines.slice(0, -1).join("\n")}\n`);

    const db = await freshDb();
    await expect(importDatabase(db, broken, path.join(work, "uploads-broken"))).rejects.toThrow(/story_revisions: the manifest says \d+ rows, the file has \d+/);
    expect(await totalRows(db)).toBe(0);
    // Nothing half-done either: the database still takes a normal write.
    await transaction(async (tx) => {
      await tx.insert(users).values({ email: "after@newsroom.test", name: "After", role: "editor", passwordHash: "x" });
    }, getDb());
    expect(await totalRows(db)).toBe(1);
  }, 240_000);

  it("an export reads one snapshot: rows committed while it runs are not half in it, and are not held up", async () => {
    // SQLite: a second connection to one file (WAL); PostgreSQL: the pool's other connections.
    const file = path.join(work, "snapshot.db");
    const db = isPg ? await freshDb() : openDatabase(file);
    const writer = isPg ? db : openDatabase(file);
    await db.insert(users).values({ email: "before@newsroom.test", name: "Before", role: "editor", passwordHash: "x" });
    const order = tablesInOrder().map((t) => t.name);
    expect(order.indexOf("audit_log")).toBeGreaterThan(order.indexOf("users"));

    const folder = path.join(work, "snapshot");
    let wroteDuring = false;
    await exportDatabase(db, folder, path.join(work, "no-uploads"), async (name) => {
      if (name !== "users") return;
      // Once users is written and before audit_log is read: a new user and an entry naming them.
      // Read table by table without one snapshot, the export would hold the entry but not its user.
      const [user] = await writer.insert(users).values({ email: "during@newsroom.test", name: "During", role: "editor", passwordHash: "x" }).returning({ id: users.id });
      await writer.insert(auditLog).values({ actorId: user!.id, actorEmail: "during@newsroom.test", action: "test.during-export", entity: "user" });
      wroteDuring = true;
    });
    expect(wroteDuring).toBe(true);
    const written = rowsOf(folder);
    expect(written.users!.map((u) => (u as { email: string }).email)).toEqual(["before@newsroom.test"]);
    expect(written.audit_log!.filter((e) => (e as { action: string }).action === "test.during-export")).toEqual([]);
    const stored = (await db.select({ email: users.email }).from(users)).map((u) => u.email).sort();
    expect(stored).toEqual(["before@newsroom.test", "during@newsroom.test"]);
  });

  it("a snapshot only reads: a transaction opened inside it is refused and writes nothing", async () => {
    const db = await freshDb();
    const write = () => transaction(async (tx) => {
      await tx.insert(users).values({ email: "inside@newsroom.test", name: "Inside", role: "editor", passwordHash: "x" });
    }, db);
    await expect(readSnapshot(write, db)).rejects.toThrow(/inside readSnapshot/);
    expect(await db.select().from(users)).toEqual([]);
    // Outside a snapshot the same write goes through.
    await write();
    expect(await db.select({ email: users.email }).from(users)).toEqual([{ email: "inside@newsroom.test" }]);
  });

  it("says what is wrong with a folder that is not an export", async () => {
    const db = await freshDb();
    await expect(importDatabase(db, path.join(work, "nowhere"), path.join(work, "u"))).rejects.toThrow(/no manifest.json/);
  });
});
