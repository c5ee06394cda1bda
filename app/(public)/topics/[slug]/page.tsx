import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Markdown } from "@/components/markdown";
import { Pagination } from "@/components/pagination";
import { StoryCardGrid } from "@/components/story-card";
import { feedAlternate } from "@/lib/feeds";
import { markdownToText } from "@/lib/markdown";
import { firstParam, parsePage } from "@/lib/pagination";
import { listByTopic } from "@/lib/stories/public";
import { getTopicBySlug } from "@/lib/topics/public";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [{ slug }, raw] = await Promise.all([params, searchParams]);
  const topic = await getTopicBySlug(slug);
  if (!topic) return { title: "Page not found" };
  const page = parsePage(firstParam(raw.page)) ?? 1;
  const about = markdownToText(topic.description);
  return {
    title: page > 1 ? `${topic.name} (page ${page})` : topic.name,
    description: about ? (about.length > 200 ? `${about.slice(0, 197).trimEnd()}…` : about) : `News, features and expert comment on ${topic.name} from the university.`,
    alternates: { canonical: page > 1 ? `/topics/${topic.slug}?page=${page}` : `/topics/${topic.slug}`, types: feedAlternate({ topic }) },
  };
}

export default async function TopicPage({ params, searchParams }: Props) {
  const [{ slug }, raw] = await Promise.all([params, searchParams]);
  const page = parsePage(raw.page);
  const topic = page === null ? null : await getTopicBySlug(slug);
  if (!topic || page === null) notFound();
  const stories = await listByTopic(topic.id, page);
  if (page > stories.totalPages) notFound();

  return (
    <div className="container">
      <p className="type-label">Topic</p>
      <h1>{topic.name}</h1>
      {topic.description ? <Markdown source={topic.description} className="prose topic__description" /> : null}
      <section className="section" aria-labelledby="topic-stories-heading">
        <div className="section__head">
          <h2 id="topic-stories-heading">{stories.total === 1 ? "1 story" : `${stories.total} stories`}</h2>
          <a href={`/news?topic=${topic.slug}`}>Filter by type</a>
        </div>
        {stories.items.length ? <StoryCardGrid stories={stories.items} /> : <p className="empty-state">There are no stories on this topic yet.</p>}
        <Pagination page={stories.page} totalPages={stories.totalPages} basePath={`/topics/${topic.slug}`} label={`Pages of stories on ${topic.name}`} />
      </section>
    </div>
  );
}
