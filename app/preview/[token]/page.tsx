import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Markdown } from "@/components/markdown";
import { MediaPlayer } from "@/components/media-player";
import { SyndicationNote } from "@/components/syndication-note";
import { config } from "@/lib/config";
import { formatDate, formatDateTime, isoDateTime } from "@/lib/dates";
import { getStoryByPreviewToken } from "@/lib/stories/preview";
import { STORY_TYPE_LABELS } from "@/lib/stories/labels";

export const metadata: Metadata = {
  title: "Preview",
  robots: { index: false, follow: false, nocache: true },
  referrer: "no-referrer",
};

/**
 * An embargoed draft shared by link: read-only, never indexed, never cached
 * (the token is checked on every request, so an expired link stops working
 * at once). Same renderer and article markup as the public story page.
 */
export default async function PreviewPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const story = await getStoryByPreviewToken(token);
  if (!story) notFound();
  const { siteName } = config();
  return (
    <>
      <div className="preview-banner" role="note">
        <div className="container">
          <strong>Preview under embargo: not for publication.</strong> {siteName} newsroom. This link stops working on{" "}
          {formatDateTime(story.expiresAt)}.
        </div>
      </div>
      <main id="main" tabIndex={-1} className="site-main">
        <article className="container story">
          <header className="story__header narrow">
            <p className="type-label">{STORY_TYPE_LABELS[story.type]}</p>
            <h1>{story.title}</h1>
            <p className="meta">
              {story.publishAt ? (
                <>
                  Publishing <time dateTime={isoDateTime(story.publishAt)}>{formatDate(story.publishAt)}</time>
                </>
              ) : (
                "Not yet scheduled"
              )}
            </p>
            {story.standfirst ? <p className="standfirst">{story.standfirst}</p> : null}
            {story.authors.length > 0 ? (
              <p className="byline">
                By{" "}
                {story.authors.map((a, i) => (
                  <span key={i}>
                    {i > 0 ? (i === story.authors.length - 1 ? " and " : ", ") : ""}
                    <strong>{a.name}</strong>
                    {[a.jobTitle, a.institution].filter(Boolean).map((x) => `, ${x}`)}
                  </span>
                ))}
              </p>
            ) : null}
          </header>
          {story.hero ? (
            <figure className="figure story__hero">
              {/* eslint-disable-next-line @next/next/no-img-element -- uploads are already resized WebP */}
              <img src={story.hero.url} alt={story.hero.alt} />
              {story.hero.caption || story.hero.credit ? (
                <figcaption>
                  {story.hero.caption} {story.hero.credit ? <span className="credit">{story.hero.credit}</span> : null}
                </figcaption>
              ) : null}
            </figure>
          ) : null}
          {(story.type === "video" || story.type === "audio") && story.mediaUrl ? (
            <MediaPlayer kind={story.type} src={story.mediaUrl} title={story.title} transcript={story.transcript} captionsSrc={story.captionsUrl ?? undefined} />
          ) : null}
          <Markdown source={story.body} />
          {story.syndicationSource ? (
            <SyndicationNote source={story.syndicationSource} url={story.syndicationUrl} licence={story.syndicationLicence} />
          ) : null}
        </article>
      </main>
    </>
  );
}
