/**
 * Shared helpers for the admin tests: snapshots of the tables the admin
 * actions touch (form() and actAs() are in __tests__/helpers/).
 */
import { getDb } from "@/db/client";

const TABLES = ["users", "people", "promos", "comments", "stories", "audit_log", "revoked_sessions"];

/** Every row of the tables admin actions write, to compare before and after. */
export function snapshot(): Record<string, unknown[]> {
  const sqlite = getDb().$client;
  return Object.fromEntries(TABLES.map((t) => [t, sqlite.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
}

export function auditActions(): string[] {
  return (getDb().$client.prepare("SELECT action FROM audit_log ORDER BY id").all() as { action: string }[]).map((r) => r.action);
}
