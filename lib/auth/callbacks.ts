import "server-only";
import { clientIp } from "@/lib/request";
import { newClaims, readClaims } from "./claims";
import { liveSessionUser } from "./live-session";
import type { SignedInUser } from "./sign-in";
import { revokeSession } from "./sign-out";

/**
 * next-auth's callbacks and events, kept apart from the NextAuth() call so
 * they can be tested without it (next-auth is ESM only). Types are loose
 * on purpose: next-auth passes its own JWT/Session objects.
 */
type Token = Record<string, unknown>;

/**
 * On sign-in `user` is what authorize() returned: stamp the claims once.
 * On every later read (auth(), GET /api/auth/session) the claims are checked
 * against the database; a revoked, expired, disabled or re-versioned session
 * becomes null, which makes next-auth answer "no session" and clear the
 * cookie. The role is refreshed from the row, never kept from the cookie.
 */
export async function jwtCallback({ token, user }: { token: Token; user?: unknown }): Promise<Token | null> {
  if (user && typeof user === "object" && "role" in user) {
    const u = user as Omit<SignedInUser, "id"> & { id: string };
    return { ...token, ...newClaims({ id: Number(u.id), role: u.role, sessionVersion: u.sessionVersion }) };
  }
  const claims = readClaims(token);
  const live = claims ? await liveSessionUser(claims) : null;
  if (!live) return null;
  return { ...token, role: live.role };
}

/** Passes the (already re-checked) claims through for currentSessionUser(). */
export function sessionCallback<S extends object>({ session, token }: { session: S; token: Token }): S {
  const claims = readClaims(token);
  return claims ? { ...session, ...claims } : session;
}

/**
 * Every sign-out path ends here: the sign-out form's action and a direct
 * POST /api/auth/signout both go through next-auth's signOut, which fires
 * this with the decoded cookie. Listing the session id as revoked makes a
 * saved copy of the cookie worthless.
 */
export async function signOutEvent(message: { token?: Token | null } | { session?: unknown }): Promise<void> {
  const token = "token" in message ? message.token : null;
  const claims = readClaims(token);
  if (!claims) return;
  const user = await liveSessionUser(claims);
  let ip: string | null = null;
  try {
    ip = await clientIp();
  } catch {
    // Outside a request (no headers to read): the audit entry goes without an address.
  }
  await revokeSession(claims, user ? { id: user.id, email: user.email } : null, ip);
}
