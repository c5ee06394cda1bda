/**
 * Shared helpers for the admin tests: snapshots of the tables the admin
 * actions touch (form() and actAs() are in __tests__/helpers/).
 */
import { sql } from "drizzle-orm";
import { getDb, rows } from "@/db/client";

/** The tables admin actions write, each with the key that orders its rows. */
const TABLES: [string, string][] = [
  ["users", "id"],
  ["people", "id"],
  ["promos", "id"],
  ["comments", "id"],
  ["stories", "id"],
  ["audit_log", "id"],
  ["revoked_sessions", "jti"],
];

/** Every row of the tables admin actions write, to compare before and after. */
export async function snapshot(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [table, key] of TABLES) out[table] = await rows(getDb(), sql.raw(`SELECT * FROM ${table} ORDER BY ${key}`));
  return out;
}

export async function auditActions(): Promise<string[]> {
  return (await rows<{ action: string }>(getDb(), sql`SELECT action FROM audit_log ORDER BY id`)).map((r) => r.action);
}
