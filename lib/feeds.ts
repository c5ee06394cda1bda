import "server-only";
import { and, asc, desc, eq, inArray, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { media, people, stories, storyAuthors, storyTopics, topics, type StoryType } from "@/db/schema";
import { cachedQuery, tags } from "@/lib/cache";
import { config } from "@/lib/config";
import { STORY_TYPE_PLURALS } from "@/lib/stories/labels";
import { publicStory } from "@/lib/stories/visibility";

/**
 * The RSS 2.0 feed of the latest public stories, optionally of one type
 * and/or one topic. Hand-built rather than with the `feed` package (6.0.0,
 * installed), which cannot write what __tests__/feeds pins: it declares the
 * `dc:` namespace only when an item has `content:encoded`, so our
 * `dc:creator` per author would be an undeclared prefix (not well-formed
 * XML) unless every item carried a body we do not want to syndicate; its
 * XML declaration is fixed to `encoding="utf-8"`; and it puts control
 * characters XML 1.0 forbids straight into CDATA. Bending it would mean
 * post-editing its output string, which is hand-writing with extra steps.
 */

/** What a feed is filtered by; the topic is resolved (an unknown slug is a 404 before this). */
export type FeedFilter = { type?: StoryType; topic?: { id: number; slug: string; name: string } };

export const FEED_LIMIT = 30;

export type FeedStory = {
  slug: string;
  title: string;
  standfirst: string;
  publishAt: number;
  authors: string[];
  topics: string[];
  hero: { url: string; bytes: number; mimeType: string } | null;
};

async function latestPublicStories({ type, topic }: FeedFilter, now: number): Promise<FeedStory[]> {
  const db = getDb();
  const where = [
    publicStory(now),
    type ? eq(stories.type, type) : undefined,
    topic ? inArray(stories.id, db.select({ id: storyTopics.storyId }).from(storyTopics).where(eq(storyTopics.topicId, topic.id))) : undefined,
  ].filter(Boolean) as SQL[];
  const rows = await db
    .select({
      id: stories.id,
      slug: stories.slug,
      title: stories.title,
      standfirst: stories.standfirst,
      publishAt: stories.publishAt,
      heroUrl: media.url,
      heroBytes: media.bytes,
      heroType: media.mimeType,
    })
    .from(stories)
    .leftJoin(media, eq(media.id, stories.heroImageId))
    .where(and(...where))
    .orderBy(desc(stories.publishAt), desc(stories.id))
    .limit(FEED_LIMIT);
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const authorRows = await db
    .select({ storyId: storyAuthors.storyId, name: people.name })
    .from(storyAuthors)
    .innerJoin(people, eq(people.id, storyAuthors.personId))
    .where(inArray(storyAuthors.storyId, ids))
    .orderBy(asc(storyAuthors.position));
  const topicRows = await db
    .select({ storyId: storyTopics.storyId, name: topics.name })
    .from(storyTopics)
    .innerJoin(topics, eq(topics.id, storyTopics.topicId))
    .where(inArray(storyTopics.storyId, ids))
    .orderBy(asc(topics.name));
  return rows.map((r) => ({
    slug: r.slug,
    title: r.title,
    standfirst: r.standfirst,
    publishAt: r.publishAt ?? 0,
    authors: authorRows.filter((a) => a.storyId === r.id).map((a) => a.name),
    topics: topicRows.filter((t) => t.storyId === r.id).map((t) => t.name),
    hero: r.heroUrl && r.heroType ? { url: r.heroUrl, bytes: r.heroBytes ?? 0, mimeType: r.heroType } : null,
  }));
}

export function listFeedStories(filter: FeedFilter = {}): Promise<FeedStory[]> {
  return cachedQuery(["feed", filter.type ?? "all", filter.topic?.slug ?? ""], [tags.stories, tags.people, tags.topics], () =>
    latestPublicStories(filter, Date.now()),
  );
}

/** The feed's title: the newsroom, then the type and topic it is narrowed to. */
export function feedTitle({ type, topicName }: { type?: StoryType; topicName?: string } = {}): string {
  return [`${config().siteName} Newsroom`, type ? STORY_TYPE_PLURALS[type] : null, topicName].filter(Boolean).join(": ");
}

/** An RSS autodiscovery entry for page metadata (`alternates.types`). */
export function feedAlternate(filter: { type?: StoryType; topic?: { slug: string; name: string } | null }) {
  const { type, topic } = filter;
  return { "application/rss+xml": [{ url: feedPath({ type, topic: topic?.slug }), title: feedTitle({ type, topicName: topic?.name }) }] };
}

/** The feed's own address for a filter (autodiscovery links and the channel's self link use the same one). */
export function feedPath({ type, topic }: { type?: string; topic?: string } = {}): string {
  const params = new URLSearchParams();
  if (type) params.set("type", type);
  if (topic) params.set("topic", topic);
  const qs = params.toString();
  return qs ? `/feed.xml?${qs}` : "/feed.xml";
}

/** XML text and attribute escaping; also drops characters XML 1.0 forbids. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function absolute(url: string): string {
  return new URL(url, `${config().siteUrl}/`).toString();
}

const el = (name: string, text: string, attrs = "") => `<${name}${attrs}>${xmlEscape(text)}</${name}>`;

function itemXml(story: FeedStory, mediaEmail: string): string {
  const link = absolute(`/news/${story.slug}`);
  const lines = [
    el("title", story.title),
    el("link", link),
    el("guid", link, ' isPermaLink="true"'),
    el("pubDate", new Date(story.publishAt).toUTCString()),
    ...story.authors.map((name) => el("dc:creator", name)),
    // RSS's own <author> must be an e-mail address: the press office, naming the authors.
    ...(story.authors.length ? [el("author", `${mediaEmail} (${story.authors.join(", ")})`)] : []),
    el("description", story.standfirst),
    ...story.topics.map((name) => el("category", name)),
    ...(story.hero
      ? [`<enclosure url="${xmlEscape(absolute(story.hero.url))}" length="${story.hero.bytes}" type="${xmlEscape(story.hero.mimeType)}"/>`]
      : []),
  ];
  return `    <item>\n${lines.map((l) => `      ${l}`).join("\n")}\n    </item>`;
}

/** The whole RSS document for the given stories (newest first). */
export function renderRss(items: FeedStory[], { type, topic }: FeedFilter = {}): string {
  const { siteName, siteUrl, mediaEmail } = config();
  const title = feedTitle({ type, topicName: topic?.name });
  const page = topic && !type ? `/topics/${topic.slug}` : `/news${type || topic ? `?${new URLSearchParams({ ...(type && { type }), ...(topic && { topic: topic.slug }) })}` : ""}`;
  const what = type ? STORY_TYPE_PLURALS[type].toLowerCase() : "news, features and expert comment";
  const newest = items[0]?.publishAt;
  const channel = [
    el("title", title),
    el("link", `${siteUrl}${page}`),
    el("description", `The latest ${what}${topic ? ` on ${topic.name}` : ""} from the ${siteName}.`),
    el("language", "en-gb"),
    `<atom:link href="${xmlEscape(`${siteUrl}${feedPath({ type, topic: topic?.slug })}`)}" rel="self" type="application/rss+xml"/>`,
    ...(newest ? [el("lastBuildDate", new Date(newest).toUTCString())] : []),
    el("managingEditor", `${mediaEmail} (${siteName} press office)`),
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    "  <channel>",
    ...channel.map((l) => `    ${l}`),
    ...items.map((item) => itemXml(item, mediaEmail)),
    "  </channel>",
    "</rss>",
    "",
  ].join("\n");
}
