/**
 * Draws the demo images as small SVG files (gradients, shapes and a label)
 * so the demo never downloads anything and the repository stays small.
 * The seed lists every image it references; writeDemoImages() writes the
 * ones that are missing or out of date into public/demo/.
 */
import fs from "node:fs";
import path from "node:path";
import { createRng } from "./prng";

export type DemoImage = { file: string; svg: string; width: number; height: number };

const SERIF = "Georgia, 'Times New Roman', serif";
const SANS = "'Helvetica Neue', Arial, sans-serif";

function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Wraps a label into at most three lines of `max` characters. */
function lines(text: string, max: number): string[] {
  const words = text.split(" ");
  const rows: string[] = [];
  while (words.length && rows.length < 3) {
    let row = words.shift() ?? "";
    while (words.length && `${row} ${words[0]}`.length <= max) row = `${row} ${words.shift()}`;
    rows.push(row);
  }
  if (words.length) rows[rows.length - 1] = `${rows[rows.length - 1]}…`;
  return rows;
}

type Banner = { file: string; title: string; kicker: string; palette: [string, string, string]; seed: string };

/** A 3:2 illustration: gradient, soft circles, a wave and the title. */
export function bannerSvg({ file, title, kicker, palette, seed }: Banner): DemoImage {
  const width = 1200;
  const height = 800;
  const rng = createRng(`image:${seed}`);
  const [c1, c2, c3] = palette;
  const circles = Array.from({ length: rng.int(3, 5) }, () => {
    const r = rng.int(80, 260);
    return `<circle cx="${rng.int(100, 1150)}" cy="${rng.int(40, 480)}" r="${r}" fill="${c3}" opacity="${(0.1 + rng.next() * 0.18).toFixed(2)}"/>`;
  }).join("");
  const rings = Array.from({ length: rng.int(1, 2) }, () =>
    `<circle cx="${rng.int(700, 1150)}" cy="${rng.int(80, 380)}" r="${rng.int(60, 160)}" fill="none" stroke="#fff" stroke-width="${rng.int(3, 8)}" opacity="0.25"/>`,
  ).join("");
  const y1 = rng.int(470, 560);
  const y2 = rng.int(430, 560);
  const wave = `<path d="M0 ${y1} C 300 ${y1 - 90}, 600 ${y2 + 90}, 1200 ${y2} L1200 800 L0 800 Z" fill="#000" opacity="0.22"/>`;
  const rows = lines(title, title.length > 52 ? 34 : 26);
  const size = [76, 64, 52][rows.length - 1] ?? 52;
  const text = rows
    .map((row, i) => `<text x="80" y="${640 - (rows.length - 1 - i) * (size + 8)}" font-family="${SERIF}" font-size="${size}" font-weight="700" fill="#fff">${esc(row)}</text>`)
    .join("");
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${c1}"/><stop offset="1" stop-color="${c2}"/></linearGradient></defs>` +
    `<rect width="${width}" height="${height}" fill="url(#g)"/>${circles}${rings}${wave}` +
    `<rect x="80" y="${640 - (rows.length - 1) * (size + 8) - size - 40}" width="72" height="8" fill="${c3}"/>` +
    `${text}<text x="80" y="712" font-family="${SANS}" font-size="26" letter-spacing="4" fill="#fff" opacity="0.85">${esc(kicker.toUpperCase())}</text></svg>\n`;
  return { file, svg, width, height };
}

/** A square portrait placeholder: initials on a coloured circle. */
export function portraitSvg(file: string, initials: string, palette: [string, string, string]): DemoImage {
  const [c1, c2, c3] = palette;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400">` +
    `<defs><linearGradient id="p" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${c1}"/><stop offset="1" stop-color="${c2}"/></linearGradient></defs>` +
    `<rect width="400" height="400" fill="${c3}"/><circle cx="200" cy="200" r="176" fill="url(#p)"/>` +
    `<text x="200" y="200" dy="0.35em" text-anchor="middle" font-family="${SERIF}" font-size="140" font-weight="700" fill="#fff">${esc(initials)}</text></svg>\n`;
  return { file, svg, width: 400, height: 400 };
}

export function demoImagesDir(): string {
  return path.join(process.cwd(), "public", "demo");
}

/**
 * Writes each image whose file is missing or differs. Writes go through a
 * temporary file and a rename so a reader never sees half an image.
 */
export function writeDemoImages(images: DemoImage[], dir = demoImagesDir()): number {
  fs.mkdirSync(dir, { recursive: true });
  let written = 0;
  for (const image of images) {
    const target = path.join(dir, image.file);
    if (fs.existsSync(target) && fs.readFileSync(target, "utf8") === image.svg) continue;
    const tmp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, image.svg);
    fs.renameSync(tmp, target);
    written++;
  }
  return written;
}
