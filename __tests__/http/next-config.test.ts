import nextConfig from "@/next.config";

/** The headers a path gets, applying next.config's rules in order (a later rule's key wins, as Next documents). */
async function headersFor(path: string): Promise<Record<string, string>> {
  const rules = await nextConfig.headers!();
  const out: Record<string, string> = {};
  for (const rule of rules) {
    const prefix = rule.source.replace(/\/:path\*$/, "");
    const matches = rule.source === "/:path*" || path === prefix || path.startsWith(`${prefix}/`);
    if (matches) for (const h of rule.headers) out[h.key.toLowerCase()] = h.value;
  }
  return out;
}

describe("next.config.ts", () => {
  it("keeps the manage-booking page out of search engines and out of Referer headers", async () => {
    for (const path of ["/open-days/registrations/abc123", "/open-days/registrations/abc123/calendar.ics"]) {
      const h = await headersFor(path);
      expect(h["x-robots-tag"]).toBe("noindex, nofollow");
      expect(h["referrer-policy"]).toBe("no-referrer");
    }
    expect((await headersFor("/open-days"))["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  });

  it("accepts server actions from SITE_URL's host only", () => {
    // SITE_URL is http://localhost:3000 in tests (helpers/setup-env.ts).
    expect(nextConfig.experimental?.serverActions?.allowedOrigins).toEqual(["localhost:3000"]);
  });
});
