/**
 * Turns an outlet's HTML "republish" snippet (The Conversation's shape:
 * <h1> headline, byline, body, "This article is republished from … Read the
 * original article." note, canonical link, 1×1 counter image) into the parts
 * of a draft story. The HTML is sanitised before it is read, and only
 * Markdown comes out. Images the republishing licence does not cover are
 * dropped with a note; the counter image is returned separately because the
 * outlet's terms require it on the page and the Markdown renderer allows no
 * raw HTML (see stories.syndicationCounterUrl).
 */
import TurndownService from "turndown";
import { checkAccessibility } from "@/lib/a11y-check";
import { figureMarkdown } from "@/lib/media/figure";
import { extractAuthors, type ImportedAuthor } from "@/lib/syndication/byline";
import { extractImages, takeCounterImage } from "@/lib/syndication/images";
import { absoluteUrl, elements, parse, relIncludes, remove, sanitiseSnippet, textOf, outerHtml } from "@/lib/syndication/html";
import { licenceFromUrl, licenceNotes } from "@/lib/syndication/licence";
import { MAX_SNIPPET_LENGTH } from "./schema";

export type { ImportedAuthor };

export type ImportedSnippet = {
  title: string;
  authors: ImportedAuthor[];
  bodyMarkdown: string;
  syndicationSource: string | null;
  /** The canonical link (else the "original article" link). */
  syndicationUrl: string | null;
  syndicationLicence: string | null;
  counterImageUrl: string | null;
  /** Things the person importing must know or check (dropped images, assumptions). */
  notes: string[];
};

export { MAX_SNIPPET_LENGTH };

const REPUBLISH_NOTE = /republished from|originally published (?:on|in|by)|appeared (?:first )?(?:on|in)/i;

function turndown(): TurndownService {
  const service = new TurndownService({ headingStyle: "atx", bulletListMarker: "-", codeBlockStyle: "fenced", emDelimiter: "_", strongDelimiter: "**", hr: "---" });
  // Kept figures arrive as <img data-caption data-credit>: write them in the one figure syntax the renderer knows.
  service.addRule("figure-image", {
    filter: "img",
    replacement: (_content, node) => {
      const el = node as HTMLElement;
      const url = el.getAttribute("src") ?? "";
      if (!url) return "";
      const md = figureMarkdown({ url, altText: el.getAttribute("alt") ?? "", caption: el.getAttribute("data-caption") ?? "", credit: el.getAttribute("data-credit") ?? "" });
      return `\n\n${md}\n\n`;
    },
  });
  return service;
}

export function importRepublishSnippet(html: string, { siteUrl }: { siteUrl: string }): ImportedSnippet {
  const notes: string[] = [];
  if (/<iframe|<video|<audio|<script/i.test(html)) notes.push("Embedded media or scripts in the snippet were removed; add any video or audio through the story's media fields.");
  const doc = parse(sanitiseSnippet(html.slice(0, MAX_SNIPPET_LENGTH)));

  const h1 = elements(doc, "h1")[0];
  const title = h1 ? textOf(h1) : "";
  if (h1) remove(h1);
  else notes.push("The snippet has no headline (<h1>); enter the title yourself.");

  const canonicalLink = elements(doc, (el) => el.name === "link" && relIncludes(el, "canonical"))[0];
  const canonical = absoluteUrl(canonicalLink?.attribs.href);
  for (const link of elements(doc, "link")) remove(link);
  // Taken before the note paragraph is removed: the counter image often sits inside it.
  const counterImageUrl = takeCounterImage(doc, canonical);
  if (!counterImageUrl) notes.push("No counter (tracking) image was found; check the outlet's republishing guidelines.");

  // The "republished from … under a Creative Commons license. Read the original article." note.
  let source: string | null = null;
  let originalUrl: string | null = null;
  let licence: string | null = null;
  let outletUrl: string | null = null;
  const noteCandidates = elements(doc, (el) => ["p", "div", "span"].includes(el.name) && REPUBLISH_NOTE.test(textOf(el)) && textOf(el).length < 600);
  // Innermost only, so a wrapper <div> around a short snippet is not mistaken for the note.
  const noteParagraphs = noteCandidates.filter((el) => !noteCandidates.some((other) => other !== el && elements(el).includes(other)));
  for (const p of noteParagraphs) {
    for (const a of elements(p, "a")) {
      const href = absoluteUrl(a.attribs.href, canonical);
      const text = textOf(a);
      if (!href) continue;
      if (/creativecommons\.org/i.test(href)) licence ??= licenceFromUrl(href);
      else if (/original (?:article|version|story)/i.test(text)) originalUrl ??= href;
      else if (!source && text) [source, outletUrl] = [text, href];
    }
    if (!licence && /creative commons/i.test(textOf(p))) licence = "Creative Commons";
    remove(p);
  }
  const syndicationUrl = canonical ?? originalUrl;
  if (!syndicationUrl) notes.push("No canonical link or \"original article\" link was found; add the original URL in the syndication fields.");
  if (canonical && originalUrl && canonical !== originalUrl) notes.push(`The canonical link (${canonical}) and the "original article" link (${originalUrl}) differ; the canonical link was kept.`);
  source ??= syndicationUrl ? new URL(syndicationUrl).hostname.replace(/^www\./, "") : null;
  const base = syndicationUrl ?? outletUrl;
  licence = licenceNotes({ licence, outletUrl: outletUrl ?? syndicationUrl, source, notes });

  const authors = extractAuthors(doc);
  if (authors.length === 0) notes.push("No author byline was found; add the author(s) before submitting.");

  extractImages(doc, { base, notes });

  // Links: absolute to the outlet, relative to our own site; a body <h1> would be a second page title.
  const ownOrigin = absoluteUrl(siteUrl) ? new URL(siteUrl).origin : null;
  for (const a of elements(doc, "a")) {
    const href = absoluteUrl(a.attribs.href, base) ?? (a.attribs.href?.startsWith("mailto:") ? a.attribs.href : null);
    a.attribs = href ? { href: ownOrigin && href.startsWith(`${ownOrigin}/`) ? href.slice(ownOrigin.length) : href } : {};
  }
  for (const heading of elements(doc, "h1")) heading.name = "h2";
  if (elements(doc, "table").length > 0) notes.push("The snippet contains a table, which was converted to plain text; check it.");

  const bodyMarkdown = turndown().turndown(outerHtml(doc)).replace(/\n{3,}/g, "\n\n").trim();
  if (!bodyMarkdown) notes.push("The snippet has no body text.");
  for (const problem of checkAccessibility(bodyMarkdown)) notes.push(`Accessibility: ${problem.message}`);

  return { title, authors, bodyMarkdown, syndicationSource: source, syndicationUrl, syndicationLicence: licence, counterImageUrl, notes };
}
