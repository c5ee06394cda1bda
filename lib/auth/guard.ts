import "server-only";
import type { Role } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { atLeast } from "./permissions";
import { currentSessionUser, type SessionUser } from "./session";

/** @deprecated Throw UnauthenticatedError / ForbiddenError (lib/errors.ts); this is the same thing with a status argument. */
export class AuthError extends DomainError {
  constructor(
    readonly status: 401 | 403,
    message: string,
  ) {
    super(message);
  }
}

/** Role rank only; for anything about a row, ask can() (lib/auth/permissions.ts). */
export function hasRole(user: Pick<SessionUser, "role">, min: Role): boolean {
  return atLeast(user, min);
}

/**
 * The one auth guard: every server action and route handler under the
 * editor starts with it. Throws AuthError (401 signed out, 403 too junior).
 */
export async function requireRole(min: Role): Promise<SessionUser> {
  const user = await currentSessionUser();
  if (!user) throw new AuthError(401, "Please sign in.");
  if (!hasRole(user, min)) throw new AuthError(403, "You do not have permission to do that.");
  return user;
}
