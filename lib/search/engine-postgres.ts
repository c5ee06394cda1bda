import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { StoryType } from "@/db/schema";
import { listedExpert, publicEvent, publicOpenDay, publicStory, type SearchEngine, type SearchKind } from "@/lib/search/engine";
import { MARK_END, MARK_START, termsToTsquery } from "@/lib/search/query";

/**
 * Search on PostgreSQL: the weighted `search` tsvector columns and GIN
 * indexes of db/migrations-pg (generated, so always in step), queried with
 * to_tsquery, ranked by ts_rank_cd, marked with ts_headline. The text search
 * configuration (0002) reads words as FTS5 does: stemmed, accents folded,
 * no stop words.
 */

const CONFIG = sql.raw("'newsroom_english'");

/** The reader's query (termsToTsquery's text, a bound parameter), stemmed as the index is. */
const tsquery = (match: string) => sql`to_tsquery(${CONFIG}, ${match})`;

/**
 * ts_rank_cd weights, {D, C, B, A}: 0002 puts each table's columns in the
 * classes that give FTS5's bm25 column weights (engine-sqlite.ts RANK).
 * Normalisation 1 (÷ 1 + log length) stands for bm25's preference for the
 * shorter document. Negated: lower ranks first, as bm25's do.
 */
const WEIGHTS: Record<SearchKind, string> = {
  // title 10, standfirst 4, body 1
  story: "{0.1, 0.1, 0.4, 1.0}",
  // title 10, summary 4, venue 2, body 1
  event: "{0.1, 0.2, 0.4, 1.0}",
  // name 10, expertise 6, job title 4 and department 3, bio 1
  expert: "{0.1, 0.35, 0.6, 1.0}",
  // title 10, summary 4, campus and subjects 3
  "open-day": "{0.1, 0.3, 0.4, 1.0}",
};
const rank = (kind: SearchKind, alias: string, match: string) =>
  sql`-ts_rank_cd(${sql.raw(`'${WEIGHTS[kind]}'::float4[]`)}, ${sql.raw(alias)}.search, ${tsquery(match)}, 1)`;

const MARKS = `StartSel="${MARK_START}", StopSel="${MARK_END}"`;

/** FTS5's highlight(): the whole text, every matched word marked. */
function highlight(column: SQL, q: SQL): SQL {
  return sql`ts_headline(${CONFIG}, ${column}, ${q}, ${`${MARKS}, HighlightAll=true`})`;
}

/**
 * FTS5's snippet(): about `words` words around the best match (else the
 * first words), with "…" where the text goes on. ts_headline picks the
 * fragment (centred on the match; ShortWord=0 keeps short words at its
 * edges, as FTS5 does) but adds no ellipses and drops the punctuation at
 * its edges, so the fragment is found again in the column: what lies
 * before and after it becomes "…" when it holds a word and is kept as it
 * is otherwise (a closing full stop, an opening quote).
 */
function snippet(column: SQL, q: SQL, words: number): SQL {
  const options = `${MARKS}, MaxFragments=1, MaxWords=${words}, MinWords=${words - 1}, ShortWord=0`;
  return sql`(SELECT CASE WHEN f.h IS NULL OR f.at = 0 THEN f.h ELSE concat(
        CASE WHEN left(f.doc, f.at - 1) ~ '[[:alnum:]]' THEN '…' ELSE left(f.doc, f.at - 1) END,
        f.h,
        CASE WHEN substr(f.doc, f.at + length(f.plain)) ~ '[[:alnum:]]' THEN '…' ELSE substr(f.doc, f.at + length(f.plain)) END) END
      FROM (SELECT doc, h, plain, strpos(doc, plain) AS at
        FROM (SELECT doc, h, translate(h, ${MARK_START + MARK_END}, '') AS plain
          FROM (SELECT ${column} AS doc, ts_headline(${CONFIG}, ${column}, ${q}, ${options}) AS h) AS headline) AS plain) AS f)`;
}

function storyFilter(match: string, now: number, type: StoryType | undefined): SQL {
  return sql`s.search @@ ${tsquery(match)} AND ${publicStory("s", now)} ${type ? sql`AND s.type = ${type}` : sql``}`;
}

export const postgresSearch: SearchEngine = {
  query: termsToTsquery,

  // The newest ids first, then the score for those rows only (title A, standfirst B: default weights 1.0 and 0.4).
  walk: (match, now, type, limit) => sql`SELECT w.id AS id, ts_rank_cd(ts_filter(s.search, '{a,b}'), ${tsquery(match)}) AS score
    FROM (SELECT s.id FROM stories s WHERE ${storyFilter(match, now, type)} ORDER BY s.id DESC LIMIT ${limit}) AS w
    JOIN stories s ON s.id = w.id
    ORDER BY w.id DESC`,

  rankedStories: (match, now, type) =>
    sql`SELECT 'story' AS kind, s.id AS id, ${rank("story", "s", match)} AS rank FROM stories s WHERE ${storyFilter(match, now, type)}`,

  rankedOthers(match, now, want) {
    const parts: SQL[] = [];
    if (want("event")) {
      parts.push(sql`SELECT 'event' AS kind, e.id AS id, ${rank("event", "e", match)} AS rank
        FROM events e WHERE e.search @@ ${tsquery(match)} AND ${publicEvent}`);
    }
    if (want("expert")) {
      parts.push(sql`SELECT 'expert' AS kind, p.id AS id, ${rank("expert", "p", match)} AS rank
        FROM people p WHERE p.search @@ ${tsquery(match)} AND ${listedExpert(now)}`);
    }
    if (want("open-day")) {
      parts.push(sql`SELECT 'open-day' AS kind, o.id AS id, ${rank("open-day", "o", match)} AS rank
        FROM open_days o WHERE o.search @@ ${tsquery(match)} AND ${publicOpenDay}`);
    }
    return parts;
  },

  details(kind, match, ids) {
    const idList = sql.join(ids.map((id) => sql`${id}`), sql`, `);
    const q = tsquery(match);
    if (kind === "story") {
      return sql`SELECT s.id, s.slug, s.title, ${highlight(sql`s.title`, q)} AS "titleMarked",
          ${snippet(sql`s.standfirst`, q, 24)} AS s1, ${snippet(sql`s.body_text`, q, 24)} AS s2,
          s.publish_at AS date, s.type AS extra
        FROM stories s WHERE s.id IN (${idList})`;
    }
    if (kind === "event") {
      return sql`SELECT e.id, e.slug, e.title, ${highlight(sql`e.title`, q)} AS "titleMarked",
          ${snippet(sql`e.summary`, q, 24)} AS s1, ${snippet(sql`e.body`, q, 24)} AS s2,
          e.starts_at AS date, e.status AS extra
        FROM events e WHERE e.id IN (${idList})`;
    }
    if (kind === "expert") {
      return sql`SELECT p.id, p.slug, p.name AS title, ${highlight(sql`p.name`, q)} AS "titleMarked",
          ${snippet(sql`p.job_title`, q, 16)} AS s1, ${snippet(sql`p.bio`, q, 24)} AS s2,
          NULL AS date, p.department AS extra
        FROM people p WHERE p.id IN (${idList})`;
    }
    // Subjects are jsonb: marked as JSON text, which public.ts parses as on SQLite.
    return sql`SELECT o.id, o.slug, o.title, ${highlight(sql`o.title`, q)} AS "titleMarked",
          ${snippet(sql`o.summary`, q, 24)} AS s1, ${highlight(sql`o.subjects::text`, q)} AS s2,
          ${highlight(sql`o.campus`, q)} AS s3, o.starts_at AS date, o.level AS extra
        FROM open_days o WHERE o.id IN (${idList})`;
  },

  /**
   * MATERIALIZED: planned as a whole, the match goes through the GIN index.
   * Planned under LIMIT 1, PostgreSQL expects one of its ~500 estimated
   * matches early in a sequential scan, and for a word no story holds (what
   * suggest.ts asks about) reads every row: ~300 ms at 100,000 stories,
   * against under 1 ms (8 ms for a prefix that covers a fifth of them).
   */
  indexHas: (table, match) =>
    sql`WITH m AS MATERIALIZED (SELECT 1 AS ok FROM ${sql.identifier(table)} WHERE search @@ ${tsquery(match)}) SELECT ok FROM m LIMIT 1`,

  /**
   * The term list of migration 0003 (search_terms, an index range on its
   * "C"-collated word) plus ts_stat over only the stories written since its
   * refresh (search_terms_pending; none once lib/search/jobs.ts has run), so
   * a word counts as soon as its story commits. A story edited since the
   * refresh is counted in both halves until the next one: doc only orders
   * candidates at the same distance.
   */
  vocabulary: (from, to, limit) => sql`SELECT term, sum(doc)::integer AS doc FROM (
      SELECT word AS term, ndoc AS doc FROM search_terms WHERE word >= ${from} AND word < ${to}
      UNION ALL
      SELECT word COLLATE "C", ndoc FROM ts_stat('SELECT s.search FROM stories s WHERE s.id IN (SELECT story_id FROM search_terms_pending)')
      WHERE word COLLATE "C" >= ${from} AND word COLLATE "C" < ${to}) AS t
    WHERE length(term) BETWEEN 2 AND 40
    GROUP BY term ORDER BY term LIMIT ${limit}`,

  // An index term is already a lexeme: cast, not to_tsquery, so it is not stemmed a second time.
  markedStory(term, now) {
    const q = sql`${termsToTsquery([{ words: [term], phrase: true }])}::tsquery`;
    return sql`SELECT ${highlight(sql`s.title`, q)} AS t, ${highlight(sql`s.standfirst`, q)} AS s, ${highlight(sql`s.body_text`, q)} AS b
      FROM stories s WHERE s.search @@ ${q} AND ${publicStory("s", now)} LIMIT 1`;
  },
};
