import "server-only";
import crypto from "node:crypto";
import { ROLES, type Role } from "@/db/schema";
import { sessionCookieName } from "./cookie-names";

/**
 * What a session carries, kept apart from next-auth so it can be tested
 * without it. The session id is our own claim ("sid"): Auth.js re-encodes
 * the cookie with a fresh `jti` on every refresh, so its jti cannot name a
 * session for revocation.
 */
export type SessionClaims = {
  userId: number;
  role: Role;
  sessionVersion: number;
  /** Random id of this sign-in; listed in revoked_sessions after sign-out. */
  jti: string;
  /** When the user signed in (ms): a session never outlives SESSION_MAX_AGE_S from here. */
  signedInAt: number;
};

/** Eight hours: a working day, after which staff sign in again. */
export const SESSION_MAX_AGE_S = 8 * 60 * 60;

export function newClaims(user: { id: number; role: Role; sessionVersion: number }, now = Date.now()): SessionClaims {
  return { userId: user.id, role: user.role, sessionVersion: user.sessionVersion, jti: crypto.randomUUID(), signedInAt: now };
}

function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Reads the claims from a JWT or session object; null when anything is missing or malformed. */
export function readClaims(source: unknown): SessionClaims | null {
  if (!source || typeof source !== "object") return null;
  const s = source as Record<string, unknown>;
  const userId = Number(s.userId);
  if (!Number.isInteger(userId) || userId <= 0) return null;
  if (!isRole(s.role) || typeof s.jti !== "string" || !s.jti) return null;
  if (typeof s.sessionVersion !== "number" || typeof s.signedInAt !== "number") return null;
  return { userId, role: s.role, sessionVersion: s.sessionVersion, jti: s.jti, signedInAt: s.signedInAt };
}

export function sessionExpiresAt(claims: Pick<SessionClaims, "signedInAt">): number {
  return claims.signedInAt + SESSION_MAX_AGE_S * 1000;
}

/** HttpOnly, SameSite=Lax, Secure when the site is served over HTTPS. */
export function sessionCookie(siteUrl: string) {
  const secure = siteUrl.startsWith("https://");
  return {
    secure,
    name: sessionCookieName(secure),
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}
