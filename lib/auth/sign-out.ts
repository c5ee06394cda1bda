import "server-only";
import { lt } from "drizzle-orm";
import { transaction } from "@/db/client";
import { revokedSessions } from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import { sessionExpiresAt, type SessionClaims } from "./claims";

/**
 * Lists the session id as revoked so the same cookie, replayed later, is
 * refused. Nothing else changes: the user's other sessions stay signed in.
 * Rows are kept until the session could no longer be valid anyway.
 * Revoking an already revoked session changes nothing and is not audited again.
 */
export async function revokeSession(claims: SessionClaims, actor: { id: number; email: string } | null, ip: string | null, now = Date.now()): Promise<void> {
  await transaction(async (tx) => {
    await tx.delete(revokedSessions).where(lt(revokedSessions.expiresAt, now));
    const listed = await tx.insert(revokedSessions).values({ jti: claims.jti, expiresAt: sessionExpiresAt(claims) }).onConflictDoNothing().returning({ jti: revokedSessions.jti });
    // Already revoked (the sign-out action revokes, then next-auth's signOut fires the event): audit once.
    if (listed.length === 0) return;
    await writeAudit(tx, { actor, action: "auth.sign-out", entity: "user", entityId: claims.userId, ip });
  });
}
