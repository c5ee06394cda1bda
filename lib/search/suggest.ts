import "server-only";
import { first, getDb, isPg, rows } from "@/db/client";
import { SEARCH_TABLES, type SearchEngine } from "./engine";
import { postgresSearch } from "./engine-postgres";
import { sqliteSearch } from "./engine-sqlite";
import { search } from "./public";
import { parseQuery, termsToText, type QueryTerm } from "./query";

/**
 * "Did you mean": corrects the words of a query that match nothing, from
 * the stories index's own term list (SQLite: stories_fts_vocab,
 * db/search.sql; PostgreSQL: search_terms, db/migrations-pg/0003, with the
 * stories written since its refresh), so no
 * dictionary or outside service is involved. Kept fast at 100,000
 * stories by a bounded candidate set: terms with the same first letter and
 * a similar length (at most 20,000 per initial), compared by edit distance
 * (transpositions count once).
 *
 * The index also holds drafts and embargoed stories, so a suggestion is
 * offered only if a public story contains the corrected word and the whole
 * corrected query finds more than the reader's did: the suggestion can
 * never reveal a word the public cannot already read.
 */

const engine: SearchEngine = isPg ? postgresSearch : sqliteSearch;

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

/** The index folds case and diacritics (FTS5: unicode61 remove_diacritics 2; PostgreSQL: unaccent): compare the same way. */
const fold = (word: string) => word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** Does any index (drafts included: this only decides whether to try a correction) know the word? */
async function known(word: string, prefix: boolean): Promise<boolean> {
  const match = engine.query([{ words: [word], phrase: !prefix }]);
  if (!match) return false;
  const db = getDb();
  for (const table of SEARCH_TABLES) {
    const hit = await first(rows<{ ok: number }>(db, engine.indexHas(table, match)));
    if (hit !== undefined) return true;
  }
  return false;
}

/**
 * The index stores stems ("climat"); readers want the word as stories
 * print it ("climate"): take it from the first public story with the term.
 */
async function surfaceForm(term: string): Promise<string | null> {
  const row = await first(rows<{ t: string | null; s: string | null; b: string | null }>(getDb(), engine.markedStory(term, Date.now())));
  if (!row) return null;
  for (const text of [row.t, row.s, row.b]) {
    const marked = text?.match(/\uE000([^\uE001]+)\uE001/u)?.[1];
    if (marked && /^[\p{L}\p{N}\p{M}]+$/u.test(marked)) return marked.toLowerCase();
  }
  return null;
}

/**
 * fts5vocab counts documents by reading each term's whole doclist, ~30 ms
 * for one initial letter at 100,000 stories (PostgreSQL's search_terms: ~2
 * ms), so each letter's terms are kept for a few minutes
 * per database. Staleness is harmless: a candidate is
 * used only if a public story contains it now (surfaceForm) and the
 * corrected query finds results now.
 */
const VOCAB_TTL_MS = 10 * 60_000;
type Term = { term: string; doc: number };
const vocabCache = new WeakMap<object, Map<string, { at: number; terms: Term[] }>>();

async function termsStartingWith(initial: string): Promise<Term[]> {
  const db = getDb();
  let perDb = vocabCache.get(db);
  if (!perDb) vocabCache.set(db, (perDb = new Map()));
  const hit = perDb.get(initial);
  if (hit && Date.now() - hit.at < VOCAB_TTL_MS) return hit.terms;
  const found = await rows<Term>(db, engine.vocabulary(initial, String.fromCodePoint(initial.codePointAt(0)! + 1), CANDIDATE_LIMIT));
  const terms = found.map((r) => ({ term: r.term, doc: Number(r.doc) }));
  perDb.set(initial, { at: Date.now(), terms });
  return terms;
}

async function correct(word: string): Promise<string | null> {
  const w = fold(word);
  const initial = w[0];
  if (!initial || w.length < 3 || /\p{N}/u.test(w)) return null;
  const max = w.length <= 4 ? 1 : 2;
  // Stems are up to ~3 characters shorter than the words they come from.
  const candidates = (await termsStartingWith(initial)).filter((r) => r.term.length >= w.length - max - 1 && r.term.length <= w.length + max);
  const ranked = candidates
    .map((r) => ({ ...r, d: editDistance(w, r.term, max) }))
    .filter((r) => r.d <= max && r.term !== w)
    .sort((a, b) => a.d - b.d || b.doc - a.doc || a.term.localeCompare(b.term))
    .slice(0, TRY_LIMIT);
  for (const candidate of ranked) {
    const surface = await surfaceForm(candidate.term);
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
  const fixed: QueryTerm[] = [];
  for (const [i, term] of terms.entries()) {
    const words: string[] = [];
    for (const [j, word] of term.words.entries()) {
      const prefix = i === last && !term.phrase && j === term.words.length - 1;
      const better = (await known(word, prefix)) ? null : await correct(word);
      if (better) changed = true;
      words.push(better ?? word);
    }
    fixed.push({ ...term, words });
  }
  if (!changed || !engine.query(fixed)) return null;
  const text = termsToText(fixed);
  return (await search({ q: text })).total > currentTotal ? text : null;
}
