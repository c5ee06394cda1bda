/**
 * Shared helpers for the admin tests. The jest.mock calls themselves stay in
 * each test file (they are hoisted there); these build form data, act as a
 * user and snapshot the tables the admin actions touch.
 */
import { getDb } from "@/db/client";
import type { Role } from "@/db/schema";
import { currentSessionUser } from "@/lib/auth/session";

export function form(fields: Record<string, string | string[]>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) fd.append(k, one);
  return fd;
}

export function actAs(user: { id: number; email: string; name: string; role: Role } | null): void {
  (currentSessionUser as jest.Mock).mockResolvedValue(user ? { id: user.id, email: user.email, name: user.name, role: user.role } : null);
}

const TABLES = ["users", "people", "promos", "comments", "stories", "audit_log", "revoked_sessions"];

/** Every row of the tables admin actions write, to compare before and after. */
export function snapshot(): Record<string, unknown[]> {
  const sqlite = getDb().$client;
  return Object.fromEntries(TABLES.map((t) => [t, sqlite.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
}

export function auditActions(): string[] {
  return (getDb().$client.prepare("SELECT action FROM audit_log ORDER BY id").all() as { action: string }[]).map((r) => r.action);
}
