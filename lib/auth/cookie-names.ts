/**
 * Auth.js session cookie names; the __Secure- prefix goes with the Secure
 * flag. No imports, so proxy.ts can use it without loading the database.
 */
export function sessionCookieName(secure: boolean): string {
  return `${secure ? "__Secure-" : ""}authjs.session-token`;
}

export const SESSION_COOKIE_NAMES = [sessionCookieName(false), sessionCookieName(true)] as const;
