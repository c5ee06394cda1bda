import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NewsFilters } from "@/components/news-filters";
import { Pagination } from "@/components/pagination";
import { StoryCardGrid } from "@/components/story-card";
import { feedAlternate } from "@/lib/feeds";
import { firstParam, parsePage } from "@/lib/pagination";
import { isStoryType, STORY_TYPE_LABELS, STORY_TYPE_PLURALS } from "@/lib/stories/labels";
import { listStories } from "@/lib/stories/public";
import { getTopicBySlug, listTopics } from "@/lib/topics/public";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * Reads the filters; null means junk (unknown type or topic, bad page
 * number), which answers 404 rather than a guess or a 500.
 */
async function readFilters(searchParams: SearchParams) {
  const raw = await searchParams;
  const type = firstParam(raw.type) || undefined;
  const topicSlug = firstParam(raw.topic) || undefined;
  const page = parsePage(raw.page);
  if (page === null || (type !== undefined && !isStoryType(type))) return null;
  const topic = topicSlug ? await getTopicBySlug(topicSlug) : null;
  if (topicSlug && !topic) return null;
  return { type: type && isStoryType(type) ? type : undefined, topic, page };
}

type Filters = NonNullable<Awaited<ReturnType<typeof readFilters>>>;

function heading({ type, topic }: Filters): string {
  const base = type ? STORY_TYPE_PLURALS[type] : "News and features";
  return topic ? `${base}: ${topic.name}` : base;
}

function query({ type, topic }: Filters) {
  return { type, topic: topic?.slug };
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const filters = await readFilters(searchParams);
  if (!filters) return { title: "Page not found" };
  const params = new URLSearchParams(Object.entries(query(filters)).filter((e): e is [string, string] => Boolean(e[1])));
  if (filters.page > 1) params.set("page", String(filters.page));
  const qs = params.toString();
  const suffix = filters.page > 1 ? ` (page ${filters.page})` : "";
  const what = filters.type ? STORY_TYPE_PLURALS[filters.type].toLowerCase() : "news releases, features, expert comment, video and audio";
  return {
    title: `${heading(filters)}${suffix}`,
    description: `The latest ${what}${filters.topic ? ` on ${filters.topic.name}` : ""} from the university, newest first.`,
    alternates: {
      canonical: qs ? `/news?${qs}` : "/news",
      // The layout links the whole feed; a filtered list also offers its own (RSS autodiscovery).
      ...(filters.type || filters.topic ? { types: feedAlternate(filters) } : {}),
    },
  };
}

export default async function NewsPage({ searchParams }: { searchParams: SearchParams }) {
  const filters = await readFilters(searchParams);
  if (!filters) notFound();
  const [result, topics] = await Promise.all([
    listStories({ type: filters.type, topic: filters.topic?.slug, page: filters.page }),
    listTopics(),
  ]);
  // Past the last page: nothing to show at this address.
  if (filters.page > result.totalPages) notFound();
  const filtered = Boolean(filters.type || filters.topic);
  const topicOptions = topics.filter((t) => t.storyCount > 0 || t.slug === filters.topic?.slug);

  return (
    <div className="container">
      <h1>{heading(filters)}</h1>
      <NewsFilters topics={topicOptions} type={filters.type} topic={filters.topic?.slug} />
      {filtered ? (
        <p className="active-filters">
          Showing{" "}
          {filters.type ? <strong>{STORY_TYPE_LABELS[filters.type]}</strong> : "all types"}
          {filters.topic ? <> on <strong>{filters.topic.name}</strong></> : null}.{" "}
          <a href="/news">Clear filters</a>
        </p>
      ) : null}
      <section aria-labelledby="results-heading">
        <h2 id="results-heading" className="result-count">
          {result.total === 1 ? "1 story" : `${result.total} stories`}
          {result.totalPages > 1 ? `, page ${result.page} of ${result.totalPages}` : ""}
        </h2>
        {result.items.length ? (
          <StoryCardGrid stories={result.items} />
        ) : (
          <div className="empty-state">
            <p>No stories match these filters yet.</p>
            <p><a href="/news">See all news and features</a></p>
          </div>
        )}
      </section>
      <Pagination page={result.page} totalPages={result.totalPages} basePath="/news" query={query(filters)} label="Pages of stories" />
    </div>
  );
}
