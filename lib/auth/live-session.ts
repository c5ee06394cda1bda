import "server-only";
import { eq } from "drizzle-orm";
import { first, getDb } from "@/db/client";
import { revokedSessions, users, type Role } from "@/db/schema";
import { sessionExpiresAt, type SessionClaims } from "./claims";

export type SessionUser = { id: number; email: string; name: string; role: Role };

/**
 * The user a session's claims stand for, checked against the database: the
 * account must exist, not be disabled, still have the session version the
 * cookie was issued with, and the session must be neither too old nor
 * signed out. The role comes from the row. Null when any check fails.
 * Used by currentSessionUser() and by next-auth's jwt callback, so
 * /api/auth/session never hands out a dead session's claims either.
 */
export async function liveSessionUser(claims: SessionClaims, now = Date.now()): Promise<SessionUser | null> {
  if (now >= sessionExpiresAt(claims)) return null;
  const db = getDb();
  const row = await first(
    db
      .select({ id: users.id, email: users.email, name: users.name, role: users.role, disabled: users.disabled, sessionVersion: users.sessionVersion })
      .from(users)
      .where(eq(users.id, claims.userId))
      .limit(1),
  );
  if (!row || row.disabled || row.sessionVersion !== claims.sessionVersion) return null;
  const revoked = await first(db.select({ jti: revokedSessions.jti }).from(revokedSessions).where(eq(revokedSessions.jti, claims.jti)).limit(1));
  if (revoked) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}
