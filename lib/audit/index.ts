import "server-only";
import { auditLog } from "@/db/schema";
import type { DB } from "@/db/client";

export type AuditInput = {
  actor: { id: number; email: string } | null;
  action: string;
  entity: string;
  entityId?: string | number | null;
  ip?: string | null;
  details?: Record<string, unknown>;
};

type Writer = Pick<DB, "insert">;

/**
 * Writes one audit entry. Call it with the transaction that made the change
 * so the entry and the change commit together. Never pass passwords or
 * tokens in details.
 */
export async function writeAudit(tx: Writer, entry: AuditInput): Promise<void> {
  await tx
    .insert(auditLog)
    .values({
      actorId: entry.actor?.id ?? null,
      actorEmail: entry.actor?.email ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId == null ? null : String(entry.entityId),
      ip: entry.ip ?? null,
      details: entry.details ?? null,
      at: Date.now(),
    });
}
