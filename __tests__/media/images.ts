import sharp from "sharp";

/** Real images made with sharp, so the tests exercise real decoding. */
export async function makeImage(format: "jpeg" | "png" | "webp" | "avif", width = 1200, height = 800): Promise<Buffer> {
  const base = sharp({ create: { width, height, channels: 3, background: { r: 40, g: 90, b: 160 } } });
  return base[format]().toBuffer();
}

/** A JPEG with real detail (noise), so cutting it in half leaves a truncated scan. */
export async function noisyJpeg(width = 1000, height = 700): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 40 } } }).jpeg().toBuffer();
}

export const SVG = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert(1)</script><rect width="100" height="100"/></svg>');
export const HTML = Buffer.from("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>");
