/**
 * Tables, targets, JSON and the SVG chart for `npm run bench`. The chart is a
 * hand-written SVG string: four bars a page (the same-bytes limit, cache hit,
 * anonymous and signed-in cache miss) on one req/s scale, so no charting library is needed.
 */

export type Run = { rps: number; p50: number; p99: number; non2xx: number; errors: number; requests: number; cache: string };
/** miss: signed-in (a session cookie: the page cache steps aside); anonMiss: an anonymous reader's miss (render + compress, not stored). */
export type PageFigures = {
  path: string;
  label: string;
  /** As sent with the bench's Accept-Encoding; htmlBytes uncompressed. */
  bytes: number;
  htmlBytes: number;
  hit: Run;
  miss: Run;
  anonMiss: Run;
  limit: Run;
  /** A bare Next dynamic page of about htmlBytes (scripts/bench/bare-next.ts /sized): context, not a target. */
  bareSized: Run & { htmlBytes: number };
  target: boolean;
};

/** The targets, printed beside the figures (targets live here, not in timed tests). */
export const TARGETS = {
  hitShareOfLimit: 0.25,
  hitP99Ms: 50,
  missVsBareDynamic: 1,
  rssMb: 400,
  jsBeyondBareGzip: 15 * 1024,
  requestsPerHomeVisit: "document + static assets, no _rsc",
};

export const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");
export const pct = (n: number) => `${fmt(n * 100, 1)} %`;
export const ok = (pass: boolean) => (pass ? "ok" : "MISSED");

/** Columns padded to their widest cell: the first left-aligned, the rest right-aligned (figures). */
export function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(head), ...rows.map(line)].join("\n");
}

export function pageTable(pages: PageFigures[], bareDynamicRps: number): string {
  const head = ["page", "hit req/s", "p50", "p99", "non-2xx", "x-cache", "limit req/s", "hit/limit", "anon miss req/s", "anon miss p99", "anon/bare-dyn", "signed-in miss req/s", "signed-in p99", "signed-in/bare-dyn", "bare same-size req/s", "anon/bare-same-size", "target"];
  const rows = pages.map((p) => {
    const share = p.hit.rps / p.limit.rps;
    const hitOk = share >= TARGETS.hitShareOfLimit && p.hit.p99 < TARGETS.hitP99Ms;
    // A cache miss is an anonymous reader's request the cache cannot answer: that is what the target judges.
    const missOk = p.anonMiss.rps / bareDynamicRps >= TARGETS.missVsBareDynamic;
    return [
      p.label,
      fmt(p.hit.rps),
      `${fmt(p.hit.p50, 1)} ms`,
      `${fmt(p.hit.p99, 1)} ms`,
      String(p.hit.non2xx + p.hit.errors),
      p.hit.cache,
      fmt(p.limit.rps),
      pct(share),
      fmt(p.anonMiss.rps),
      `${fmt(p.anonMiss.p99, 1)} ms`,
      `${fmt(p.anonMiss.rps / bareDynamicRps, 2)}x`,
      fmt(p.miss.rps),
      `${fmt(p.miss.p99, 1)} ms`,
      `${fmt(p.miss.rps / bareDynamicRps, 2)}x`,
      fmt(p.bareSized.rps),
      `${fmt(p.anonMiss.rps / p.bareSized.rps, 2)}x`,
      p.target ? `hit ${ok(hitOk)}, miss ${ok(missOk)}` : `miss ${ok(missOk)}`,
    ];
  });
  return table(head, rows);
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function chartSvg(pages: PageFigures[], title: string): string {
  const barH = 12;
  const gap = 10;
  const left = 230;
  const width = 900;
  const plotW = width - left - 90;
  const max = Math.max(1, ...pages.flatMap((p) => [p.hit.rps, p.miss.rps, p.anonMiss.rps, p.limit.rps]));
  const series = [
    { key: "limit" as const, name: "same-bytes limit", colour: "#9aa5b1" },
    { key: "hit" as const, name: "portal, cache hit", colour: "#1d3557" },
    { key: "anonMiss" as const, name: "portal, miss (anonymous)", colour: "#e76f51" },
    { key: "miss" as const, name: "portal, miss (signed in)", colour: "#b5121b" },
  ];
  const groupH = series.length * barH + gap;
  const top = 60;
  const height = top + pages.length * groupH + 30;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<title>${esc(title)}</title>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="10" y="20" font-size="15" font-weight="bold">${esc(title)}</text>`,
  ];
  series.forEach((s, i) => {
    parts.push(`<rect x="${10 + i * 170}" y="32" width="12" height="12" fill="${s.colour}"/>`, `<text x="${26 + i * 170}" y="42">${esc(s.name)}</text>`);
  });
  pages.forEach((p, g) => {
    const y0 = top + g * groupH;
    parts.push(`<text x="${left - 8}" y="${y0 + (series.length * barH) / 2 + 4}" text-anchor="end">${esc(p.label)}</text>`);
    series.forEach((s, i) => {
      const rps = p[s.key].rps;
      const w = Math.max(1, (rps / max) * plotW);
      const y = y0 + i * barH;
      parts.push(`<rect x="${left}" y="${y}" width="${w.toFixed(1)}" height="${barH - 2}" fill="${s.colour}"/>`);
      parts.push(`<text x="${(left + w + 4).toFixed(1)}" y="${y + barH - 3}" font-size="10">${fmt(rps)} req/s</text>`);
    });
  });
  parts.push(`<text x="${left}" y="${height - 8}" font-size="10" fill="#555">requests per second; the bars of a page and all pages share one scale</text>`, "</svg>");
  return parts.join("\n");
}
