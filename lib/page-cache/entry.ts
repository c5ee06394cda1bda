/**
 * A cached response: status, the headers a render gave (minus hop-by-hop
 * and per-response ones), the body and its gzip and brotli forms made once
 * when stored, and a strong ETag per representation.
 */
import crypto from "node:crypto";
import zlib from "node:zlib";

export type Encoding = "br" | "gzip" | "identity";

export type Entry = {
  status: number;
  headers: [string, string][];
  body: Buffer;
  gzip: Buffer;
  br: Buffer;
  /** Quoted strong validator of the identity body; "-gz"/"-br" suffixes name the other forms. */
  etag: string;
  tags: string[];
  storedAt: number;
  bytes: number;
};

/** Not kept: they belong to one response, or the cache sets them itself. */
const DROPPED = new Set([
  "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "date", "etag",
  "cache-control", "vary", "set-cookie", "x-cache", "age", "surrogate-key", "cache-tag", "x-powered-by",
  "x-nextjs-cache", "x-nextjs-prerender", "x-nextjs-stale-time", "x-newsroom-socket-ip",
]);

export function keptHeaders(raw: Record<string, string | string[] | number | undefined>): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, value] of Object.entries(raw)) {
    const lower = name.toLowerCase();
    if (value === undefined || DROPPED.has(lower)) continue;
    for (const v of Array.isArray(value) ? value : [value]) out.push([lower, String(v)]);
  }
  return out;
}

export function makeEntry(input: { status: number; headers: [string, string][]; body: Buffer; tags: string[]; now: number }): Entry {
  const { body } = input;
  const gzip = zlib.gzipSync(body, { level: 6 });
  // Quality 5 compresses a 60 KB page in about a millisecond and is within a few per cent of 11.
  const br = zlib.brotliCompressSync(body, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
  const etag = `"${crypto.createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  const headerBytes = input.headers.reduce((n, [k, v]) => n + k.length + v.length, 0);
  return {
    status: input.status,
    headers: input.headers,
    body,
    gzip,
    br,
    etag,
    tags: input.tags,
    storedAt: input.now,
    bytes: body.length + gzip.length + br.length + headerBytes + 512,
  };
}

export function etagFor(entry: Pick<Entry, "etag">, encoding: Encoding): string {
  if (encoding === "identity") return entry.etag;
  return `${entry.etag.slice(0, -1)}-${encoding === "gzip" ? "gz" : "br"}"`;
}

export function bodyFor(entry: Entry, encoding: Encoding): Buffer {
  return encoding === "br" ? entry.br : encoding === "gzip" ? entry.gzip : entry.body;
}

/** Picks br, then gzip, then identity, honouring q-values (q=0 refuses). */
export function negotiate(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return "identity";
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    let value = 1;
    for (const p of params) {
      const m = p.trim().match(/^q=([0-9.]+)$/);
      if (m) value = Number(m[1]);
    }
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const weight = (name: string) => q.get(name) ?? q.get("*") ?? 0;
  const br = weight("br");
  const gz = weight("gzip");
  if (br > 0 && br >= gz) return "br";
  if (gz > 0) return "gzip";
  return "identity";
}

/** True when If-None-Match names any representation of this entry (or is "*"). */
export function matchesIfNoneMatch(header: string | undefined, entry: Pick<Entry, "etag">): boolean {
  if (!header) return false;
  const valid = new Set([entry.etag, etagFor(entry, "gzip"), etagFor(entry, "br")]);
  return header.split(",").some((t) => {
    const tag = t.trim().replace(/^W\//, "");
    return tag === "*" || valid.has(tag);
  });
}
