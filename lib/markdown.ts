/**
 * THE Markdown renderer: story bodies, event descriptions, transcripts and the
 * editor's preview all go through renderMarkdown(), so what an editor sees is
 * what the public gets, and every path is sanitised the same way.
 *
 * Client-safe: the editor preview renders in the browser too, so this module
 * reads no configuration. The caller passes the site's origin (the server
 * from config(), the browser from window.location) to tell its own links
 * from external ones.
 *
 * House extensions:
 * - a standalone image whose title is "Caption | Credit" becomes a <figure>
 *   with a <figcaption> (the credit in <span class="credit">);
 * - "# Heading" is demoted to <h2>: the page's headline is the only <h1>;
 * - external links get rel="noopener"; images load lazily.
 */
import { Marked, type Tokens } from "marked";
import sanitizeHtml from "sanitize-html";
import { escapeHtml } from "@/lib/escape";


/** "Caption | Photo: Jane Doe" → { caption, credit }. Only the first " | " splits. */
export function splitFigureTitle(title: string | null | undefined): { caption: string; credit: string } {
  if (!title) return { caption: "", credit: "" };
  const at = title.indexOf(" | ");
  if (at === -1) return { caption: title.trim(), credit: "" };
  return { caption: title.slice(0, at).trim(), credit: title.slice(at + 3).trim() };
}

function figureHtml(image: Tokens.Image): string {
  const { caption, credit } = splitFigureTitle(image.title);
  const img = `<img src="${escapeHtml(image.href)}" alt="${escapeHtml(image.text)}">`;
  if (!caption && !credit) return `<figure>${img}</figure>\n`;
  const creditHtml = credit ? `${caption ? " " : ""}<span class="credit">${escapeHtml(credit)}</span>` : "";
  return `<figure>${img}<figcaption>${escapeHtml(caption)}${creditHtml}</figcaption></figure>\n`;
}

const marked = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    heading({ tokens, depth }) {
      const level = Math.min(Math.max(depth, 2), 6);
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
    paragraph({ tokens }) {
      const meaningful = tokens.filter((t) => !(t.type === "text" && t.raw.trim() === ""));
      const only = meaningful[0];
      if (meaningful.length === 1 && only?.type === "image") return figureHtml(only as Tokens.Image);
      return `<p>${this.parser.parseInline(tokens)}</p>\n`;
    },
  },
});

function isExternal(href: string, siteOrigin: string | undefined): boolean {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith("//")) return false;
  try {
    const url = new URL(href, siteOrigin ?? "http://invalid.invalid");
    if (url.protocol !== "http:" && url.protocol !== "https:") return false;
    return siteOrigin === undefined || url.origin !== new URL(siteOrigin).origin;
  } catch {
    return false;
  }
}

const sanitizeOptions = (siteOrigin: string | undefined): sanitizeHtml.IOptions => ({
  allowedTags: [
    "p", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "a", "img", "figure", "figcaption",
    "span", "em", "strong", "b", "i", "code", "pre", "hr", "br", "del", "sup", "sub", "abbr", "cite", "q",
    "table", "thead", "tbody", "tr", "th", "td", "caption", "dl", "dt", "dd",
  ],
  allowedAttributes: {
    a: ["href", "title", "rel"],
    img: ["src", "alt", "title", "width", "height", "loading", "decoding"],
    abbr: ["title"],
    ol: ["start"],
    th: ["scope", "colspan", "rowspan"],
    td: ["colspan", "rowspan"],
  },
  allowedClasses: { span: ["credit"], code: [/^language-[a-z0-9-]+$/] },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowedSchemesAppliedToAttributes: ["href", "src", "cite"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    a: (tagName, attribs) => {
      const attrs: sanitizeHtml.Attributes = { ...attribs };
      delete attrs.rel;
      if (attrs.href && isExternal(attrs.href, siteOrigin)) attrs.rel = "noopener";
      return { tagName, attribs: attrs };
    },
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, alt: attribs.alt ?? "", loading: "lazy", decoding: "async" } }),
  },
  // A link or image whose URL was dropped as unsafe is dropped too (its text stays).
  exclusiveFilter: (frame) => frame.tag === "img" && !frame.attribs.src,
});

export type RenderOptions = {
  /** The site's own origin; links elsewhere get rel="noopener". Unset, every absolute link counts as external. */
  siteOrigin?: string;
};

/** Markdown (or already-HTML text) → sanitised HTML. Safe to inject with dangerouslySetInnerHTML. */
export function renderMarkdown(md: string, options: RenderOptions = {}): string {
  if (!md) return "";
  const html = marked.parse(md, { async: false });
  return sanitizeHtml(html, sanitizeOptions(options.siteOrigin));
}

/** Sanitised HTML → plain text, for meta descriptions and feed summaries. */
export function markdownToText(md: string): string {
  const text = sanitizeHtml(renderMarkdown(md), { allowedTags: [], allowedAttributes: {} });
  return text.replace(/&nbsp;/g, " ").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, " ").trim();
}
