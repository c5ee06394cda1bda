import crypto from "node:crypto";
import type { DB } from "@/db/client";

type Options = { skipColumns?: Record<string, string[]> };

/**
 * A digest of every row of every real table (FTS shadow tables included,
 * virtual tables skipped), independent of row order.
 */
export function databaseDigest(db: DB, { skipColumns = {} }: Options = {}): string {
  const tables = db.$client
    .prepare("select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .all() as { name: string; sql: string }[];
  const hash = crypto.createHash("sha256");
  for (const { name, sql } of tables) {
    if (/^create virtual/i.test(sql)) continue;
    const skip = new Set(skipColumns[name] ?? []);
    const rows = (db.$client.prepare(`select * from "${name}"`).all() as Record<string, unknown>[])
      .map((row) => JSON.stringify(Object.entries(row).filter(([k]) => !skip.has(k))))
      .sort();
    hash.update(`${name}\n${rows.join("\n")}\n`);
  }
  return hash.digest("hex");
}

export function tableCounts(db: DB): Record<string, number> {
  const tables = db.$client
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [name, (db.$client.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n]),
  );
}

export function count(db: DB, sql: string, ...params: unknown[]): number {
  return (db.$client.prepare(sql).get(...params) as { n: number }).n;
}
