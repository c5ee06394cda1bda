import "server-only";
import type { Role } from "@/db/schema";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { atLeast } from "./permissions";
import { currentSessionUser, type SessionUser } from "./session";

/** Role rank only; for anything about a row, ask can() (lib/auth/permissions.ts). */
export function hasRole(user: Pick<SessionUser, "role">, min: Role): boolean {
  return atLeast(user, min);
}

/**
 * The one auth guard: every server action and route handler under the
 * editor starts with it. Throws UnauthenticatedError (401, signed out) or ForbiddenError (403, too junior).
 */
export async function requireRole(min: Role): Promise<SessionUser> {
  const user = await currentSessionUser();
  if (!user) throw new UnauthenticatedError();
  if (!hasRole(user, min)) throw new ForbiddenError();
  return user;
}
