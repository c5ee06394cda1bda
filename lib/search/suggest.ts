import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { search } from "./public";
import { MARK_END, MARK_START, parseQuery, termsToFts, termsToText, type QueryTerm } from "./query";

/**
 * "Did you mean": corrects the words of a query that match nothing, from
 * the stories index's own term list (stories_fts_vocab, db/search.sql), so
 * no dictionary or outside service is involved. Kept fast at 100,000
 * stories by a bounded candidate set: terms with the same first letter and
 * a similar length (at most 20,000 per initial), compared by edit distance
 * (transpositions count once).
 *
 * The index also holds drafts and embargoed stories, so a suggestion is
 * offered only if a public story contains the corrected word and the whole
 * corrected query finds more than the reader's did: the suggestion can
 * never reveal a word the public cannot already read.
 */

/** How many vocabulary rows one word may look at, and how many of the best to try. */
const CANDIDATE_LIMIT = 20_000;
const TRY_LIMIT = 5;

/** Optimal string alignment distance, stopping early past `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (prev2[j - 2] ?? 0) + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length] ?? max + 1;
}

/** The index folds case and diacritics (unicode61 remove_diacritics 2): compare the same way. */
const fold = (word: string) => word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** Does any index (drafts included: this only decides whether to try a correction) know the word? */
function known(word: string, prefix: boolean): boolean {
  const match = `"${word}"${prefix ? "*" : ""}`;
  const db = getDb();
  return ["stories_fts", "events_fts", "people_fts", "open_days_fts"].some(
    (table) => db.get(sql`SELECT 1 AS ok FROM ${sql.identifier(table)} WHERE ${sql.identifier(table)} MATCH ${match} LIMIT 1`) !== undefined,
  );
}

function publicStory(): SQL {
  const now = Date.now();
  return sql`s.status IN ('published', 'scheduled') AND s.publish_at <= ${now} AND (s.unpublish_at IS NULL OR s.unpublish_at > ${now})`;
}

/**
 * The index stores stems ("climat"); readers want the word as stories
 * print it ("climate"): take it from the first public story with the term.
 */
function surfaceForm(term: string): string | null {
  const M = sql`${MARK_START}, ${MARK_END}`;
  const row = getDb().get<{ t: string; s: string; b: string }>(sql`SELECT highlight(stories_fts, 0, ${M}) AS t,
      highlight(stories_fts, 1, ${M}) AS s, highlight(stories_fts, 2, ${M}) AS b
    FROM stories_fts JOIN stories s ON s.id = stories_fts.rowid
    WHERE stories_fts MATCH ${`"${term}"`} AND ${publicStory()} LIMIT 1`);
  if (!row) return null;
  for (const text of [row.t, row.s, row.b]) {
    const marked = text.match(/\uE000([^\uE001]+)\uE001/u)?.[1];
    if (marked && /^[\p{L}\p{N}\p{M}]+$/u.test(marked)) return marked.toLowerCase();
  }
  return null;
}

/**
 * fts5vocab counts documents by reading each term's whole doclist, ~30 ms
 * for one initial letter at 100,000 stories, so each letter's terms are kept
 * for a few minutes per database. Staleness is harmless: a candidate is
 * used only if a public story contains it now (surfaceForm) and the
 * corrected query finds results now.
 */
const VOCAB_TTL_MS = 10 * 60_000;
type Term = { term: string; doc: number };
const vocabCache = new WeakMap<object, Map<string, { at: number; terms: Term[] }>>();

function termsStartingWith(first: string): Term[] {
  const db = getDb();
  let perDb = vocabCache.get(db);
  if (!perDb) vocabCache.set(db, (perDb = new Map()));
  const hit = perDb.get(first);
  if (hit && Date.now() - hit.at < VOCAB_TTL_MS) return hit.terms;
  const terms = db.all<Term>(sql`SELECT term, doc FROM stories_fts_vocab
    WHERE term >= ${first} AND term < ${String.fromCodePoint(first.codePointAt(0)! + 1)} AND length(term) BETWEEN 2 AND 40
    LIMIT ${CANDIDATE_LIMIT}`);
  perDb.set(first, { at: Date.now(), terms });
  return terms;
}

function correct(word: string): string | null {
  const w = fold(word);
  const first = w[0];
  if (!first || w.length < 3 || /\p{N}/u.test(w)) return null;
  const max = w.length <= 4 ? 1 : 2;
  // Stems are up to ~3 characters shorter than the words they come from.
  const rows = termsStartingWith(first).filter((r) => r.term.length >= w.length - max - 1 && r.term.length <= w.length + max);
  const ranked = rows
    .map((r) => ({ ...r, d: editDistance(w, r.term, max) }))
    .filter((r) => r.d <= max && r.term !== w)
    .sort((a, b) => a.d - b.d || b.doc - a.doc || a.term.localeCompare(b.term))
    .slice(0, TRY_LIMIT);
  for (const candidate of ranked) {
    const surface = surfaceForm(candidate.term);
    if (surface && editDistance(w, fold(surface), max) <= max) return surface;
  }
  return null;
}

/**
 * A corrected query, or null when every word is known, nothing close is
 * found, or the correction would not find more than `currentTotal` results.
 */
export async function suggestQuery(q: string, currentTotal = 0): Promise<string | null> {
  const terms = parseQuery(q);
  if (terms.length === 0) return null;
  let changed = false;
  const last = terms.length - 1;
  const fixed: QueryTerm[] = terms.map((term, i) => ({
    ...term,
    words: term.words.map((word, j) => {
      const prefix = i === last && !term.phrase && j === term.words.length - 1;
      if (known(word, prefix)) return word;
      const better = correct(word);
      if (!better) return word;
      changed = true;
      return better;
    }),
  }));
  if (!changed || !termsToFts(fixed)) return null;
  const text = termsToText(fixed);
  return (await search({ q: text })).total > currentTotal ? text : null;
}
