import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { StoryType } from "@/db/schema";
import type { QueryTerm } from "@/lib/search/query";

/**
 * What public search asks of a full-text engine, as SQL for rows() to run:
 * SQLite's FTS5 tables (engine-sqlite.ts, db/search.sql) or PostgreSQL's
 * tsvector columns (engine-postgres.ts, db/migrations-pg/0002). The
 * ranking, paging and snippet choice above them (public.ts, suggest.ts) are
 * the same for both, and so are the visibility rules here.
 */

export const SEARCH_KINDS = ["story", "event", "expert", "open-day"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** A hit on the page: title highlight and candidate snippets, with MARK_START/MARK_END around matches. */
export type Detail = {
  id: number;
  slug: string;
  title: string;
  titleMarked: string;
  s1: string | null;
  s2: string | null;
  s3?: string | null;
  date: number | null;
  extra: string | null;
};

/** The full-text tables suggest.ts asks whether a word occurs anywhere (drafts included). */
export const SEARCH_TABLES = ["stories", "events", "people", "open_days"] as const;
export type SearchTable = (typeof SEARCH_TABLES)[number];

export type SearchEngine = {
  /** The terms in this engine's query language (bound as a parameter, never spliced into SQL); null when nothing is searchable. */
  query(terms: QueryTerm[]): string | null;
  /**
   * (id, score) of at most `limit` public matching stories, newest first (the
   * index's cheap order); score weighs matches in the title and standfirst, higher first.
   */
  walk(match: string, now: number, type: StoryType | undefined, limit: number): SQL;
  /** SELECT 'story' AS kind, id, rank over every public matching story; lower rank first. */
  rankedStories(match: string, now: number, type: StoryType | undefined): SQL;
  /** The same (kind, id, rank) SELECT for each wanted kind but stories, on the same scale. */
  rankedOthers(match: string, now: number, want: (kind: SearchKind) => boolean): SQL[];
  /** The Detail rows of these hits of one kind. */
  details(kind: SearchKind, match: string, ids: number[]): SQL;
  /** One row (ok) if the table holds a match. */
  indexHas(table: SearchTable, match: string): SQL;
  /** (term, doc) of the stories index's terms from `from` (inclusive) to `to` (exclusive), in term order. */
  vocabulary(from: string, to: string, limit: number): SQL;
  /** (t, s, b): title, standfirst and body of one public story holding this index term, the term marked. */
  markedStory(term: string, now: number): SQL;
};

/** The public story rule (lib/stories/visibility.ts) over stories aliased `alias`. */
export function publicStory(alias: "s" | "s2", now: number): SQL {
  const s = sql.raw(alias);
  return sql`${s}.status IN ('published', 'scheduled') AND ${s}.publish_at <= ${now} AND (${s}.unpublish_at IS NULL OR ${s}.unpublish_at > ${now})`;
}

/**
 * The expert directory's rule (lib/people/public.ts) over people aliased p:
 * staff experts always, guest experts only once they have a public story,
 * so a draft never exposes a name early. (NOT, not "= 0": a boolean on PostgreSQL.)
 */
export function listedExpert(now: number): SQL {
  return sql`(NOT p.is_guest OR EXISTS (SELECT 1 FROM story_authors sa JOIN stories s2 ON s2.id = sa.story_id
    WHERE sa.person_id = p.id AND ${publicStory("s2", now)}))`;
}

/** Events aliased e with a public page: published, or cancelled (shown as such). */
export const publicEvent = sql`e.status IN ('published', 'cancelled')`;

/** The finder's rule (lib/open-days/public.ts getOpenDayBySlug): every open day but drafts has a public page. */
export const publicOpenDay = sql`o.status <> 'draft'`;
