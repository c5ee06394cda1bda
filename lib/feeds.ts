import "server-only";
import { and, asc, desc, eq, inArray, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { media, people, stories, storyAuthors, storyTopics, topics, type StoryType } from "@/db/schema";
import { cachedQuery, tags } from "@/lib/cache";
import { config } from "@/lib/config";
import { STORY_TYPE_PLURALS } from "@/lib/stories/labels";
import { publicStory } from "@/lib/stories/visibility";

/**
 * The RSS 2.0 feed of the latest public stories. Hand-built rather than with
 * the `feed` package: that package writes <author> as a bare name (RSS wants
 * an e-mail address) and guesses the enclosure type from the file extension.
 */

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

function latestPublicStories(type: StoryType | undefined, now: number): FeedStory[] {
  const db = getDb();
  const where = [publicStory(now), type ? eq(stories.type, type) : undefined].filter(Boolean) as SQL[];
  const rows = db
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
    .limit(FEED_LIMIT)
    .all();
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const authorRows = db
    .select({ storyId: storyAuthors.storyId, name: people.name })
    .from(storyAuthors)
    .innerJoin(people, eq(people.id, storyAuthors.personId))
    .where(inArray(storyAuthors.storyId, ids))
    .orderBy(asc(storyAuthors.position))
    .all();
  const topicRows = db
    .select({ storyId: storyTopics.storyId, name: topics.name })
    .from(storyTopics)
    .innerJoin(topics, eq(topics.id, storyTopics.topicId))
    .where(inArray(storyTopics.storyId, ids))
    .orderBy(asc(topics.name))
    .all();
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

export function listFeedStories(type?: StoryType): Promise<FeedStory[]> {
  return cachedQuery(["feed", type ?? "all"], [tags.stories, tags.people, tags.topics], () => latestPublicStories(type, Date.now()));
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
export function renderRss(items: FeedStory[], type?: StoryType): string {
  const { siteName, siteUrl, mediaEmail } = config();
  const title = type ? `${siteName} Newsroom: ${STORY_TYPE_PLURALS[type]}` : `${siteName} Newsroom`;
  const query = type ? `?type=${type}` : "";
  const newest = items[0]?.publishAt;
  const channel = [
    el("title", title),
    el("link", `${siteUrl}/news${query}`),
    el("description", `The latest ${type ? STORY_TYPE_PLURALS[type].toLowerCase() : "news, features and expert comment"} from the ${siteName}.`),
    el("language", "en-gb"),
    `<atom:link href="${xmlEscape(`${siteUrl}/feed.xml${query}`)}" rel="self" type="application/rss+xml"/>`,
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
