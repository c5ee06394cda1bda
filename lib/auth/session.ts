import "server-only";
import { auth } from "./auth";
import { readClaims, type SessionClaims } from "./claims";
import { liveSessionUser, type SessionUser } from "./live-session";

export type { SessionUser };

/** The signed-in session's claims as the cookie states them (not yet re-checked). */
export async function currentSessionClaims(): Promise<SessionClaims | null> {
  return readClaims(await auth());
}

/**
 * The signed-in user, re-checked against the database on every call (see
 * liveSessionUser): the role comes from the database, so a demotion takes
 * effect on the very next request. Tests mock this module to act as a given user.
 */
export async function currentSessionUser(): Promise<SessionUser | null> {
  const claims = await currentSessionClaims();
  return claims ? await liveSessionUser(claims) : null;
}
