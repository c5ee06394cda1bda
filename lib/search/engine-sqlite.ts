import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { StoryType } from "@/db/schema";
import { listedExpert, publicEvent, publicOpenDay, publicStory, type SearchEngine, type SearchKind } from "@/lib/search/engine";
import { MARK_END, MARK_START, termsToFts } from "@/lib/search/query";

/**
 * Search on SQLite: the FTS5 tables of db/search.sql (external content kept
 * in step by triggers), queried with MATCH, ranked by bm25, marked with
 * highlight() and snippet().
 */

/** Column weights: a match in the title outranks the same match in the body. */
const RANK = {
  story: sql.raw("bm25(stories_fts, 10.0, 4.0, 1.0)"),
  event: sql.raw("bm25(events_fts, 10.0, 4.0, 1.0, 2.0)"),
  expert: sql.raw("bm25(people_fts, 10.0, 4.0, 3.0, 1.0, 6.0)"),
  "open-day": sql.raw("bm25(open_days_fts, 10.0, 4.0, 3.0, 3.0)"),
};

/** Stories the public may read, matching the query (CROSS JOIN keeps the FTS index as the outer loop). */
function storyMatches(match: string, now: number, type: StoryType | undefined, columns: SQL): SQL {
  return sql`SELECT ${columns} FROM stories_fts CROSS JOIN stories s ON s.id = stories_fts.rowid
      WHERE stories_fts MATCH ${match} AND ${publicStory("s", now)}
      ${type ? sql`AND s.type = ${type}` : sql``}`;
}

/**
 * Weighted count of matched words in the title and standfirst (each
 * highlight marker adds one character): highlight() reads only the row's
 * own short columns, so a walk of 1,001 rows stays cheap.
 */
const WINDOW_SCORE = sql`(10 * (length(highlight(stories_fts, 0, ${MARK_START}, '')) - length(s.title))
  + 4 * (length(highlight(stories_fts, 1, ${MARK_START}, '')) - length(s.standfirst)))`;

const M = sql`${MARK_START}, ${MARK_END}`;

export const sqliteSearch: SearchEngine = {
  query: termsToFts,

  // Highest rowid first: the FTS index's own order, so a short walk.
  walk: (match, now, type, limit) =>
    sql`${storyMatches(match, now, type, sql`s.id AS id, ${WINDOW_SCORE} AS score`)} ORDER BY stories_fts.rowid DESC LIMIT ${limit}`,

  rankedStories: (match, now, type) =>
    sql`SELECT 'story' AS kind, id, rank FROM (${storyMatches(match, now, type, sql`s.id AS id, ${RANK.story} AS rank`)}) AS matched`,

  rankedOthers(match: string, now: number, want: (k: SearchKind) => boolean): SQL[] {
    const parts: SQL[] = [];
    if (want("event")) {
      parts.push(sql`SELECT 'event' AS kind, e.id AS id, ${RANK.event} AS rank
        FROM events_fts CROSS JOIN events e ON e.id = events_fts.rowid
        WHERE events_fts MATCH ${match} AND ${publicEvent}`);
    }
    if (want("expert")) {
      parts.push(sql`SELECT 'expert' AS kind, p.id AS id, ${RANK.expert} AS rank
        FROM people_fts CROSS JOIN people p ON p.id = people_fts.rowid
        WHERE people_fts MATCH ${match} AND ${listedExpert(now)}`);
    }
    if (want("open-day")) {
      parts.push(sql`SELECT 'open-day' AS kind, o.id AS id, ${RANK["open-day"]} AS rank
        FROM open_days_fts CROSS JOIN open_days o ON o.id = open_days_fts.rowid
        WHERE open_days_fts MATCH ${match} AND ${publicOpenDay}`);
    }
    return parts;
  },

  details(kind, match, ids) {
    const idList = sql.join(ids.map((id) => sql`${id}`), sql`, `);
    if (kind === "story") {
      return sql`SELECT s.id, s.slug, s.title, highlight(stories_fts, 0, ${M}) AS titleMarked,
          snippet(stories_fts, 1, ${M}, '…', 24) AS s1, snippet(stories_fts, 2, ${M}, '…', 24) AS s2,
          s.publish_at AS date, s.type AS extra
        FROM stories_fts JOIN stories s ON s.id = stories_fts.rowid
        WHERE stories_fts MATCH ${match} AND stories_fts.rowid IN (${idList})`;
    }
    if (kind === "event") {
      return sql`SELECT e.id, e.slug, e.title, highlight(events_fts, 0, ${M}) AS titleMarked,
          snippet(events_fts, 1, ${M}, '…', 24) AS s1, snippet(events_fts, 2, ${M}, '…', 24) AS s2,
          e.starts_at AS date, e.status AS extra
        FROM events_fts JOIN events e ON e.id = events_fts.rowid
        WHERE events_fts MATCH ${match} AND events_fts.rowid IN (${idList})`;
    }
    if (kind === "expert") {
      return sql`SELECT p.id, p.slug, p.name AS title, highlight(people_fts, 0, ${M}) AS titleMarked,
          snippet(people_fts, 1, ${M}, '…', 16) AS s1, snippet(people_fts, 3, ${M}, '…', 24) AS s2,
          NULL AS date, p.department AS extra
        FROM people_fts JOIN people p ON p.id = people_fts.rowid
        WHERE people_fts MATCH ${match} AND people_fts.rowid IN (${idList})`;
    }
    return sql`SELECT o.id, o.slug, o.title, highlight(open_days_fts, 0, ${M}) AS titleMarked,
          snippet(open_days_fts, 1, ${M}, '…', 24) AS s1, highlight(open_days_fts, 3, ${M}) AS s2,
          highlight(open_days_fts, 2, ${M}) AS s3, o.starts_at AS date, o.level AS extra
        FROM open_days_fts JOIN open_days o ON o.id = open_days_fts.rowid
        WHERE open_days_fts MATCH ${match} AND open_days_fts.rowid IN (${idList})`;
  },

  indexHas(table, match) {
    const fts = sql.identifier(`${table}_fts`);
    return sql`SELECT 1 AS ok FROM ${fts} WHERE ${fts} MATCH ${match} LIMIT 1`;
  },

  // The index's own term list (stories_fts_vocab, db/search.sql).
  vocabulary: (from, to, limit) => sql`SELECT term, doc FROM stories_fts_vocab
    WHERE term >= ${from} AND term < ${to} AND length(term) BETWEEN 2 AND 40
    LIMIT ${limit}`,

  // A quoted term is searched as typed; FTS5's stemmer leaves a stem as it is.
  markedStory: (term, now) => sql`SELECT highlight(stories_fts, 0, ${M}) AS t,
      highlight(stories_fts, 1, ${M}) AS s, highlight(stories_fts, 2, ${M}) AS b
    FROM stories_fts JOIN stories s ON s.id = stories_fts.rowid
    WHERE stories_fts MATCH ${`"${term}"`} AND ${publicStory("s", now)} LIMIT 1`,
};
