/**
 * Which requests the page cache may answer, under which key, and what
 * content the answer shows (its tags). Pure: no Next, no database, so the
 * custom server (scripts/server.ts) and unit tests load it as it is.
 *
 * The key is the path plus only the query parameters that page reads, first
 * value only, sorted; unknown parameters are dropped and the page is rendered
 * from the normalised URL, so `/news?utm=x&type=feature` and
 * `/news?type=feature` are one entry with the same bytes. A value the page
 * would refuse (a junk page number) or an over-long filter bypasses the cache
 * without storing anything.
 * @see docs/decisions/0006-page-cache.md
 */
import { SESSION_COOKIE_NAMES } from "@/lib/auth/cookie-names";

export type Decision =
  | { cache: false; reason: string; personal: boolean; /** Dot segments resolved, as Next will route it. */ pathname: string }
  | { cache: true; key: string; url: string; tags: string[]; storySlug?: string; /** The query parameters the page reads. */ params: readonly string[] };

type Route = { pattern: RegExp; params: readonly string[]; tags: (m: RegExpMatchArray) => string[]; story?: boolean };

const SLUG = "([a-z0-9][a-z0-9-]{0,199})";
const site = ["stories", "people", "topics", "events", "open-days", "promos"];

/**
 * Tags by route: coarse on purpose (every list a page shows is named), so a
 * write that touches any of it purges the page. Per-story comments are one
 * family tag ("comments"): approving any comment purges every story page.
 */
const ROUTES: Route[] = [
  { pattern: /^\/$/, params: [], tags: () => site },
  { pattern: /^\/news$/, params: ["type", "topic", "page"], tags: () => ["stories", "topics", "people"] },
  {
    pattern: new RegExp(`^/news/${SLUG}$`),
    params: [],
    story: true,
    tags: (m) => [`story:${m[1]}`, "stories", "people", "topics", "events", "promos", "comments"],
  },
  { pattern: /^\/experts$/, params: ["expertise", "department", "available"], tags: () => ["people", "stories"] },
  { pattern: new RegExp(`^/experts/${SLUG}$`), params: ["page"], tags: (m) => [`person:${m[1]}`, "people", "stories", "topics"] },
  { pattern: new RegExp(`^/topics/${SLUG}$`), params: ["page"], tags: () => ["topics", "stories", "people"] },
  { pattern: /^\/events$/, params: ["when", "category", "campus", "page"], tags: () => ["events"] },
  { pattern: new RegExp(`^/events/${SLUG}$`), params: [], tags: () => ["events", "promos"] },
  { pattern: new RegExp(`^/events/${SLUG}/calendar\\.ics$`), params: [], tags: () => ["events"] },
  { pattern: /^\/events\.ics$/, params: ["category", "campus"], tags: () => ["events"] },
  { pattern: /^\/open-days$/, params: ["level", "campus", "subject", "month"], tags: () => ["open-days"] },
  { pattern: new RegExp(`^/open-days/${SLUG}$`), params: [], tags: () => ["open-days"] },
  { pattern: /^\/search$/, params: ["q", "kind", "type", "page"], tags: () => ["stories", "events", "people", "topics", "open-days"] },
  { pattern: /^\/feed\.xml$/, params: ["type", "topic"], tags: () => ["stories", "people", "topics"] },
  { pattern: /^\/(sitemap\.xml|robots\.txt)$/, params: [], tags: () => site },
  { pattern: /^\/sitemaps\/[a-z0-9-]{1,60}\.xml$/, params: [], tags: () => site },
  { pattern: /^\/privacy$/, params: [], tags: () => ["site"] },
];

/** Personal or stateful areas: never stored, always `private, no-store`. */
const PERSONAL = [/^\/editor(\/|$)/, /^\/login(\/|$)/, /^\/preview(\/|$)/, /^\/open-days\/registrations(\/|$)/, /^\/api(\/|$)/];

/** Static assets keep the headers Next (or the route) gives them. */
const ASSET = [/^\/_next\//, /^\/uploads\//, /^\/demo\//, /^\/favicon\.ico$/, /^\/(apple-)?icon[\w.-]*$/, /^\/news\/[^/]+\/republish-counter\.gif$/];

const MAX_VALUE = 200;
const PAGE = /^[1-9]\d{0,5}$/;

const BEACON = new RegExp(`^/news/${SLUG}/view\\.gif$`);

/** The story a view-counter image request names (VIEW_COUNTING=beacon puts one on every story page), or null. */
export function beaconSlug(method: string | undefined, url: string | undefined): string | null {
  if (method !== "GET" && method !== "HEAD") return null;
  const m = (url ?? "").split("?", 1)[0]!.match(BEACON);
  return m ? m[1]! : null;
}

export function isAsset(pathname: string): boolean {
  return ASSET.some((re) => re.test(pathname));
}

export function hasSessionCookie(cookieHeader: string | undefined): boolean {
  if (!cookieHeader) return false;
  return cookieHeader.split(";").some((part) => {
    const name = part.split("=", 1)[0]!.trim();
    // Auth.js splits large tokens into name.0, name.1, …
    return SESSION_COOKIE_NAMES.some((n) => name === n || name.startsWith(`${n}.`));
  });
}

type RequestLike = { method?: string; url?: string; headers: Record<string, string | string[] | undefined> };

function header(req: RequestLike, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export function classify(req: RequestLike): Decision {
  const method = req.method ?? "GET";
  let url: URL;
  try {
    url = new URL(req.url ?? "/", "http://cache.invalid");
  } catch {
    return { cache: false, reason: "bad-url", personal: false, pathname: "/" };
  }
  const { pathname } = url;
  if (PERSONAL.some((re) => re.test(pathname))) return { cache: false, reason: "personal", personal: true, pathname };
  if (method !== "GET" && method !== "HEAD") return { cache: false, reason: "method", personal: true, pathname };
  if (hasSessionCookie(header(req, "cookie"))) return { cache: false, reason: "session", personal: true, pathname };
  if (header(req, "rsc") !== undefined || url.searchParams.has("_rsc") || header(req, "next-action") !== undefined) {
    return { cache: false, reason: "rsc", personal: true, pathname };
  }
  for (const route of ROUTES) {
    const m = pathname.match(route.pattern);
    if (!m) continue;
    const kept: [string, string][] = [];
    for (const name of route.params) {
      const raw = url.searchParams.get(name);
      if (raw === null) continue;
      const value = raw.trim();
      if (value === "") continue;
      if (value.length > MAX_VALUE) return { cache: false, reason: "junk-param", personal: false, pathname };
      if (name === "page") {
        if (!PAGE.test(value)) return { cache: false, reason: "junk-param", personal: false, pathname };
        if (value === "1") continue;
      }
      kept.push([name, value]);
    }
    kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const search = new URLSearchParams(kept).toString();
    const normalised = search ? `${pathname}?${search}` : pathname;
    return {
      cache: true,
      key: normalised,
      url: normalised,
      params: route.params,
      tags: route.tags(m),
      ...(route.story ? { storySlug: m[1]! } : {}),
    };
  }
  return { cache: false, reason: "not-cacheable", personal: false, pathname };
}

/**
 * Whether a request's URL is its page's normalised URL, parameters in any
 * order; an empty parameter the page reads (`type=` from a filter form left
 * at "All") counts as absent. One that is not (an unknown or repeated
 * parameter, `page=1`, a padded value) is answered from the same cache entry
 * but told to proxies as private (scripts/server.ts): a proxy keys by the raw
 * URL, so storing each variant would let a stream of junk URLs fill it, and
 * every variant it held would have to be purged on each change. The
 * variants accepted are bounded: each of a page's few parameters empty or
 * not, in any order.
 */
export function isCanonical(requestUrl: string | undefined, page: { url: string; params: readonly string[] }): boolean {
  // Compared as text: `/news?` or `/news?type=a&&` parse like their normalised URL.
  const split = (url: string) => {
    const at = url.indexOf("?");
    return at < 0 ? { path: url, pieces: null } : { path: url.slice(0, at), pieces: url.slice(at + 1).split("&") };
  };
  const asked = split(requestUrl ?? "/");
  const normal = split(page.url);
  if (asked.path !== normal.path) return false;
  const pieces = asked.pieces ?? [];
  const empties = pieces.filter((piece) => page.params.some((name) => piece === `${name}=`));
  const rest = pieces.filter((piece) => !empties.includes(piece));
  // A repeated empty field, a bare `?` or a stray `&` is another key to a proxy.
  if (new Set(empties).size !== empties.length || rest.includes("")) return false;
  return rest.sort().join("&") === (normal.pieces ?? []).sort().join("&");
}
