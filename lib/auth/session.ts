import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { revokedSessions, users, type Role } from "@/db/schema";
import { auth } from "./auth";
import { readClaims, sessionExpiresAt, type SessionClaims } from "./claims";

export type SessionUser = { id: number; email: string; name: string; role: Role };

/** The signed-in session's claims as the cookie states them (not yet re-checked). */
export async function currentSessionClaims(): Promise<SessionClaims | null> {
  return readClaims(await auth());
}

/**
 * The signed-in user, re-checked against the database on every call: the
 * account must exist, not be disabled, still have the session version the
 * cookie was issued with, and the session must not have been signed out.
 * The role comes from the database, so a demotion takes effect on the very
 * next request. Tests mock this module to act as a given user.
 */
export async function currentSessionUser(): Promise<SessionUser | null> {
  const claims = await currentSessionClaims();
  if (!claims) return null;
  if (Date.now() >= sessionExpiresAt(claims)) return null;
  const db = getDb();
  const row = db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, disabled: users.disabled, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.id, claims.userId))
    .get();
  if (!row || row.disabled || row.sessionVersion !== claims.sessionVersion) return null;
  const revoked = db.select({ jti: revokedSessions.jti }).from(revokedSessions).where(eq(revokedSessions.jti, claims.jti)).get();
  if (revoked) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}
