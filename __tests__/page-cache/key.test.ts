import { beaconSlug, classify, hasSessionCookie, isAsset, isCanonical } from "@/lib/page-cache/key";

const get = (url: string, headers: Record<string, string> = {}) => classify({ method: "GET", url, headers });

describe("page-cache keys", () => {
  test("keeps only the parameters a page reads, first value, sorted; page=1 is the default", () => {
    const a = get("/news?utm_source=x&topic=law&type=feature&page=1&topic=other");
    const b = get("/news?type=feature&topic=law");
    expect(a).toMatchObject({ cache: true, key: "/news?topic=law&type=feature", url: "/news?topic=law&type=feature" });
    expect(b).toMatchObject({ cache: true, key: "/news?topic=law&type=feature" });
    expect(get("/?fbclid=123")).toMatchObject({ cache: true, key: "/" });
  });

  test("junk page numbers and over-long values bypass the cache without a key", () => {
    for (const page of ["0", "-1", "2.5", "abc", "1e9", "1234567"]) {
      expect(get(`/news?page=${page}`)).toMatchObject({ cache: false, reason: "junk-param" });
    }
    expect(get(`/search?q=${"a".repeat(201)}`)).toMatchObject({ cache: false });
    expect(get("/news?page=2")).toMatchObject({ cache: true, key: "/news?page=2" });
  });

  test("never caches personal areas, writes, signed-in visitors or RSC requests", () => {
    for (const url of ["/editor", "/editor/stories", "/login", "/login?next=/editor", "/preview/abc", "/open-days/registrations/tok", "/open-days/registrations/tok/calendar.ics", "/api/health", "/api/auth/session"]) {
      expect(get(url)).toMatchObject({ cache: false, personal: true });
    }
    expect(classify({ method: "POST", url: "/news/x", headers: {} })).toMatchObject({ cache: false, reason: "method" });
    expect(get("/", { cookie: "theme=dark; authjs.session-token=abc" })).toMatchObject({ cache: false, reason: "session" });
    expect(get("/", { cookie: "__Secure-authjs.session-token.0=abc" })).toMatchObject({ cache: false, reason: "session" });
    expect(get("/", { cookie: "theme=dark" })).toMatchObject({ cache: true });
    expect(get("/", { rsc: "1" })).toMatchObject({ cache: false, reason: "rsc" });
    expect(get("/news?_rsc=abc")).toMatchObject({ cache: false, reason: "rsc" });
  });

  test("tags name what each page shows; story pages carry their slug", () => {
    expect(get("/news/a-story")).toMatchObject({ cache: true, storySlug: "a-story", tags: expect.arrayContaining(["story:a-story", "stories", "comments", "promos", "events"]) });
    expect(get("/")).toMatchObject({ tags: expect.arrayContaining(["stories", "events", "promos", "open-days", "people"]) });
    expect(get("/open-days/spring")).toMatchObject({ tags: ["open-days"] });
    expect(get("/experts/jane")).toMatchObject({ tags: expect.arrayContaining(["person:jane", "people"]) });
  });

  test("unknown routes are not cached", () => {
    expect(get("/no-such-page")).toMatchObject({ cache: false, personal: false });
    expect(get("/news/Not_A_Slug")).toMatchObject({ cache: false });
  });

  test("session cookie detection matches names, not substrings of values", () => {
    expect(hasSessionCookie("x=authjs.session-token")).toBe(false);
    expect(hasSessionCookie(undefined)).toBe(false);
    expect(hasSessionCookie("authjs.session-token=1")).toBe(true);
  });

  test("the view-counter image names its story; anything else is not a beacon", () => {
    expect(beaconSlug("GET", "/news/a-story/view.gif")).toBe("a-story");
    expect(beaconSlug("GET", "/news/a-story/view.gif?x=1")).toBe("a-story");
    expect(beaconSlug("POST", "/news/a-story/view.gif")).toBeNull();
    expect(beaconSlug("GET", "/news/a-story")).toBeNull();
    expect(beaconSlug("GET", "/news/../view.gif")).toBeNull();
  });

  test("static files keep the headers Next gives them", () => {
    for (const p of ["/_next/static/chunks/a.js", "/favicon.ico", "/icon.svg", "/uploads/x.webp", "/demo/a.svg"]) expect(isAsset(p)).toBe(true);
    for (const p of ["/", "/news", "/editor", "/icons/../editor"]) expect(isAsset(p)).toBe(false);
  });

  test("a URL is canonical when it is its page's normalised URL, parameters in any order, a filter form's empty fields counting as absent", () => {
    const urlOf = (url: string) => {
      const d = classify({ method: "GET", url, headers: {} });
      if (!d.cache) throw new Error(`${url} is not cacheable`);
      return d;
    };
    for (const url of ["/news", "/news?type=feature", "/news?type=feature&topic=health", "/news?topic=health&type=feature", "/search?q=climate+change", "/news?page=3", "/news?type=&topic=health", "/news?topic=&type=", "/events?when=&category=talk&campus="]) {
      expect([url, isCanonical(url, urlOf(url))]).toEqual([url, true]);
    }
    for (const url of ["/news?utm_source=x", "/news?type=feature&type=news-release", "/news?page=1", "/news?type=%20feature", "/news?", "/news?type=feature&", "/news/../news", "/news?type=feature&ref=", "/search?q=climate%20change", "/news?type=&type=", "/news?type=&topic=health&", "/news?ref=&type=feature"]) {
      expect([url, isCanonical(url, urlOf(url))]).toEqual([url, false]);
    }
  });
});
