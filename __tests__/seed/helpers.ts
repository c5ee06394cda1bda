import crypto from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import { first, isPg, rows, type DB } from "@/db/client";

type Options = { skipColumns?: Record<string, string[]> };

/**
 * The tables of the database, by name. SQLite: from sqlite_master, FTS
 * shadow tables included, virtual tables only when asked for (their rows
 * are the shadow tables'). PostgreSQL: the tables of the public schema.
 */
async function tableNames(db: DB, { virtual = false } = {}): Promise<string[]> {
  if (isPg) {
    return (await rows<{ name: string }>(db, sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`)).map((t) => t.name);
  }
  const tables = await rows<{ name: string; sql: string }>(
    db,
    sql`select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`,
  );
  return tables.filter((t) => virtual || !/^create virtual/i.test(t.sql)).map((t) => t.name);
}

/**
 * A digest of every row of every real table, independent of row order.
 * Compares databases of one kind: the values are as the driver reads them
 * (PostgreSQL: bigints as strings, jsonb parsed, booleans as booleans).
 */
export async function databaseDigest(db: DB, { skipColumns = {} }: Options = {}): Promise<string> {
  const hash = crypto.createHash("sha256");
  for (const name of await tableNames(db)) {
    const skip = new Set(skipColumns[name] ?? []);
    const found = (await rows<Record<string, unknown>>(db, sql`select * from ${sql.identifier(name)}`))
      .map((row) => JSON.stringify(Object.entries(row).filter(([k]) => !skip.has(k))))
      .sort();
    hash.update(`${name}\n${found.join("\n")}\n`);
  }
  return hash.digest("hex");
}

export async function tableCounts(db: DB): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of await tableNames(db, { virtual: true })) counts[name] = await count(db, sql`select count(*) as n from ${sql.identifier(name)}`);
  return counts;
}

/** The number in column n of the query's first row (PostgreSQL reads count(*) and bigints as strings). */
export async function count(db: DB, query: SQL): Promise<number> {
  return Number((await first(rows<{ n: number | string | null }>(db, query)))?.n);
}
