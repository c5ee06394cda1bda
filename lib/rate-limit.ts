import "server-only";
import crypto from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import { first, transaction } from "@/db/client";
import { rateLimits } from "@/db/schema";

/**
 * Fixed-window counter kept in the database (survives restarts).
 * Returns true when the action is allowed and counts it.
 */
export async function takeToken(bucket: string, subject: string, limit: number, windowMs: number, now = Date.now()): Promise<boolean> {
  const key = `${bucket}:${crypto.createHash("sha256").update(subject).digest("hex").slice(0, 32)}`;
  const windowStart = Math.floor(now / windowMs) * windowMs;
  return transaction(async (tx) => {
    await tx.delete(rateLimits).where(and(eq(rateLimits.key, key), lt(rateLimits.windowStart, windowStart)));
    const row = await first(
      tx
        .insert(rateLimits)
      .values({ key, windowStart, count: 1 })
      .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: sql`${rateLimits.count} + 1` } })
        .returning({ count: rateLimits.count }),
    );
    return row!.count <= limit;
  });
}
