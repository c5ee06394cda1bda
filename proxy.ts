import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/cookie-names";

/**
 * Convenience only: sends visitors without a session cookie from the editor
 * to the sign-in page (remembering where they were going). It does not
 * decide who may do what: every editor page and action checks the session
 * and role against the database itself.
 */
export function proxy(request: NextRequest) {
  const signedIn = SESSION_COOKIE_NAMES.some((name) => request.cookies.has(name));
  if (!signedIn) {
    const url = new URL("/login", request.url);
    url.searchParams.set("next", `${request.nextUrl.pathname}${request.nextUrl.search}`);
    return NextResponse.redirect(url);
  }
  const response = NextResponse.next();
  response.headers.set("Cache-Control", "private, no-store");
  response.headers.set("X-Robots-Tag", "noindex, nofollow");
  return response;
}

export const config = { matcher: ["/editor", "/editor/:path*"] };
