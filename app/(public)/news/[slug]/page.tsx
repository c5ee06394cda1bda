import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { Byline } from "@/components/byline";
import { CommentForm } from "@/components/comment-form";
import { CommentList } from "@/components/comment-list";
import { EventTeaserList } from "@/components/event-teaser-list";
import { Figure } from "@/components/figure";
import { JsonLd } from "@/components/json-ld";
import { Markdown } from "@/components/markdown";
import { MediaPlayer } from "@/components/media-player";
import { PromoList } from "@/components/promo-block";
import { RepublishPanel } from "@/components/republish-panel";
import { StoryCardGrid } from "@/components/story-card";
import { SyndicationNote } from "@/components/syndication-note";
import { listApprovedComments } from "@/lib/comments/public";
import { config } from "@/lib/config";
import { formatDate, isoDateTime } from "@/lib/dates";
import { listUpcomingEvents } from "@/lib/events/upcoming";
import { markdownToText, renderMarkdown } from "@/lib/markdown";
import { listPromos } from "@/lib/promos/public";
import { cspNonce } from "@/lib/request";
import { storyJsonLd } from "@/lib/stories/json-ld";
import { STORY_TYPE_LABELS } from "@/lib/stories/labels";
import { getStoryBySlug, listLatest, listRelated, resolveOldSlug } from "@/lib/stories/public";
import { buildRepublishSnippet, canonicalStoryUrl } from "@/lib/stories/republish";
import { submitCommentAction } from "./actions";
import { PageSection } from "@/components/page-section";

type Props = { params: Promise<{ slug: string }> };

/** generateMetadata and the page read the same story: once per request (React's cache lasts one render). */
const storyFor = cache((slug: string) => getStoryBySlug(slug));

function describe(story: { seoDescription: string | null; standfirst: string; body: string }): string {
  const text = story.seoDescription || story.standfirst || markdownToText(story.body);
  return text.length > 200 ? `${text.slice(0, 197).trimEnd()}…` : text;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const story = await storyFor(slug);
  if (!story) return { title: "Page not found" };
  const description = describe(story);
  const images = story.hero
    ? [{ url: story.hero.url, alt: story.hero.alt, ...(story.hero.width ? { width: story.hero.width, height: story.hero.height } : {}) }]
    : undefined;
  return {
    title: story.title,
    description,
    alternates: { canonical: `/news/${story.slug}` },
    openGraph: {
      type: "article",
      url: `/news/${story.slug}`,
      title: story.title,
      description,
      siteName: `${config().siteName} Newsroom`,
      locale: "en_GB",
      publishedTime: isoDateTime(story.publishAt),
      modifiedTime: isoDateTime(story.updatedAt),
      authors: story.authors.map((a) => `/experts/${a.slug}`),
      section: STORY_TYPE_LABELS[story.type],
      tags: story.topics.map((t) => t.name),
      images,
    },
    twitter: {
      card: story.hero ? "summary_large_image" : "summary",
      title: story.title,
      description,
      images: images?.map((i) => ({ url: i.url, alt: i.alt })),
    },
  };
}

export default async function StoryPage({ params }: Props) {
  const { slug } = await params;
  const story = await storyFor(slug);
  if (!story) {
    const current = await resolveOldSlug(slug);
    if (current) permanentRedirect(`/news/${current}`);
    notFound();
  }
  // Views (and the outlet's counter) are counted by the server for cached and fresh pages alike (scripts/server.ts);
  // behind a caching proxy (VIEW_COUNTING=beacon) the page carries a 1×1 image that the server counts instead.
  const { siteName, siteUrl, viewCounting } = config();
  const [related, latest, events, promos] = await Promise.all([
    listRelated(story.id, 3),
    listLatest({ limit: 3, excludeId: story.id }),
    listUpcomingEvents(4),
    listPromos(),
  ]);
  const comments = story.commentsEnabled ? await listApprovedComments(story.id) : [];
  const nonce = await cspNonce();
  const canonicalUrl = canonicalStoryUrl(siteUrl, story.slug);
  const playable = (story.type === "video" || story.type === "audio") && story.mediaUrl;

  return (
    <>
      <JsonLd data={storyJsonLd(story, { siteUrl, siteName })} nonce={nonce} />
      <article className="story container" aria-labelledby="story-title">
        <header className="story__header">
          <p className="type-label">{STORY_TYPE_LABELS[story.type]}</p>
          <h1 id="story-title">{story.title}</h1>
          <p className="meta">
            <time dateTime={isoDateTime(story.publishAt)}>{formatDate(story.publishAt)}</time>
          </p>
          {story.standfirst ? <p className="standfirst">{story.standfirst}</p> : null}
          <Byline authors={story.authors} />
        </header>

        {story.hero ? (
          <Figure src={story.hero.url} alt={story.hero.alt} caption={story.hero.caption} credit={story.hero.credit} width={story.hero.width} height={story.hero.height} eager />
        ) : null}
        {playable ? <MediaPlayer kind={story.type as "video" | "audio"} src={story.mediaUrl!} title={story.title} transcript={story.transcript} captionsSrc={story.captionsUrl ?? undefined} /> : null}

        <Markdown source={story.body} className="prose story__body" />

        {story.syndication ? <SyndicationNote {...story.syndication} /> : null}

        {story.topics.length ? (
          <nav className="story__topics" aria-label="Topics">
            <ul>
              {story.topics.map((t) => (
                <li key={t.slug}><a href={`/topics/${t.slug}`}>{t.name}</a></li>
              ))}
            </ul>
          </nav>
        ) : null}

        {/* comments: approved ones and the form (lib/comments, components/comment-*), only when switched on */}
        {story.commentsEnabled ? (
          <section className="comments" aria-labelledby="comments-heading">
            <h2 id="comments-heading">Comments</h2>
            <CommentList comments={comments} />
            <CommentForm action={submitCommentAction} storyId={story.id} />
          </section>
        ) : null}

        {story.syndication ? null : (
          <RepublishPanel
            licence={story.republishLicence}
            canonicalUrl={canonicalUrl}
            snippet={buildRepublishSnippet({ title: story.title, slug: story.slug, authors: story.authors, bodyHtml: renderMarkdown(story.body, { siteOrigin: siteUrl }), licence: story.republishLicence, siteName, siteUrl })}
          />
        )}
        {viewCounting === "beacon" ? (
          // eslint-disable-next-line @next/next/no-img-element -- a 1×1 view counter, not content: next/image would add nothing
          <img src={`/news/${story.slug}/view.gif`} alt="" width={1} height={1} decoding="async" />
        ) : null}
      </article>

      <div className="container story__more">
        {related.length ? (
          <PageSection id="related" heading="Related stories">
            <StoryCardGrid stories={related} />
          </PageSection>
        ) : null}
        <PageSection id="latest" heading="Latest news and features" more={{ href: "/news", label: "All news and features" }}>
          <StoryCardGrid stories={latest} />
        </PageSection>
        <PageSection id="events" heading="Upcoming events" more={{ href: "/events", label: "More events" }}>
          <EventTeaserList events={events} />
        </PageSection>
        {promos.length ? (
          <PageSection id="promos" heading={<>Discover {siteName}</>}>
            <PromoList promos={promos} />
          </PageSection>
        ) : null}
        <p className="back-to-top"><a href="#top">Back to top</a></p>
      </div>
    </>
  );
}
