import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { config } from "@/lib/config";

/**
 * Serves uploaded images and WebVTT captions from the uploads folder. Only names the server
 * itself generates are accepted (32 hex digits, an optional variant width,
 * a known extension), so no path can step outside the folder. Names are
 * random and never reused, which makes the files safe to cache for a year.
 */
const NAME = /^[a-f0-9]{32}(?:-\d+\.(webp)|\.(jpg|png|webp|avif|vtt))$/;

// Captions are UTF-8 text (checked on upload); the charset stops a browser guessing another.
const TYPES: Record<string, string> = { jpg: "image/jpeg", png: "image/png", webp: "image/webp", avif: "image/avif", vtt: "text/vtt; charset=utf-8" };

const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store" } });

export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  const match = NAME.exec(name);
  const ext = match?.[1] ?? match?.[2];
  if (!match || !ext) return notFound();
  const file = path.join(config().uploadsDir, name);
  let size: number;
  try {
    const stat = await fs.promises.stat(file);
    if (!stat.isFile()) return notFound();
    size = stat.size;
  } catch {
    return notFound();
  }
  const stream = Readable.toWeb(fs.createReadStream(file)) as ReadableStream<Uint8Array>;
  return new Response(stream, {
    headers: {
      "Content-Type": TYPES[ext] ?? "application/octet-stream",
      "Content-Length": String(size),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
      // An image or a captions file never needs to run anything, even if opened directly.
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
