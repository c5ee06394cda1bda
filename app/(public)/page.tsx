import type { Metadata } from "next";
import { EventTeaserList } from "@/components/event-teaser-list";
import { PromoList } from "@/components/promo-block";
import { StoryCardGrid } from "@/components/story-card";
import { config } from "@/lib/config";
import { formatDate, isoDateTime } from "@/lib/dates";
import { listUpcomingEvents } from "@/lib/events/upcoming";
import { listPromos } from "@/lib/promos/public";
import { STORY_TYPE_LABELS } from "@/lib/stories/labels";
import { getFeaturedStory, listLatest } from "@/lib/stories/public";
import { mostReadThisWeek } from "@/lib/stories/views";
import { PageSection } from "@/components/page-section";

export function generateMetadata(): Metadata {
  const { siteName } = config();
  return {
    title: { absolute: `${siteName} Newsroom` },
    description: `The latest news releases, features, expert comment, video, audio and events from the ${siteName}.`,
    alternates: { canonical: "/" },
  };
}

export default async function HomePage() {
  const { siteName } = config();
  const featured = await getFeaturedStory();
  const excludeId = featured?.id;
  const [latest, comment, events, promos, mostRead] = await Promise.all([
    listLatest({ types: ["news-release", "feature", "video", "audio"], limit: 6, excludeId }),
    listLatest({ types: ["expert-comment"], limit: 4, excludeId }),
    listUpcomingEvents(4),
    listPromos(),
    mostReadThisWeek(5),
  ]);

  return (
    <div className="container home">
      <h1 className="visually-hidden">{siteName} Newsroom</h1>

      {featured ? (
        <section aria-labelledby="featured-heading" className="featured">
          <h2 id="featured-heading" className="visually-hidden">Featured story</h2>
          <article className="featured__story">
            {featured.image ? (
              // eslint-disable-next-line @next/next/no-img-element -- uploads are pre-sized variants
              <img src={featured.image.url} alt={featured.image.alt} width={featured.image.width || undefined} height={featured.image.height || undefined} />
            ) : null}
            <div className="featured__text">
              <p className="type-label">{STORY_TYPE_LABELS[featured.type]}</p>
              <h3 className="featured__title">
                <a href={`/news/${featured.slug}`}>{featured.title}</a>
              </h3>
              {featured.standfirst ? <p className="standfirst">{featured.standfirst}</p> : null}
              <p className="meta"><time dateTime={isoDateTime(featured.publishAt)}>{formatDate(featured.publishAt)}</time></p>
            </div>
          </article>
        </section>
      ) : (
        <p>No stories have been published yet.</p>
      )}

      <PageSection id="latest" heading="Latest news and features" more={{ href: "/news", label: "All news and features" }}>
        {latest.length ? <StoryCardGrid stories={latest} /> : <p>No other stories yet.</p>}
      </PageSection>

      <PageSection id="comment" heading="Expert comment" more={{ href: "/news?type=expert-comment", label: "All expert comment" }}>
        {comment.length ? <StoryCardGrid stories={comment} /> : <p>No expert comment yet.</p>}
      </PageSection>

      <PageSection id="events" heading="Upcoming events" more={{ href: "/events", label: "All events" }}>
        <EventTeaserList events={events} />
      </PageSection>

      {promos.length ? (
        <PageSection id="promos" heading={<>Discover {siteName}</>} more={{ href: "/open-days", label: "Open days" }}>
          <PromoList promos={promos} />
        </PageSection>
      ) : null}

      <section className="section" aria-labelledby="most-read-heading">
        <div className="section__head">
          <h2 id="most-read-heading">Most read this week</h2>
          <a href="/news">All news and features</a>
        </div>
        {mostRead.length ? (
          <ol className="most-read">
            {mostRead.map((s) => (
              <li key={s.id}>
                <a href={`/news/${s.slug}`}>{s.title}</a>{" "}
                <span className="meta">{STORY_TYPE_LABELS[s.type]}</span>
              </li>
            ))}
          </ol>
        ) : (
          <p>Reading figures for this week will appear here soon.</p>
        )}
      </section>
    </div>
  );
}
