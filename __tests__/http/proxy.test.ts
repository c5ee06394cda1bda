import { NextRequest } from "next/server";
import { config as proxyConfig, proxy } from "@/proxy";

// SITE_URL is http://localhost:3000 in tests (helpers/setup-env.ts).
const SITE = "http://localhost:3000";

function request(path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  return new NextRequest(`${SITE}${path}`, { method: init.method ?? "GET", headers: init.headers });
}

function cspOf(res: Response): Map<string, string> {
  const value = res.headers.get("content-security-policy");
  expect(value).toBeTruthy();
  return new Map(value!.split(";").map((d) => d.trim()).filter(Boolean).map((d) => [d.split(" ")[0]!, d.slice(d.indexOf(" ") + 1)] as const));
}

/** What NextResponse.next({ request: { headers } }) hands to the page: x-middleware-request-<name>. */
const forwarded = (res: Response, name: string) => res.headers.get(`x-middleware-request-${name}`);

describe("Content-Security-Policy", () => {
  it("runs on every page, not only the editor", () => {
    const matcher = JSON.stringify(proxyConfig.matcher);
    expect(matcher).not.toBe(JSON.stringify(["/editor", "/editor/:path*"]));
    // The page paths the proxy must see: a path-to-regexp source that catches everything but static files.
    const source = (proxyConfig.matcher as { source: string }[])[0]!.source;
    const re = new RegExp(`^${source}$`);
    for (const p of ["/", "/news/a-story", "/open-days/registrations/abc", "/editor", "/login"]) expect(re.test(p)).toBe(true);
    for (const p of ["/_next/static/chunks/a.js", "/_next/image"]) expect(re.test(p)).toBe(false);
  });

  it("gives each page a fresh nonce, in the response and in the request headers Next renders with", () => {
    const a = proxy(request("/"));
    const b = proxy(request("/news/some-story"));
    const csp = cspOf(a);
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp.get("script-src")!)?.[1];
    expect(nonce).toBeTruthy();
    expect(nonce!.length).toBeGreaterThanOrEqual(16);
    expect(csp.get("script-src")).toBe(`'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(csp.get("object-src")).toBe("'none'");
    expect(csp.get("base-uri")).toBe("'self'");
    expect(csp.get("frame-ancestors")).toBe("'self'");
    expect(csp.get("default-src")).toBe("'self'");
    expect(csp.get("form-action")).toBe("'self'");
    // Republished (Creative Commons) images and video/audio live on other https hosts.
    expect(csp.get("img-src")).toBe("'self' data: blob: https:");
    expect(csp.get("media-src")).toBe("'self' https:");
    expect(csp.get("style-src")).toBe(`'self' 'nonce-${nonce}'`);
    // <html style="--colour…"> from app/layout.tsx: style attributes, not <style> elements.
    expect(csp.get("style-src-attr")).toBe("'unsafe-inline'");
    // Next stamps its own inline scripts with the nonce from the request's CSP header.
    expect(forwarded(a, "content-security-policy")).toBe(a.headers.get("content-security-policy"));
    expect(forwarded(a, "x-nonce")).toBe(nonce);
    expect(cspOf(b).get("script-src")).not.toContain(nonce);
  });

  it("sets a CSP on editor pages too, and still sends visitors without a session to sign in", () => {
    const anonymous = proxy(request("/editor/stories?x=1"));
    expect(anonymous.status).toBe(307);
    expect(new URL(anonymous.headers.get("location")!).pathname).toBe("/login");
    expect(new URL(anonymous.headers.get("location")!).searchParams.get("next")).toBe("/editor/stories?x=1");
    const signedIn = proxy(request("/editor", { headers: { cookie: "authjs.session-token=x" } }));
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get("cache-control")).toBe("private, no-store");
    expect(signedIn.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    cspOf(signedIn);
  });

  it("does not redirect public pages or add the editor's no-store", () => {
    const res = proxy(request("/news"));
    expect(res.status).toBe(200);
    expect(res.headers.get("location")).toBeNull();
    expect(res.headers.get("cache-control")).toBeNull();
  });
});

describe("server-action POSTs", () => {
  const action = { "next-action": "7f00aa", "content-type": "multipart/form-data; boundary=x" };

  it("refuses a cross-origin action with 403, whatever X-Forwarded-Host claims", () => {
    const res = proxy(request("/editor/media", { method: "POST", headers: { ...action, cookie: "authjs.session-token=x", origin: "https://evil.example", "x-forwarded-host": "evil.example" } }));
    expect(res.status).toBe(403);
    expect(proxy(request("/news/a", { method: "POST", headers: { ...action, origin: "null" } })).status).toBe(403);
    expect(proxy(request("/news/a", { method: "POST", headers: { ...action, origin: "http://localhost:3001" } })).status).toBe(403);
  });

  it("lets a same-origin action through", () => {
    const res = proxy(request("/news/a", { method: "POST", headers: { ...action, origin: SITE } }));
    expect(res.status).toBe(200);
  });

  it("answers 413 to an upload over the 12 MB action limit, before Next reads the body", () => {
    const big = String(12 * 1024 * 1024 + 1);
    const res = proxy(request("/editor/media", { method: "POST", headers: { ...action, cookie: "authjs.session-token=x", origin: SITE, "content-length": big } }));
    expect(res.status).toBe(413);
    const ok = proxy(request("/editor/media", { method: "POST", headers: { ...action, cookie: "authjs.session-token=x", origin: SITE, "content-length": String(11 * 1024 * 1024) } }));
    expect(ok.status).toBe(200);
  });
});
