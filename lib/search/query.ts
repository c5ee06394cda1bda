/**
 * Pure helpers for turning what a reader typed into a safe FTS5 query (or
 * PostgreSQL tsquery) and a marked snippet into safe HTML. No database
 * access, so they are easy to test with hostile input.
 */

/** Most terms a query may have: longer input is still searched, just on its first words. */
export const MAX_TERMS = 12;

/** Private-use characters marking a match in FTS5 and ts_headline output; never shown to readers. */
export const MARK_START = "\uE000";
export const MARK_END = "\uE001";

/** A reader's query as terms: single words, or quoted phrases of words. */
export type QueryTerm = { words: string[]; phrase: boolean };

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
const words = (text: string) => text.match(WORD) ?? [];

/**
 * Splits what was typed into terms. Text between a pair of double quotes
 * (straight or curly, as phones type them) is a phrase; an unpaired quote
 * is just punctuation. Only words survive (letters, digits and combining
 * marks), at most MAX_TERMS of them, so nothing typed can reach FTS5 as
 * syntax.
 */
export function parseQuery(input: string): QueryTerm[] {
  const text = input.normalize("NFKC").replace(/[\u201C\u201D\u201E\u00AB\u00BB]/g, '"');
  const terms: QueryTerm[] = [];
  let budget = MAX_TERMS;
  for (const [part, quoted] of text.matchAll(/"([^"]*)"|[^"]+|"/g)) {
    if (budget <= 0) break;
    if (quoted !== undefined) {
      const phrase = words(quoted).slice(0, budget);
      if (phrase.length > 0) terms.push({ words: phrase, phrase: true });
      budget -= phrase.length;
    } else {
      for (const word of words(part).slice(0, budget)) terms.push({ words: [word], phrase: false });
      budget = MAX_TERMS - terms.reduce((n, t) => n + t.words.length, 0);
    }
  }
  return terms;
}

/**
 * Terms → an FTS5 query: `"w1" "w2 w3" "w4"*`. Every term is quoted, so
 * FTS5 syntax typed by the reader (`*`, OR, NEAR, brackets, `-`, `:` column
 * filters) is only ever searched as text; terms are ANDed. A quoted phrase
 * must match word for word and exactly; a last bare word is a prefix so
 * results appear while it is half typed. Returns null when nothing
 * searchable is left.
 */
export function termsToFts(terms: QueryTerm[]): string | null {
  if (terms.length === 0) return null;
  const last = terms.length - 1;
  return terms.map((t, i) => `"${t.words.join(" ")}"${i === last && !t.phrase ? "*" : ""}`).join(" ");
}

export function toFtsQuery(input: string): string | null {
  return termsToFts(parseQuery(input));
}

/** A word as a quoted tsquery operand: nothing inside quotes is tsquery syntax (quote and backslash doubled, should one ever reach here). */
const tsOperand = (word: string) => `'${word.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;

/**
 * Terms → PostgreSQL to_tsquery source, with termsToFts's meaning:
 * `'w1' & 'w2' <-> 'w3' & 'w4':*`. Every word is a quoted operand, so
 * tsquery syntax typed by the reader (`&`, `|`, `!`, `<->`, `:*`, brackets)
 * is only ever searched as text; terms are ANDed, a phrase's words follow
 * one another, and a last bare word is a prefix. Always bound as a
 * parameter of to_tsquery, which stems each operand as the index did.
 */
export function termsToTsquery(terms: QueryTerm[]): string | null {
  if (terms.length === 0) return null;
  const last = terms.length - 1;
  return terms.map((t, i) => `${t.words.map(tsOperand).join(" <-> ")}${i === last && !t.phrase ? ":*" : ""}`).join(" & ");
}

export function toTsquery(input: string): string | null {
  return termsToTsquery(parseQuery(input));
}

/** Terms back to text a reader could type (used for "Did you mean"). */
export function termsToText(terms: QueryTerm[]): string {
  return terms.map((t) => (t.phrase ? `"${t.words.join(" ")}"` : t.words.join(" "))).join(" ");
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Markdown syntax that reads as noise in a one-line excerpt (links keep their text). */
export function markdownToPlain(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^[ \t]*(?:#{1,6}|>|[-*+]|\d+\.)[ \t]+/gm, "")
    .replace(/\*\*|__|`/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Engine output with sentinel markers → HTML: everything is escaped first, then
 * the sentinels become <mark>. Tags are always balanced, even if stored text
 * happened to contain a sentinel character.
 */
export function markedToHtml(marked: string, { markdown = false } = {}): string {
  let open = false;
  let html = "";
  const text = markdown ? markdownToPlain(marked) : marked;
  for (const part of text.split(/([\uE000\uE001])/)) {
    if (part === MARK_START) {
      if (!open) html += "<mark>";
      open = true;
    } else if (part === MARK_END) {
      if (open) html += "</mark>";
      open = false;
    } else {
      html += escapeHtml(part);
    }
  }
  return open ? `${html}</mark>` : html;
}
