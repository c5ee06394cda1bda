/**
 * Schema.org JSON-LD for a story page: NewsArticle, or OpinionNewsArticle
 * for expert comment, with authors as Person and the publisher named.
 */
import { isoDateTime } from "@/lib/dates";
import type { StoryDetail } from "@/lib/stories/public";
import { canonicalStoryUrl } from "@/lib/stories/republish";

type Site = { siteUrl: string; siteName: string };

function absolute(siteUrl: string, url: string): string {
  return /^https?:\/\//i.test(url) ? url : `${siteUrl}${url.startsWith("/") ? "" : "/"}${url}`;
}

export function storyJsonLd(story: Pick<StoryDetail, "type" | "slug" | "title" | "standfirst" | "seoDescription" | "publishAt" | "updatedAt" | "authors" | "hero" | "topics">, site: Site) {
  const url = canonicalStoryUrl(site.siteUrl, story.slug);
  return {
    "@context": "https://schema.org",
    "@type": story.type === "expert-comment" ? "OpinionNewsArticle" : "NewsArticle",
    headline: story.title.slice(0, 110),
    description: story.seoDescription || story.standfirst,
    url,
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    datePublished: isoDateTime(story.publishAt),
    dateModified: isoDateTime(story.updatedAt),
    ...(story.hero ? { image: [absolute(site.siteUrl, story.hero.url)] } : {}),
    author: story.authors.map((a) => ({
      "@type": "Person",
      name: a.name,
      url: `${site.siteUrl}/experts/${a.slug}`,
      ...(a.jobTitle ? { jobTitle: a.jobTitle } : {}),
      ...(a.institution ? { affiliation: { "@type": "Organization", name: a.institution } } : {}),
    })),
    publisher: { "@type": "Organization", name: site.siteName, url: site.siteUrl },
    ...(story.topics.length ? { keywords: story.topics.map((t) => t.name).join(", ") } : {}),
  };
}

/** JSON for a <script> element: "<" is escaped so no text can close the script early. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
