import type { StoryType } from "@/db/schema";
import { formatDate, isoDateTime } from "@/lib/dates";
import { CARD_SIZES, responsiveImage } from "@/lib/media/responsive";
import { STORY_TYPE_LABELS } from "@/lib/stories/labels";

export type StoryCardProps = {
  slug: string;
  type: StoryType;
  title: string;
  publishAt: number;
  standfirst?: string;
  image: { url: string; alt: string; width: number; height: number } | null;
};

/** The WebP widths of an uploaded picture at card size; demo SVGs need none. */
function cardSources(image: { url: string; width: number }) {
  const { srcSet } = responsiveImage(image.url, image.width);
  return srcSet ? { srcSet, sizes: CARD_SIZES } : {};
}

/** A story teaser: image, type label, headline (the link), date. */
export function StoryCard({ story, headingLevel = 3, showStandfirst = false }: { story: StoryCardProps; headingLevel?: 2 | 3 | 4; showStandfirst?: boolean }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <article className="card">
      {story.image ? (
        // Uploads are already resized variants; the optimiser would add a second copy.
        // eslint-disable-next-line @next/next/no-img-element
        <img
          src={story.image.url}
          alt={story.image.alt}
          width={story.image.width || undefined}
          height={story.image.height || undefined}
          {...cardSources(story.image)}
          loading="lazy"
          decoding="async"
        />
      ) : null}
      <p className="type-label">{STORY_TYPE_LABELS[story.type]}</p>
      <Heading>
        <a href={`/news/${story.slug}`}>{story.title}</a>
      </Heading>
      {showStandfirst && story.standfirst ? <p className="card__standfirst">{story.standfirst}</p> : null}
      <p className="meta">
        <time dateTime={isoDateTime(story.publishAt)}>{formatDate(story.publishAt)}</time>
      </p>
    </article>
  );
}

/** A grid of cards as a list, so screen readers announce how many there are. */
export function StoryCardGrid({ stories, headingLevel = 3, label }: { stories: (StoryCardProps & { id: number })[]; headingLevel?: 2 | 3 | 4; label?: string }) {
  return (
    <ul className="card-grid" aria-label={label}>
      {stories.map((story) => (
        <li key={story.id}>
          <StoryCard story={story} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  );
}
