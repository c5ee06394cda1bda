import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/cookie-names";
import { config as siteConfig } from "@/lib/config";
import { contentSecurityPolicy, newNonce } from "@/lib/http/csp";
import { isCrossSite } from "@/lib/http/links";

/** experimental.serverActions.bodySizeLimit in next.config.ts: a bigger action body would fail as a 500. */
export const ACTION_BODY_LIMIT_BYTES = 12 * 1024 * 1024;

const isEditorPath = (pathname: string) => pathname === "/editor" || pathname.startsWith("/editor/");

function plain(status: number, message: string): NextResponse {
  const html = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${message}</title></head><body><main><h1>${message}</h1><p>Use your browser's back button to return to the form.</p></main></body></html>`;
  return new NextResponse(html, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

/**
 * Server actions are POSTs with a `next-action` header. They must come from
 * this site's own origin (SITE_URL; X-Forwarded-Host and Host are ignored,
 * since whoever sends the request writes them), and their body must fit the
 * action limit; refused here they answer 403/413 rather than a 500 from deep
 * inside Next. A POST without Origin is not from a browser, so it is no
 * cross-site forgery; Next lets it through as well.
 */
function refuseAction(request: NextRequest): NextResponse | null {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  if (isCrossSite(request.headers.get("origin"), siteConfig().siteUrl)) return plain(403, "This form can only be sent from this site.");
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > ACTION_BODY_LIMIT_BYTES) return plain(413, "The file is too large: images must be 10 MB or smaller.");
  return null;
}

/**
 * Every page gets a nonce-based Content-Security-Policy, on the response and
 * on the request Next renders from, so Next stamps its own scripts with the
 * nonce (and pages read it as `x-nonce`). For the editor it is also a
 * convenience: visitors without a session cookie go to the sign-in page. It
 * does not decide who may do what: every editor page and action checks the
 * session and role against the database itself.
 */
export function proxy(request: NextRequest) {
  const refused = refuseAction(request);
  if (refused) return refused;

  const { pathname, search } = request.nextUrl;
  const editor = isEditorPath(pathname);
  if (editor && !SESSION_COOKIE_NAMES.some((name) => request.cookies.has(name))) {
    const url = new URL("/login", request.url);
    url.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(url);
  }

  const nonce = newNonce();
  const csp = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === "development", https: siteConfig().siteUrl.startsWith("https://") });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (editor) {
    response.headers.set("Cache-Control", "private, no-store");
    response.headers.set("X-Robots-Tag", "noindex, nofollow");
  }
  return response;
}

// Everything but Next's static files: pages, editor pages and server-action POSTs.
export const config = { matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }] };
