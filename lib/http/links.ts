/**
 * The one rule for links an editor types (promo links and images, expert
 * photos): a path on this site or an absolute http(s) URL. Browsers read
 * "\" as "/" and drop tabs and newlines inside URLs, so "/\evil.example"
 * and "/\t/evil.example" are protocol-relative links to another host;
 * anything with a backslash, whitespace or a control character is refused.
 * Not "server-only": the zod schemas that use it are shared with forms.
 */

const UNSAFE_CHARS = /[\\\s\u0000-\u001f\u007f]/;

/** "/news/x", "/?q=a" — never "//host", "/\host" or anything that leaves the site. */
export function isSameSitePath(value: string): boolean {
  if (!value.startsWith("/") || UNSAFE_CHARS.test(value)) return false;
  if (value.startsWith("//")) return false;
  try {
    return new URL(value, "http://same.invalid").host === "same.invalid";
  } catch {
    return false;
  }
}

/** An absolute http:// or https:// URL with a host. */
export function isHttpUrl(value: string): boolean {
  if (UNSAFE_CHARS.test(value) || !/^https?:\/\/[^/]/i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** A same-site path or an http(s) URL: what promo and person links may be. */
export function isSafeLink(value: string): boolean {
  return isSameSitePath(value) || isHttpUrl(value);
}

/**
 * A browser request sent from another site: its Origin header is present and
 * is not SITE_URL's origin. Host and X-Forwarded-Host are whatever the sender
 * wrote, so they decide nothing. A request without Origin is not a browser's
 * cross-site form (Next lets those through too).
 */
export function isCrossSite(origin: string | null, siteUrl: string): boolean {
  return origin !== null && origin !== new URL(siteUrl).origin;
}
