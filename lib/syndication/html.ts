/**
 * HTML helpers for importing a republishing snippet: the allow-list the
 * pasted HTML is sanitised with before anything reads it, and small DOM
 * utilities over htmlparser2 (the parser sanitize-html itself uses).
 */
import { DomUtils, parseDocument } from "htmlparser2";
import sanitizeHtml from "sanitize-html";

export type Doc = ReturnType<typeof parseDocument>;
export type El = ReturnType<typeof DomUtils.getElementsByTagName>[number];
type AnyNode = Doc["children"][number];

/**
 * Only structure survives: no scripts, styles, event handlers, iframes or
 * javascript: URLs. Classes are kept because outlets mark captions and
 * credits with them; nothing here is ever output as HTML (it becomes Markdown).
 */
export function sanitiseSnippet(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [
      "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "a", "strong", "b", "em", "i", "u", "s", "blockquote", "q", "cite",
      "ul", "ol", "li", "figure", "figcaption", "img", "span", "div", "section", "article", "header", "footer", "main",
      "link", "code", "pre", "sub", "sup", "table", "thead", "tbody", "tr", "th", "td", "caption",
    ],
    allowedAttributes: {
      a: ["href", "rel", "title"],
      img: ["src", "alt", "width", "height", "title"],
      link: ["rel", "href"],
      "*": ["class"],
    },
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesByTag: { img: ["http", "https"], link: ["http", "https"] },
    nonTextTags: ["script", "style", "textarea", "option", "noscript", "title", "template", "iframe", "object", "svg", "math"],
  });
}

export const parse = (html: string): Doc => parseDocument(html);

export const textOf = (node: AnyNode | AnyNode[]): string => DomUtils.textContent(node).replace(/\s+/g, " ").trim();

export function elements(root: Doc | El, name?: string | ((el: El) => boolean)): El[] {
  const test = typeof name === "function" ? name : (el: El) => name === undefined || el.name === name;
  return DomUtils.findAll(test, root.children);
}

export function closest(el: El, names: string[]): El | null {
  for (let p = el.parent; p && DomUtils.isTag(p); p = p.parent) if (names.includes(p.name)) return p;
  return null;
}

export const relIncludes = (el: El, value: string) => (el.attribs.rel ?? "").toLowerCase().split(/\s+/).includes(value);

export const remove = (el: El) => DomUtils.removeElement(el);

/** An absolute http(s) URL, or null; "//host/x" and relative paths resolve against base. */
export function absoluteUrl(href: string | undefined, base?: string | null): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, base ?? "https://invalid.invalid");
    if (url.hostname === "invalid.invalid" || (url.protocol !== "https:" && url.protocol !== "http:")) return null;
    return url.toString();
  } catch {
    return null;
  }
}

export const outerHtml = (doc: Doc) => DomUtils.getOuterHTML(doc.children);

/** Replaces el with a fresh element (used to turn a kept <figure> into a plain image paragraph). */
export function replaceWith(el: El, html: string): void {
  const fresh = parseDocument(html).children;
  for (const node of fresh) DomUtils.prepend(el, node);
  remove(el);
}
