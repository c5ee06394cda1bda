import "server-only";
import type { Role } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { currentSessionUser, type SessionUser } from "./session";

const rank: Record<Role, number> = { contributor: 1, editor: 2, admin: 3 };

/** @deprecated Throw UnauthenticatedError / ForbiddenError (lib/errors.ts); this is the same thing with a status argument. */
export class AuthError extends DomainError {
  constructor(
    readonly status: 401 | 403,
    message: string,
  ) {
    super(message);
  }
}

export function hasRole(user: Pick<SessionUser, "role">, min: Role): boolean {
  return rank[user.role] >= rank[min];
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
