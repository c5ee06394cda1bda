import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb, isPg, rows } from "@/db/client";
import type { StoryType } from "@/db/schema";
import { cachedQuery, tags } from "@/lib/cache";
import { SEARCH_KINDS, type Detail, type SearchEngine, type SearchKind } from "@/lib/search/engine";
import { postgresSearch } from "@/lib/search/engine-postgres";
import { sqliteSearch } from "@/lib/search/engine-sqlite";
import { MARK_START, markedToHtml, parseQuery, type QueryTerm } from "@/lib/search/query";
import { isStoryType, STORY_TYPE_LABELS } from "@/lib/stories/labels";

/**
 * Full-text search over public stories, events, experts and open days:
 * SQLite's FTS5 tables (db/search.sql, kept in step by triggers) or
 * PostgreSQL's generated tsvector columns (db/migrations-pg), behind one
 * SearchEngine (engine.ts). Two steps: rank and count the matches cheaply,
 * then build snippets only for the page shown.
 */

export { SEARCH_KINDS, type SearchKind };
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

const engine: SearchEngine = isPg ? postgresSearch : sqliteSearch;

type Ranked = { kind: SearchKind; id: number };

/** Title highlight and candidate snippets for the hits on this page (ids and instants read as numbers: PostgreSQL's bigints arrive as strings). */
async function details(kind: SearchKind, match: string, ids: number[]): Promise<Map<number, Detail>> {
  if (ids.length === 0) return new Map();
  const found = await rows<Detail>(getDb(), engine.details(kind, match, ids));
  return new Map(found.map((r) => [Number(r.id), { ...r, id: Number(r.id), date: r.date === null ? null : Number(r.date) }]));
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
 * bm25 first counts, for each term, every row that contains it (its IDF),
 * so a word in all 100,000 stories costs ~15 ms before one row is ranked;
 * ts_rank_cd reads every matching row's tsvector. Up to SEARCH_COUNT_CAP
 * matching stories are all ranked. Past that the query is broad and
 * ranking says little: the newest RANK_WINDOW matches (highest id, the
 * index's own order, so a short walk) are ranked by where the words occur —
 * title, then standfirst (the engine's walk score) — and the remaining
 * stories follow newest first. Events, experts and open days (few,
 * specific) come before the stories then. One fixed order, so pages never
 * overlap.
 */
export const RANK_WINDOW = 200;

type Walk = { id: number; score: number }[];

/**
 * One newest-first walk of at most SEARCH_COUNT_CAP + 1 public matching
 * stories: it gives the story count and, for a broad query, every story
 * the 100 pages can show, so the index answers the query once for all of them.
 */
async function walkStories(match: string, now: number, type: StoryType | undefined): Promise<Walk> {
  const walk = await rows<{ id: number; score: number }>(getDb(), engine.walk(match, now, type, SEARCH_COUNT_CAP + 1));
  return walk.map((r) => ({ id: Number(r.id), score: Number(r.score) }));
}

/**
 * A prefix ("research*") costs the merge of every indexed term it covers
 * (FTS5: ~10 ms for a word in all 100,000 stories, on every statement that
 * uses it; its 2- to 4-letter prefix indexes, db/search.sql, only cover
 * short prefixes; a GIN index likewise scans every key it covers). When the
 * last word on its own already matches more than SEARCH_COUNT_CAP public
 * stories, completing it could only broaden an already broad result, so the
 * exact word is searched instead.
 */
async function chooseMatch(
  terms: QueryTerm[],
  now: number,
  type: StoryType | undefined,
  wantStories: boolean,
): Promise<{ match: string; walk: Walk } | null> {
  const match = engine.query(terms);
  if (!match) return null;
  if (!wantStories) return { match, walk: [] };
  const last = terms.at(-1);
  const exact = last && !last.phrase && (last.words[0]?.length ?? 0) >= 4 ? engine.query([...terms.slice(0, -1), { ...last, phrase: true }]) : null;
  if (exact) {
    const walk = await walkStories(exact, now, type);
    if (walk.length > SEARCH_COUNT_CAP) return { match: exact, walk };
  }
  return { match, walk: await walkStories(match, now, type) };
}

async function runSearch(terms: QueryTerm[], kind: SearchKind | undefined, type: StoryType | undefined, page: number, now: number): Promise<SearchResults> {
  const db = getDb();
  const chosen = await chooseMatch(terms, now, type, type !== undefined || !kind || kind === "story");
  if (!chosen) return EMPTY;
  const { match, walk } = chosen;
  // A story type only makes sense for stories, so it narrows the search to them.
  const want = (k: SearchKind) => (type ? k === "story" : !kind || kind === k);
  const others = engine.rankedOthers(match, now, want);
  const otherUnion = others.length ? sql.join(others, sql` UNION ALL `) : null;

  const broad = walk.length > SEARCH_COUNT_CAP;
  // Ties (equal rank) fall back to kind then id (newest first) so pages never overlap.
  const rankedOthers = async (storyPart: SQL | null): Promise<Ranked[]> => {
    const union = sql.join([storyPart, otherUnion].filter((part): part is SQL => part !== null), sql` UNION ALL `);
    const found = await rows<Ranked>(db, sql`SELECT kind, id FROM (${union}) AS matched ORDER BY rank, kind, id DESC LIMIT ${SEARCH_COUNT_CAP + 1}`);
    return found.map((r) => ({ kind: r.kind, id: Number(r.id) }));
  };
  let ordered: Ranked[];
  if (broad) {
    const window = walk.slice(0, RANK_WINDOW).sort((a, b) => b.score - a.score || b.id - a.id);
    ordered = [
      ...(otherUnion ? await rankedOthers(null) : []),
      ...[...window, ...walk.slice(RANK_WINDOW)].map((r) => ({ kind: "story" as const, id: r.id })),
    ];
  } else {
    const storyPart = walk.length ? engine.rankedStories(match, now, type) : null;
    ordered = storyPart || otherUnion ? await rankedOthers(storyPart) : [];
  }

  const total = Math.min(ordered.length, SEARCH_COUNT_CAP + 1);
  const pageCount = Math.ceil(Math.min(total, SEARCH_COUNT_CAP) / SEARCH_PAGE_SIZE);
  if (total === 0 || page > pageCount) return { hits: [], total, page, pageCount };
  const ranked = ordered.slice((page - 1) * SEARCH_PAGE_SIZE, page * SEARCH_PAGE_SIZE);

  const byKind = Object.fromEntries(
    await Promise.all(SEARCH_KINDS.map(async (k) => [k, await details(k, match, ranked.filter((r) => r.kind === k).map((r) => r.id))] as const)),
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
  const match = engine.query(terms);
  const safePage = Number.isInteger(page) && page >= 1 ? page : 1;
  if (!match) return EMPTY;
  // The clock is read inside the cached function: the 60-second lifetime lets scheduled stories appear.
  return cachedQuery(["search", match, kind ?? "", type ?? "", safePage], [tags.stories, tags.events, tags.people, tags.openDays], () =>
    runSearch(terms, kind, type, safePage, Date.now()),
  );
}
