import zlib from "node:zlib";
import { bodyFor, etagFor, keptHeaders, makeEntry, matchesIfNoneMatch, negotiate } from "@/lib/page-cache/entry";

const html = Buffer.from(`<!doctype html><title>t</title>${"<p>Harrowgate news</p>".repeat(500)}`);
const entry = makeEntry({ status: 200, headers: [["content-type", "text/html; charset=utf-8"]], body: html, tags: ["stories"], now: 0 });

describe("cache entries", () => {
  test("gzip and brotli bodies decode to the same bytes", () => {
    expect(zlib.gunzipSync(entry.gzip).equals(html)).toBe(true);
    expect(zlib.brotliDecompressSync(entry.br).equals(html)).toBe(true);
    expect(entry.br.length).toBeLessThan(html.length / 5);
  });

  test("strong ETags differ per representation and change with the body", () => {
    expect(entry.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(new Set([etagFor(entry, "identity"), etagFor(entry, "gzip"), etagFor(entry, "br")]).size).toBe(3);
    const other = makeEntry({ status: 200, headers: [], body: Buffer.from("other"), tags: [], now: 0 });
    expect(other.etag).not.toBe(entry.etag);
  });

  test("If-None-Match matches any representation, a list, W/ and *", () => {
    expect(matchesIfNoneMatch(etagFor(entry, "br"), entry)).toBe(true);
    expect(matchesIfNoneMatch(`"nope", ${entry.etag}`, entry)).toBe(true);
    expect(matchesIfNoneMatch(`W/${entry.etag}`, entry)).toBe(true);
    expect(matchesIfNoneMatch("*", entry)).toBe(true);
    expect(matchesIfNoneMatch(`"nope"`, entry)).toBe(false);
    expect(matchesIfNoneMatch(undefined, entry)).toBe(false);
  });

  test("Accept-Encoding negotiation honours q-values", () => {
    expect(negotiate("gzip, deflate, br")).toBe("br");
    expect(negotiate("gzip")).toBe("gzip");
    expect(negotiate("br;q=0, gzip;q=0.5")).toBe("gzip");
    expect(negotiate("gzip;q=0.2, br;q=0.1")).toBe("gzip");
    expect(negotiate("*")).toBe("br");
    expect(negotiate("identity")).toBe("identity");
    expect(negotiate(undefined)).toBe("identity");
    expect(bodyFor(entry, "gzip")).toBe(entry.gzip);
  });

  test("per-response and cookie headers are not kept", () => {
    const kept = keptHeaders({ "Content-Type": "text/html", "set-cookie": ["a=1"], date: "x", "content-length": "5", vary: "RSC", "x-frame-options": "SAMEORIGIN" });
    expect(kept).toEqual([["content-type", "text/html"], ["x-frame-options", "SAMEORIGIN"]]);
  });
});
