/**
 * The "Republish this story" snippet: what another site pastes to carry our
 * story under its licence. It keeps the headline, byline, body, a link back
 * to the canonical URL and a 1×1 counter image that records republication
 * views (app/(public)/news/[slug]/republish-counter.gif).
 */
import { licenceUrl } from "@/lib/syndication/licence";
import { escapeHtml } from "@/lib/escape";

export type RepublishInput = {
  title: string;
  slug: string;
  authors: { name: string; jobTitle: string; institution: string }[];
  /** Already-sanitised HTML from renderMarkdown(). */
  bodyHtml: string;
  licence: string;
  siteName: string;
  siteUrl: string;
};


export function canonicalStoryUrl(siteUrl: string, slug: string): string {
  return `${siteUrl}/news/${slug}`;
}

export function republishCounterUrl(siteUrl: string, slug: string): string {
  return `${siteUrl}/news/${slug}/republish-counter.gif`;
}

export function buildRepublishSnippet(input: RepublishInput): string {
  const canonical = canonicalStoryUrl(input.siteUrl, input.slug);
  // Root-relative links and images would point at the republisher's site.
  const body = input.bodyHtml.replace(/(href|src)="\/(?!\/)/g, `$1="${input.siteUrl}/`).trim();
  const byline = input.authors
    .map((a) => [a.name, a.jobTitle, a.institution].filter(Boolean).map(escapeHtml).join(", "))
    .join("; ");
  const deed = licenceUrl(input.licence);
  const licence = deed ? `<a href="${deed}">${escapeHtml(input.licence)}</a>` : escapeHtml(input.licence);
  return [
    "<article>",
    `<h1>${escapeHtml(input.title)}</h1>`,
    byline ? `<p>By ${byline}</p>` : "",
    body,
    `<p>This article was originally published by <a href="${canonical}">${escapeHtml(input.siteName)}</a>. Republished under ${licence}.</p>`,
    `<img src="${republishCounterUrl(input.siteUrl, input.slug)}" alt="" width="1" height="1">`,
    "</article>",
  ]
    .filter(Boolean)
    .join("\n");
}
