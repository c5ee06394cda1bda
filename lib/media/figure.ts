/**
 * The Markdown for a figure, in the one syntax lib/markdown.ts renders as
 * <figure>: `![Alt](url "Caption | Credit")`. Pure (no server-only) so the
 * story editor's toolbar can use it in the browser too.
 */
export type FigureParts = { url: string; altText: string; caption?: string; credit?: string };

/** Title text cannot hold an unescaped quote, and "|" is the caption/credit separator. */
const titlePart = (text: string) => text.replace(/\s+/g, " ").replace(/\|/g, "/").replace(/"/g, "\\\"").trim();
/** Alt text must not close the brackets early. */
const altPart = (text: string) => text.replace(/\s+/g, " ").replace(/([[\]\\])/g, "\\$1").trim();

export function figureMarkdown({ url, altText, caption = "", credit = "" }: FigureParts): string {
  // A credit without a caption keeps its separator so it is still shown as the credit.
  const title = credit.trim() ? `${titlePart(caption)} | ${titlePart(credit)}` : titlePart(caption);
  const destination = /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
  return title ? `![${altPart(altText)}](${destination} "${title}")` : `![${altPart(altText)}](${destination})`;
}

/** The widest WebP variant (what a story body should point at), else the original. */
export function bestImageUrl(item: { url: string; variants: { width: number; url: string }[] }): string {
  const widest = [...item.variants].sort((a, b) => b.width - a.width)[0];
  return widest?.url ?? item.url;
}
