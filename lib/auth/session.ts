import "server-only";
import type { Role } from "@/db/schema";

export type SessionUser = { id: number; email: string; name: string; role: Role };

/**
 * PLACEHOLDER until the sign-in work lands: reads the next-auth session and
 * re-checks it against the user's row (disabled, role, session version).
 * Tests mock this module to act as a given user.
 */
export async function currentSessionUser(): Promise<SessionUser | null> {
  return null;
}
