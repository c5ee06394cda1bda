import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import type { StoryType } from "@/db/schema";
import { cachedQuery, tags } from "@/lib/cache";
import { isStoryType, STORY_TYPE_LABELS } from "@/lib/stories/labels";
import { MARK_END, MARK_START, markedToHtml, toFtsQuery } from "@/lib/search/query";

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

/** One SELECT of (kind, id, rank) per kind, with the public-visibility rule inside. */
function matchers(match: string, now: number, kind: SearchKind | undefined, type: StoryType | undefined): SQL[] {
  const parts: SQL[] = [];
  // A story type only makes sense for stories, so it narrows the search to them.
  const want = (k: SearchKind) => (type ? k === "story" : !kind || kind === k);
  if (want("story")) {
    parts.push(sql`SELECT 'story' AS kind, s.id AS id, ${RANK.story} AS rank
      FROM stories_fts JOIN stories s ON s.id = stories_fts.rowid
      WHERE stories_fts MATCH ${match} AND s.status IN ('published', 'scheduled') AND s.publish_at <= ${now}
        AND (s.unpublish_at IS NULL OR s.unpublish_at > ${now})
      ${type ? sql`AND s.type = ${type}` : sql``}`);
  }
  if (want("event")) {
    parts.push(sql`SELECT 'event' AS kind, e.id AS id, ${RANK.event} AS rank
      FROM events_fts JOIN events e ON e.id = events_fts.rowid
      WHERE events_fts MATCH ${match} AND e.status IN ('published', 'cancelled')`);
  }
  if (want("expert")) {
    parts.push(sql`SELECT 'expert' AS kind, p.id AS id, ${RANK.expert} AS rank
      FROM people_fts JOIN people p ON p.id = people_fts.rowid
      WHERE people_fts MATCH ${match} AND ${listedExpert(now)}`);
  }
  if (want("open-day")) {
    // The finder's rule (lib/open-days/public.ts getOpenDayBySlug): every open day but drafts has a public page.
    parts.push(sql`SELECT 'open-day' AS kind, o.id AS id, ${RANK["open-day"]} AS rank
      FROM open_days_fts JOIN open_days o ON o.id = open_days_fts.rowid
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
        WHERE stories_fts MATCH ${match} AND s.id IN (${idList})`
      : kind === "event"
        ? sql`SELECT e.id, e.slug, e.title, highlight(events_fts, 0, ${M}) AS titleMarked,
          snippet(events_fts, 1, ${M}, '…', 24) AS s1, snippet(events_fts, 2, ${M}, '…', 24) AS s2,
          e.starts_at AS date, e.status AS extra
        FROM events_fts JOIN events e ON e.id = events_fts.rowid
        WHERE events_fts MATCH ${match} AND e.id IN (${idList})`
        : kind === "expert"
          ? sql`SELECT p.id, p.slug, p.name AS title, highlight(people_fts, 0, ${M}) AS titleMarked,
          snippet(people_fts, 1, ${M}, '…', 16) AS s1, snippet(people_fts, 3, ${M}, '…', 24) AS s2,
          NULL AS date, p.department AS extra
        FROM people_fts JOIN people p ON p.id = people_fts.rowid
        WHERE people_fts MATCH ${match} AND p.id IN (${idList})`
          : sql`SELECT o.id, o.slug, o.title, highlight(open_days_fts, 0, ${M}) AS titleMarked,
          snippet(open_days_fts, 1, ${M}, '…', 24) AS s1, highlight(open_days_fts, 3, ${M}) AS s2,
          highlight(open_days_fts, 2, ${M}) AS s3, o.starts_at AS date, o.level AS extra
        FROM open_days_fts JOIN open_days o ON o.id = open_days_fts.rowid
        WHERE open_days_fts MATCH ${match} AND o.id IN (${idList})`;
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

function runSearch(match: string, kind: SearchKind | undefined, type: StoryType | undefined, page: number, now: number): SearchResults {
  const db = getDb();
  const union = sql.join(matchers(match, now, kind, type), sql` UNION ALL `);
  const total = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM (SELECT 1 FROM (${union}) LIMIT ${SEARCH_COUNT_CAP + 1})`)?.n ?? 0;
  const pageCount = Math.ceil(Math.min(total, SEARCH_COUNT_CAP) / SEARCH_PAGE_SIZE);
  if (total === 0 || page > pageCount) return { hits: [], total, page, pageCount };
  // Ties (equal rank) fall back to kind then id so pages never overlap.
  const ranked = db.all<Ranked>(
    sql`SELECT kind, id FROM (${union}) ORDER BY rank, kind, id DESC LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${(page - 1) * SEARCH_PAGE_SIZE}`,
  );
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
  const match = toFtsQuery(q);
  const safePage = Number.isInteger(page) && page >= 1 ? page : 1;
  if (!match) return EMPTY;
  // The clock is read inside the cached function: the 60-second lifetime lets scheduled stories appear.
  return cachedQuery(["search", match, kind ?? "", type ?? "", safePage], [tags.stories, tags.events, tags.people, tags.openDays], () =>
    runSearch(match, kind, type, safePage, Date.now()),
  );
}
