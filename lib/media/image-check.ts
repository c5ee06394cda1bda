import "server-only";
import sharp from "sharp";
import { InvalidError } from "@/lib/errors";
import { variantWidths } from "./responsive";

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MAX_PIXELS = 40_000_000;

export type ImageKind = { ext: "jpg" | "png" | "webp" | "avif"; mimeType: string; sharpFormat: string };

const KINDS = {
  jpg: { ext: "jpg", mimeType: "image/jpeg", sharpFormat: "jpeg" },
  png: { ext: "png", mimeType: "image/png", sharpFormat: "png" },
  webp: { ext: "webp", mimeType: "image/webp", sharpFormat: "webp" },
  avif: { ext: "avif", mimeType: "image/avif", sharpFormat: "heif" },
} as const satisfies Record<string, ImageKind>;

const ascii = (bytes: Buffer, start: number, end: number) => bytes.subarray(start, end).toString("latin1");

/**
 * The file type from its first bytes. Names and the browser's MIME type are
 * chosen by whoever uploads, so they are never consulted.
 */
export function sniffImageKind(bytes: Buffer): ImageKind | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return KINDS.jpg;
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return KINDS.png;
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return KINDS.webp;
  if (bytes.length >= 16 && ascii(bytes, 4, 8) === "ftyp") {
    // ISO-BMFF: major brand at 8, then compatible brands until the box ends.
    const boxEnd = Math.min(bytes.readUInt32BE(0), bytes.length);
    const brands = [ascii(bytes, 8, 12)];
    for (let at = 16; at + 4 <= boxEnd; at += 4) brands.push(ascii(bytes, at, at + 4));
    if (brands.includes("avif") || brands.includes("avis")) return KINDS.avif;
  }
  return null;
}

const NOT_AN_IMAGE = "This file is not a JPEG, PNG, WebP or AVIF image. Other files (including SVG, HTML or documents renamed to look like images) cannot be uploaded.";
const CORRUPT = "This image file is damaged or incomplete, so it cannot be used. Try exporting it again from the original.";

export type CheckedImage = { kind: ImageKind; width: number; height: number };

/**
 * Refuses anything but a whole, decodable JPEG/PNG/WebP/AVIF within the
 * size limits. Magic bytes and sharp's own reading of the header must agree,
 * so a polyglot that merely starts with image bytes is refused as well.
 */
export async function checkImage(bytes: Buffer): Promise<CheckedImage> {
  if (bytes.length === 0) throw new InvalidError("Choose an image file to upload.", { file: "Choose an image file to upload." });
  if (bytes.length > MAX_UPLOAD_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    const message = `This file is ${mb} MB; images must be 10 MB or smaller.`;
    throw new InvalidError(message, { file: message });
  }
  const kind = sniffImageKind(bytes);
  if (!kind) throw new InvalidError(NOT_AN_IMAGE, { file: NOT_AN_IMAGE });

  let meta: Awaited<ReturnType<ReturnType<typeof sharp>["metadata"]>>;
  try {
    // No pixel limit here: we want the real size to report it, and metadata() reads only the header.
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new InvalidError(CORRUPT, { file: CORRUPT });
  }
  const sameFormat = meta.format === kind.sharpFormat && (kind.ext !== "avif" || meta.compression === "av1");
  if (!sameFormat) throw new InvalidError(NOT_AN_IMAGE, { file: NOT_AN_IMAGE });
  const width = meta.autoOrient?.width ?? meta.width;
  const height = meta.autoOrient?.height ?? meta.height;
  if (!width || !height) throw new InvalidError(CORRUPT, { file: CORRUPT });
  if (width * height > MAX_PIXELS) {
    const mp = ((width * height) / 1_000_000).toFixed(1);
    const message = `This image is ${width} × ${height} pixels (${mp} megapixels); images must be 40 megapixels or smaller.`;
    throw new InvalidError(message, { file: message });
  }
  return { kind, width, height };
}

/**
 * The original as it will be served: turned upright by its EXIF orientation,
 * then re-encoded in the same format with no EXIF, XMP or IPTC (GPS
 * position, camera serial numbers, editing history) — only the colour
 * profile is kept so colours do not shift. Lossy formats are re-encoded at
 * high quality; PNG stays lossless.
 */
export async function withoutMetadata(bytes: Buffer, kind: ImageKind): Promise<Buffer> {
  try {
    const image = sharp(bytes, { failOn: "truncated", limitInputPixels: MAX_PIXELS }).rotate().keepIccProfile();
    switch (kind.ext) {
      case "jpg":
        return await image.jpeg({ quality: 92, mozjpeg: true }).toBuffer();
      case "png":
        return await image.png({ compressionLevel: 9 }).toBuffer();
      case "webp":
        return await image.webp({ quality: 92 }).toBuffer();
      case "avif":
        return await image.avif({ quality: 80 }).toBuffer();
    }
  } catch {
    throw new InvalidError(CORRUPT, { file: CORRUPT });
  }
}

/** Widths of the WebP variants, capped at the original's width so nothing is upscaled: defined with srcset in ./responsive. */
export { VARIANT_WIDTHS, variantWidths } from "./responsive";

/**
 * Decodes the whole image once per variant. A truncated file fails here
 * (failOn "truncated"), before anything is written.
 */
export async function makeVariants(bytes: Buffer, originalWidth: number): Promise<{ width: number; data: Buffer }[]> {
  const out: { width: number; data: Buffer }[] = [];
  for (const width of variantWidths(originalWidth)) {
    try {
      const data = await sharp(bytes, { failOn: "truncated", limitInputPixels: MAX_PIXELS })
        .rotate() // apply EXIF orientation; variants carry no metadata (no GPS leaks)
        .resize({ width, withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer();
      out.push({ width, data });
    } catch {
      throw new InvalidError(CORRUPT, { file: CORRUPT });
    }
  }
  return out;
}
