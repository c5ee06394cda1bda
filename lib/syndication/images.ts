/**
 * Images in a republishing snippet. The outlet's licence covers its text,
 * not the photos it bought from agencies: an image is kept only when its
 * own caption or credit carries a Creative Commons (or public domain)
 * licence. The counter image is the exception the terms require.
 */
import { escapeHtml } from "@/lib/escape";
import { absoluteUrl, closest, elements, remove, replaceWith, textOf, type Doc, type El } from "./html";

const COUNTER_SRC = /\/count(?:er)?\.gif|\/count(?:er)?(?:[/?]|$)|counter\.|pixel\.gif/i;

export function isCounterImage(img: El): boolean {
  const { width, height, src = "" } = img.attribs;
  return (width === "1" && height === "1") || COUNTER_SRC.test(src);
}

/** Removes every counter image and returns the first one's absolute URL. */
export function takeCounterImage(doc: Doc, base: string | null): string | null {
  let url: string | null = null;
  for (const img of elements(doc, (el) => el.name === "img" && isCounterImage(el))) {
    url ??= absoluteUrl(img.attribs.src, base);
    remove(img);
  }
  return url;
}

const OPEN_LICENCE = /creative\s*commons|creativecommons\.org|\bCC[\s-]?(?:BY|0)\b|public\s+domain/i;

const hasClass = (el: El, pattern: RegExp) => pattern.test(el.attribs.class ?? "");

function captionAndCredit(figcaption: El | undefined): { caption: string; credit: string; licensed: boolean } {
  if (!figcaption) return { caption: "", credit: "", licensed: false };
  const hrefs = elements(figcaption, "a").map((a) => a.attribs.href ?? "").join(" ");
  const licensed = OPEN_LICENCE.test(`${textOf(figcaption)} ${hrefs}`);
  const captionEl = elements(figcaption, (el) => hasClass(el, /\bcaption\b/))[0];
  const creditEl = elements(figcaption, (el) => hasClass(el, /\b(?:attribution|credit)\b/))[0];
  if (captionEl || creditEl) return { caption: captionEl ? textOf(captionEl) : "", credit: creditEl ? textOf(creditEl) : "", licensed };
  return { caption: textOf(figcaption), credit: "", licensed };
}


function describe(alt: string, credit: string, src: string): string {
  const what = alt ? `"${alt}"` : src;
  return credit ? `${what} (${credit})` : what;
}

/**
 * Keeps licensed figures (rewritten as <p><img data-caption data-credit>
 * for the Markdown converter) and drops every other image with a note.
 */
export function extractImages(doc: Doc, { base, notes }: { base: string | null; notes: string[] }): void {
  const handled = new Set<El>();
  for (const img of elements(doc, "img")) {
    if (handled.has(img)) continue;
    const figure = closest(img, ["figure"]);
    const alt = img.attribs.alt?.trim() ?? "";
    const src = absoluteUrl(img.attribs.src, base);
    const { caption, credit, licensed } = figure
      ? captionAndCredit(elements(figure, "figcaption")[0])
      : { caption: "", credit: "", licensed: OPEN_LICENCE.test(`${alt} ${img.attribs.title ?? ""}`) };
    if (figure) for (const other of elements(figure, "img")) handled.add(other);

    if (!licensed || !src) {
      notes.push(`Dropped the image ${describe(alt, credit, src ?? img.attribs.src ?? "")}: the republishing licence does not cover it. Choose a replacement from the media library if the story needs one.`);
      remove(figure ?? img);
      continue;
    }
    notes.push(`Kept the Creative Commons image ${describe(alt, credit, src)}; it is still hosted by the outlet, so consider uploading it to the media library with its credit and licence.`);
    if (!alt) notes.push(`The kept image ${src} has no alt text; add a description before submitting.`);
    replaceWith(
      figure ?? img,
      `<p><img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}" data-caption="${escapeHtml(caption)}" data-credit="${escapeHtml(credit)}"></p>`,
    );
  }
}
