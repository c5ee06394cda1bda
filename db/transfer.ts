/**
 * Moving a newsroom between databases (issue 10: SQLite to PostgreSQL, or
 * back): `npm run db:export -- <folder>` writes every row of every table and
 * every upload; `npm run db:import -- <folder>` loads them into the
 * configured database, which must be empty (migrated, with no rows).
 *
 * The folder holds manifest.json (format, counts per table), one NDJSON
 * file per table and uploads/. Rows are drizzle's values (numbers, text,
 * booleans, JSON objects), not either database's storage, so an export from
 * one dialect imports into the other; the import keeps every id (so
 * revisions, bylines and registrations still point at their rows) and moves
 * PostgreSQL's id sequences past them. The whole import is one transaction:
 * a bad folder leaves the target as it was.
 */
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { asc, count, getTableName, is, sql, type AnyColumn, type Table } from "drizzle-orm";
import { getTableConfig as liteConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { getTableConfig as pgConfig, PgTable } from "drizzle-orm/pg-core";
import { exec, isPg, readSnapshot, refreshPlannerStatistics, transaction, type DB, type Tx } from "./client";
import * as schema from "./schema";

export const FORMAT = 1;
const PAGE = 1_000;
const BATCH = 500;

export type Manifest = { format: number; exportedAt: number; from: "sqlite" | "pg"; tables: Record<string, number>; uploads: number };

type Info = { table: Table; name: string; keys: string[]; references: string[] };

/** Every table of the schema, parents before the tables that reference them. */
export function tablesInOrder(): Info[] {
  const infos = (Object.values(schema) as unknown[])
    .filter((v): v is Table => is(v, SQLiteTable) || is(v, PgTable))
    .map((table) => describe(table));
  const byName = new Map(infos.map((i) => [i.name, i]));
  const done = new Set<string>();
  const ordered: Info[] = [];
  const visit = (info: Info, path: Set<string>) => {
    if (done.has(info.name) || path.has(info.name)) return;
    path.add(info.name);
    for (const parent of info.references) if (parent !== info.name && byName.has(parent)) visit(byName.get(parent)!, path);
    done.add(info.name);
    ordered.push(info);
  };
  for (const info of infos) visit(info, new Set());
  return ordered;
}

function describe(table: Table): Info {
  const config = isPg ? pgConfig(table as never) : liteConfig(table as never);
  const columns = config.columns as { name: string; primary: boolean }[];
  const composite = (config.primaryKeys as { columns: { name: string }[] }[]).flatMap((pk) => pk.columns.map((c) => c.name));
  const keys = composite.length > 0 ? composite : columns.filter((c) => c.primary).map((c) => c.name);
  const references = (config.foreignKeys as { reference: () => { foreignTable: Table } }[]).map((fk) => getTableName(fk.reference().foreignTable));
  return { table, name: config.name, keys: keys.length > 0 ? keys : columns.map((c) => c.name), references };
}

/** The drizzle property names of a table's columns, by SQL column name (rows are read and written by property). */
function keyProperties(info: Info): string[] {
  const columns = (info.table as unknown as Record<string, { name?: string }>);
  return info.keys.map((sqlName) => Object.keys(columns).find((prop) => columns[prop]?.name === sqlName) ?? sqlName);
}

/**
 * Writes every table from one snapshot of the database (readSnapshot), so the site may stay up: a
 * write committed during the export is either wholly in it or not at all. `onTable` hears of each
 * table once written (the CLI does not use it; a test writes meanwhile through it).
 */
export async function exportDatabase(db: DB, folder: string, uploadsDir: string, onTable?: (name: string, rows: number) => Promise<void> | void): Promise<Manifest> {
  fs.mkdirSync(folder, { recursive: true });
  const manifest: Manifest = { format: FORMAT, exportedAt: Date.now(), from: isPg ? "pg" : "sqlite", tables: {}, uploads: 0 };
  await readSnapshot(async (tx) => {
    for (const info of tablesInOrder()) {
      const out = fs.createWriteStream(path.join(folder, `${info.name}.ndjson`));
      const columns = info.table as unknown as Record<string, AnyColumn>;
      const order = keyProperties(info).map((p) => asc(columns[p]!));
      let written = 0;
      for (let offset = 0; ; offset += PAGE) {
        const page = (await tx.select().from(info.table as never).orderBy(...order).limit(PAGE).offset(offset)) as Record<string, unknown>[];
        for (const row of page) out.write(`${JSON.stringify(row)}\n`);
        written += page.length;
        if (page.length < PAGE) break;
      }
      await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
      manifest.tables[info.name] = written;
      await onTable?.(info.name, written);
    }
  }, db);
  manifest.uploads = copyFiles(uploadsDir, path.join(folder, "uploads"));
  fs.writeFileSync(path.join(folder, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

export class ImportError extends Error {}

export async function importDatabase(db: DB, folder: string, uploadsDir: string): Promise<Manifest> {
  const manifestFile = path.join(folder, "manifest.json");
  if (!fs.existsSync(manifestFile)) throw new ImportError(`${folder} has no manifest.json: is it a folder written by npm run db:export?`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as Manifest;
  if (manifest.format !== FORMAT) throw new ImportError(`${folder} is export format ${manifest.format}; this version reads format ${FORMAT}.`);
  const tables = tablesInOrder();
  for (const info of tables) {
    const [row] = (await db.select({ n: count() }).from(info.table as never)) as { n: number }[];
    if (Number(row?.n ?? 0) > 0) throw new ImportError(`The target database is not empty (${info.name} has rows). Import into a new, migrated database.`);
  }
  await transaction(async (tx) => {
    for (const info of tables) {
      const file = path.join(folder, `${info.name}.ndjson`);
      if (!fs.existsSync(file)) {
        if (manifest.tables[info.name]) throw new ImportError(`${file} is missing.`);
        continue;
      }
      const loaded = await loadTable(tx, info, file);
      if (loaded !== (manifest.tables[info.name] ?? 0)) throw new ImportError(`${info.name}: the manifest says ${manifest.tables[info.name]} rows, the file has ${loaded}.`);
    }
    if (isPg) for (const info of tables) if (info.keys.length === 1 && info.keys[0] === "id") await resetSequence(tx, info.name);
  }, db);
  await refreshPlannerStatistics(db);
  copyFiles(path.join(folder, "uploads"), uploadsDir);
  return manifest;
}

async function loadTable(tx: Tx, info: Info, file: string): Promise<number> {
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  let batch: Record<string, unknown>[] = [];
  let loaded = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await tx.insert(info.table as never).values(batch as never);
    loaded += batch.length;
    batch = [];
  };
  for await (const line of lines) {
    if (line.trim() === "") continue;
    batch.push(JSON.parse(line) as Record<string, unknown>);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return loaded;
}

/** PostgreSQL: the next generated id comes after the imported ones. */
async function resetSequence(tx: Tx, table: string): Promise<void> {
  await exec(tx, sql.raw(`select setval(pg_get_serial_sequence('"${table}"', 'id'), coalesce((select max(id) from "${table}"), 0) + 1, false) where pg_get_serial_sequence('"${table}"', 'id') is not null`));
}

/** Copies every file under `from` into `to` (same relative paths); returns how many. */
function copyFiles(from: string, to: string): number {
  if (!fs.existsSync(from) || path.resolve(from) === path.resolve(to)) return fs.existsSync(from) ? countFiles(from) : 0;
  fs.mkdirSync(to, { recursive: true });
  fs.cpSync(from, to, { recursive: true });
  return countFiles(to);
}

function countFiles(dir: string): number {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}
