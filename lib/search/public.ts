import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import type { StoryType } from "@/db/schema";
import { cachedQuery, tags } from "@/lib/cache";
import { isStoryType, STORY_TYPE_LABELS } from "@/lib/stories/labels";
import { MARK_END, MARK_START, markedToHtml, parseQuery, termsToFts, type QueryTerm } from "@/lib/search/query";

/**
 * Full-text search over public stories, events, experts and open days with
 * the FTS5 tables from db/search.sql (kept in step by triggers). Two steps:
 * rank and count the matches cheaply, then build snippets only for the page
 * shown.
 */

export const SEARCH_KINDS = ["story", "event", "expert", "open-day"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
export const SEARCH_PAGE_SIZE = 10;
/**
 * Counting every match of a common word at 100,000 stories costs more than
 * the page itself, and nobody reads page 101: the count stops here, and a
 * total above it reads "more than 1,000 results".
 */
export const SEARCH_COUNT_CAP = 1000;

export type SearchParams = { q: string; kind?: SearchKind; type?: StoryType; page?: number };

export type SearchHit = {
  kind: SearchKind;
  /** "News release", "Event", "Expert"… */
  label: string;
  href: string;
  title: string;
  /** Escaped HTML with <mark> around matches; safe to inject. */
  titleHtml: string;
  snippetHtml: string;
  /** Story publication, event or open-day start; null for experts. */
  date: number | null;
  cancelled: boolean;
};

/** `total` is exact up to SEARCH_COUNT_CAP; above it, it is SEARCH_COUNT_CAP + 1 (read "more than"). */
export type SearchResults = { hits: SearchHit[]; total: number; page: number; pageCount: number };

const EMPTY: SearchResults = { hits: [], total: 0, page: 1, pageCount: 0 };

export function isSearchKind(value: unknown): value is SearchKind {
  return typeof value === "string" && (SEARCH_KINDS as readonly string[]).includes(value);
}

/** Column weights: a match in the title outranks the same match in the body. */
const RANK = {
  story: sql.raw("bm25(stories_fts, 10.0, 4.0, 1.0)"),
  event: sql.raw("bm25(events_fts, 10.0, 4.0, 1.0, 2.0)"),
  expert: sql.raw("bm25(people_fts, 10.0, 4.0, 3.0, 1.0, 6.0)"),
  "open-day": sql.raw("bm25(open_days_fts, 10.0, 4.0, 3.0, 3.0)"),
};

/**
 * The expert directory's rule (lib/people/public.ts): staff experts always,
 * guest experts only once they have a public story, so a draft never
 * exposes a name early.
 */
function listedExpert(now: number): SQL {
  return sql`(p.is_guest = 0 OR EXISTS (SELECT 1 FROM story_authors sa JOIN stories s2 ON s2.id = sa.story_id
    WHERE sa.person_id = p.id AND s2.status IN ('published', 'scheduled') AND s2.publish_at <= ${now}
    AND (s2.unpublish_at IS NULL OR s2.unpublish_at > ${now})))`;
}

/** Stories the public may read, matching the query (CROSS JOIN keeps the FTS index as the outer loop). */
function storyMatches(match: string, now: number, type: StoryType | undefined, columns: SQL): SQL {
  return sql`SELECT ${columns} FROM stories_fts CROSS JOIN stories s ON s.id = stories_fts.rowid
      WHERE stories_fts MATCH ${match} AND s.status IN ('published', 'scheduled') AND s.publish_at <= ${now}
        AND (s.unpublish_at IS NULL OR s.unpublish_at > ${now})
      ${type ? sql`AND s.type = ${type}` : sql``}`;
}

/**
 * bm25 first counts, for each term, every row that contains it (its IDF),
 * so a word in all 100,000 stories costs ~15 ms before one row is ranked.
 * Up to SEARCH_COUNT_CAP matching stories bm25 ranks them all. Past that
 * the query is broad and IDF says little: the newest RANK_WINDOW matches
 * (highest rowid, the index's own order, so a short walk) are ranked by
 * where the words occur — title, then standfirst, counted from highlight(),
 * which reads only the row's own short columns — and the remaining stories
 * follow newest first. Events, experts and open days (few, specific) come
 * before the stories then. One fixed order, so pages never overlap.
 */
export const RANK_WINDOW = 200;

/** Weighted count of matched words in the title and standfirst (each highlight marker adds one character). */
const WINDOW_SCORE = sql`(10 * (length(highlight(stories_fts, 0, ${MARK_START}, '')) - length(s.title))
  + 4 * (length(highlight(stories_fts, 1, ${MARK_START}, '')) - length(s.standfirst)))`;

/** One SELECT of (kind, id, rank) per kind except stories, with the public-visibility rule inside. */
function otherMatchers(match: string, now: number, want: (k: SearchKind) => boolean): SQL[] {
  const parts: SQL[] = [];
  if (want("event")) {
    parts.push(sql`SELECT 'event' AS kind, e.id AS id, ${RANK.event} AS rank
      FROM events_fts CROSS JOIN events e ON e.id = events_fts.rowid
      WHERE events_fts MATCH ${match} AND e.status IN ('published', 'cancelled')`);
  }
  if (want("expert")) {
    parts.push(sql`SELECT 'expert' AS kind, p.id AS id, ${RANK.expert} AS rank
      FROM people_fts CROSS JOIN people p ON p.id = people_fts.rowid
      WHERE people_fts MATCH ${match} AND ${listedExpert(now)}`);
  }
  if (want("open-day")) {
    // The finder's rule (lib/open-days/public.ts getOpenDayBySlug): every open day but drafts has a public page.
    parts.push(sql`SELECT 'open-day' AS kind, o.id AS id, ${RANK["open-day"]} AS rank
      FROM open_days_fts CROSS JOIN open_days o ON o.id = open_days_fts.rowid
      WHERE open_days_fts MATCH ${match} AND o.status <> 'draft'`);
  }
  return parts;
}

type Ranked = { kind: SearchKind; id: number };
type Detail = {
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

const M = sql`${MARK_START}, ${MARK_END}`;

/** Title highlight and two candidate snippets for the hits on this page. */
function details(kind: SearchKind, match: string, ids: number[]): Map<number, Detail> {
  if (ids.length === 0) return new Map();
  const idList = sql.join(ids.map((id) => sql`${id}`), sql`, `);
  const query =
    kind === "story"
      ? sql`SELECT s.id, s.slug, s.title, highlight(stories_fts, 0, ${M}) AS titleMarked,
          snippet(stories_fts, 1, ${M}, '…', 24) AS s1, snippet(stories_fts, 2, ${M}, '…', 24) AS s2,
          s.publish_at AS date, s.type AS extra
        FROM stories_fts JOIN stories s ON s.id = stories_fts.rowid
        WHERE stories_fts MATCH ${match} AND stories_fts.rowid IN (${idList})`
      : kind === "event"
        ? sql`SELECT e.id, e.slug, e.title, highlight(events_fts, 0, ${M}) AS titleMarked,
          snippet(events_fts, 1, ${M}, '…', 24) AS s1, snippet(events_fts, 2, ${M}, '…', 24) AS s2,
          e.starts_at AS date, e.status AS extra
        FROM events_fts JOIN events e ON e.id = events_fts.rowid
        WHERE events_fts MATCH ${match} AND events_fts.rowid IN (${idList})`
        : kind === "expert"
          ? sql`SELECT p.id, p.slug, p.name AS title, highlight(people_fts, 0, ${M}) AS titleMarked,
          snippet(people_fts, 1, ${M}, '…', 16) AS s1, snippet(people_fts, 3, ${M}, '…', 24) AS s2,
          NULL AS date, p.department AS extra
        FROM people_fts JOIN people p ON p.id = people_fts.rowid
        WHERE people_fts MATCH ${match} AND people_fts.rowid IN (${idList})`
          : sql`SELECT o.id, o.slug, o.title, highlight(open_days_fts, 0, ${M}) AS titleMarked,
          snippet(open_days_fts, 1, ${M}, '…', 24) AS s1, highlight(open_days_fts, 3, ${M}) AS s2,
          highlight(open_days_fts, 2, ${M}) AS s3, o.starts_at AS date, o.level AS extra
        FROM open_days_fts JOIN open_days o ON o.id = open_days_fts.rowid
        WHERE open_days_fts MATCH ${match} AND open_days_fts.rowid IN (${idList})`;
  const rows = getDb().all<Detail>(query);
  return new Map(rows.map((r) => [r.id, r]));
}

/** The subjects column holds a JSON array; shown as "A, B" (markers survive JSON parsing). */
function subjectList(json: string | null): string | null {
  try {
    const list: unknown = JSON.parse(json ?? "[]");
    return Array.isArray(list) ? list.filter((x) => typeof x === "string").join(", ") : null;
  } catch {
    return null;
  }
}

/**
 * Prefer the excerpt that actually contains a match; else the summary
 * column. Stories index plain text (db/search-text.ts); event bodies and
 * expert bios are still Markdown, so their excerpts are cleaned here.
 */
function pickSnippet(kind: SearchKind, d: Detail): string {
  const candidates = kind === "open-day" ? [d.s1, subjectList(d.s2), d.s3] : [d.s1, d.s2];
  const withMatch = candidates.find((s) => s?.includes(MARK_START));
  return markedToHtml(withMatch ?? d.s1 ?? "", { markdown: kind !== "story" && kind !== "open-day" });
}

function toHit(kind: SearchKind, d: Detail): SearchHit {
  const common = { title: d.title, titleHtml: markedToHtml(d.titleMarked), snippetHtml: pickSnippet(kind, d), date: d.date };
  if (kind === "story") {
    const label = isStoryType(d.extra) ? STORY_TYPE_LABELS[d.extra] : "Story";
    return { kind, label, href: `/news/${d.slug}`, cancelled: false, ...common };
  }
  if (kind === "event") return { kind, label: "Event", href: `/events/${d.slug}`, cancelled: d.extra === "cancelled", ...common };
  if (kind === "open-day") return { kind, label: "Open day", href: `/open-days/${d.slug}`, cancelled: false, ...common };
  return { kind, label: "Expert", href: `/experts/${d.slug}`, cancelled: false, ...common };
}

/**
 * FTS5 answers a prefix ("research*") by merging the postings of every term
 * it covers, ~10 ms for a word in all 100,000 stories, on every statement
 * that uses it; the 2- to 4-letter prefix indexes (db/search.sql) only
 * cover short prefixes. When the last word on its own already matches more
 * than SEARCH_COUNT_CAP public stories, completing it could only broaden an
 * already broad result, so the exact word is searched instead.
 */
type Walk = { id: number; score: number }[];

/**
 * One newest-first walk of at most SEARCH_COUNT_CAP + 1 public matching
 * stories: it gives the story count and, for a broad query, every story
 * the 100 pages can show, so FTS5 evaluates the MATCH once for all of them.
 */
function walkStories(match: string, now: number, type: StoryType | undefined): Walk {
  return getDb().all<{ id: number; score: number }>(
    sql`${storyMatches(match, now, type, sql`s.id AS id, ${WINDOW_SCORE} AS score`)} ORDER BY stories_fts.rowid DESC LIMIT ${SEARCH_COUNT_CAP + 1}`,
  );
}

function chooseMatch(terms: QueryTerm[], now: number, type: StoryType | undefined, wantStories: boolean): { match: string; walk: Walk } | null {
  const match = termsToFts(terms);
  if (!match) return null;
  if (!wantStories) return { match, walk: [] };
  const last = terms.at(-1);
  const exact = last && !last.phrase && (last.words[0]?.length ?? 0) >= 4 ? termsToFts([...terms.slice(0, -1), { ...last, phrase: true }]) : null;
  if (exact) {
    const walk = walkStories(exact, now, type);
    if (walk.length > SEARCH_COUNT_CAP) return { match: exact, walk };
  }
  return { match, walk: walkStories(match, now, type) };
}

function runSearch(terms: QueryTerm[], kind: SearchKind | undefined, type: StoryType | undefined, page: number, now: number): SearchResults {
  const db = getDb();
  const chosen = chooseMatch(terms, now, type, type !== undefined || !kind || kind === "story");
  if (!chosen) return EMPTY;
  const { match, walk } = chosen;
  // A story type only makes sense for stories, so it narrows the search to them.
  const want = (k: SearchKind) => (type ? k === "story" : !kind || kind === k);
  const others = otherMatchers(match, now, want);
  const otherUnion = others.length ? sql.join(others, sql` UNION ALL `) : null;

  const broad = walk.length > SEARCH_COUNT_CAP;
  // Ties (equal rank) fall back to kind then id (newest first) so pages never overlap.
  const rankedOthers = (storyPart: SQL | null) => {
    const union = sql.join([storyPart, otherUnion].filter((part): part is SQL => part !== null), sql` UNION ALL `);
    return db.all<Ranked>(sql`SELECT kind, id FROM (${union}) ORDER BY rank, kind, id DESC LIMIT ${SEARCH_COUNT_CAP + 1}`);
  };
  let ordered: Ranked[];
  if (broad) {
    const window = walk.slice(0, RANK_WINDOW).sort((a, b) => b.score - a.score || b.id - a.id);
    ordered = [
      ...(otherUnion ? rankedOthers(null) : []),
      ...[...window, ...walk.slice(RANK_WINDOW)].map((r) => ({ kind: "story" as const, id: r.id })),
    ];
  } else {
    const storyPart = walk.length ? sql`SELECT 'story' AS kind, id, rank FROM (${storyMatches(match, now, type, sql`s.id AS id, ${RANK.story} AS rank`)})` : null;
    ordered = storyPart || otherUnion ? rankedOthers(storyPart) : [];
  }

  const total = Math.min(ordered.length, SEARCH_COUNT_CAP + 1);
  const pageCount = Math.ceil(Math.min(total, SEARCH_COUNT_CAP) / SEARCH_PAGE_SIZE);
  if (total === 0 || page > pageCount) return { hits: [], total, page, pageCount };
  const ranked = ordered.slice((page - 1) * SEARCH_PAGE_SIZE, page * SEARCH_PAGE_SIZE);

  const byKind = Object.fromEntries(
    SEARCH_KINDS.map((k) => [k, details(k, match, ranked.filter((r) => r.kind === k).map((r) => r.id))]),
  ) as Record<SearchKind, Map<number, Detail>>;
  const hits = ranked.flatMap((r) => {
    const d = byKind[r.kind].get(r.id);
    return d ? [toHit(r.kind, d)] : [];
  });
  return { hits, total, page, pageCount };
}

/**
 * Searches what the public may see. Any text is accepted: input that holds
 * no searchable word gives an empty result, never an error.
 */
export async function search({ q, kind, type, page = 1 }: SearchParams): Promise<SearchResults> {
  const terms = parseQuery(q);
  const match = termsToFts(terms);
  const safePage = Number.isInteger(page) && page >= 1 ? page : 1;
  if (!match) return EMPTY;
  // The clock is read inside the cached function: the 60-second lifetime lets scheduled stories appear.
  return cachedQuery(["search", match, kind ?? "", type ?? "", safePage], [tags.stories, tags.events, tags.people, tags.openDays], () =>
    runSearch(terms, kind, type, safePage, Date.now()),
  );
}
