import path from "node:path";
import type { NextConfig } from "next";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "SAMEORIGIN" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/**
 * Server actions are accepted from SITE_URL's host only (proxy.ts also checks
 * the Origin against SITE_URL's origin). Read here from the environment, as
 * lib/config.ts does, because this file is loaded before the app's modules.
 */
function siteHost(): string {
  const fallback = `http://localhost:${process.env.PORT || 3000}`;
  try {
    return new URL(process.env.SITE_URL || fallback).host;
  } catch {
    return new URL(fallback).host;
  }
}

const nextConfig: NextConfig = {
  // A separate build folder lets several builds (e.g. e2e runs) live side by side.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // Several instances (REDIS_URL set): Next's own cache is kept in Redis and shared, as Next's
  // self-hosting guide says (lib/next-cache-handler.cjs); one instance alone keeps it in memory.
  ...(process.env.REDIS_URL ? { cacheHandler: path.resolve("lib/next-cache-handler.cjs"), cacheMaxMemorySize: 0 } : {}),
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "sharp"],
  experimental: {
    // Media uploads (issue 4) allow 10 MB images; a little more lets an 11 MB file reach the
    // action and get a clear "too large" message instead of a truncated, "corrupt" body.
    serverActions: { bodySizeLimit: "12mb", allowedOrigins: [siteHost()] },
    proxyClientMaxBodySize: "12mb",
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      {
        source: "/editor/:path*",
        headers: [
          { key: "Cache-Control", value: "private, no-store" },
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
        ],
      },
      {
        // A registrant's private booking page (its token is the only key): never indexed, and
        // links out of it send no Referer, so the token never reaches another site's logs.
        // After the catch-all above, so its Referrer-Policy wins (Next: the last rule's key wins).
        source: "/open-days/registrations/:path*",
        headers: [
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
          { key: "Referrer-Policy", value: "no-referrer" },
        ],
      },
      {
        // Embargoed preview links (issue 4): never cached, never indexed.
        source: "/preview/:path*",
        headers: [
          { key: "Cache-Control", value: "private, no-store" },
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
        ],
      },
    ];
  },
};

export default nextConfig;
