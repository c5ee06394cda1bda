/**
 * Reads the byline of a republishing snippet: each author link (rel="author",
 * or an outlet profile link) followed by ", Job title, Institution".
 */
import { closest, elements, relIncludes, remove, textOf, type Doc, type El } from "./html";

export type ImportedAuthor = { name: string; jobTitle?: string; institution?: string };

const BYLINE_CONTAINERS = ["span", "p", "div", "header", "address", "li"];

/** "…, Professor of Hydrology, University of Leeds and" → ["Professor of Hydrology", "University of Leeds"] */
function describe(segment: string): { jobTitle?: string; institution?: string } {
  const parts = segment
    .replace(/^[\s,;:–—-]+/, "")
    .replace(/(?:[\s,;]+|\s+(?:and|&)\s*)+$/i, "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  const [jobTitle, ...rest] = parts;
  return { ...(jobTitle ? { jobTitle } : {}), ...(rest.length ? { institution: rest.join(", ") } : {}) };
}

export function extractAuthors(doc: Doc): ImportedAuthor[] {
  let links = elements(doc, (el) => el.name === "a" && relIncludes(el, "author"));
  if (links.length === 0) links = elements(doc, (el) => el.name === "a" && /\/profiles?\//.test(el.attribs.href ?? ""));

  // Group links by their byline container so each author's description is the text up to the next name.
  const groups = new Map<El | null, El[]>();
  for (const link of links) {
    const container = closest(link, BYLINE_CONTAINERS);
    groups.set(container, [...(groups.get(container) ?? []), link]);
  }

  const authors: ImportedAuthor[] = [];
  for (const [container, group] of groups) {
    const text = container ? textOf(container) : "";
    let cursor = 0;
    group.forEach((link, i) => {
      const name = textOf(link);
      if (!name) return;
      const at = text.indexOf(name, cursor);
      const start = at >= 0 ? at + name.length : cursor;
      const nextName = group[i + 1] ? textOf(group[i + 1] as El) : "";
      const nextAt = nextName ? text.indexOf(nextName, start) : -1;
      const end = nextAt >= 0 ? nextAt : text.length;
      cursor = end;
      if (!authors.some((a) => a.name.toLowerCase() === name.toLowerCase())) authors.push({ name, ...describe(text.slice(start, end)) });
    });
    // A short container is the byline itself: drop it from the body. A long one is body text that merely links a profile.
    if (container && text.length <= 400) remove(container);
  }
  return authors;
}
