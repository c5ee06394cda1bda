/**
 * Responsive image sources for uploads. Pure (no sharp, no database) so
 * components can use it: an upload of width W is stored as `<name>.<ext>`
 * plus WebP copies `<name>-<w>.webp` for each of variantWidths(W)
 * (lib/media/upload.ts), so a picture's URL and width are enough to list
 * them. __tests__/media/srcset.test.tsx checks this against real uploads.
 */

/** Widths of the WebP copies made on upload (never wider than the original). */
export const VARIANT_WIDTHS = [480, 960, 1600] as const;

export function variantWidths(originalWidth: number): number[] {
  return [...new Set(VARIANT_WIDTHS.map((w) => Math.min(w, originalWidth)))];
}

const UPLOADED_RASTER = /^(\/uploads\/[a-f0-9]+)\.(?:jpg|jpeg|png|webp|avif)$/i;

/** `srcset` for an uploaded raster image; nothing for SVG, demo art or outside addresses. */
export function responsiveImage(url: string, width: number): { srcSet?: string } {
  const base = UPLOADED_RASTER.exec(url)?.[1];
  if (!base || !Number.isInteger(width) || width <= 0) return {};
  return { srcSet: variantWidths(width).map((w) => `${base}-${w}.webp ${w}w`).join(", ") };
}

/** Rendered widths (globals.css): the hero spans the 72rem container; cards fill a grid of columns at least 15rem wide. */
export const HERO_SIZES = "(min-width: 74rem) 70rem, 100vw";
export const CARD_SIZES = "(min-width: 64rem) 18rem, (min-width: 34rem) 50vw, 100vw";
