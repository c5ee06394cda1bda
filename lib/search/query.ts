/**
 * Pure helpers for turning what a reader typed into a safe FTS5 query and an
 * FTS5 snippet into safe HTML. No database access, so they are easy to test
 * with hostile input.
 */

/** Most terms a query may have: longer input is still searched, just on its first words. */
export const MAX_TERMS = 12;

/** Private-use characters marking a match in FTS5 output; never shown to readers. */
export const MARK_START = "\uE000";
export const MARK_END = "\uE001";

/**
 * Words (a letter or digit, then letters, digits and combining marks) → `"w1" "w2" "w3"*`.
 * Every term is quoted, so FTS5 syntax typed by the reader (quotes, `*`, OR,
 * NEAR, brackets, `-`, `:` column filters) is only ever searched as text.
 * The last term is a prefix so results appear while a word is half typed.
 * Returns null when nothing searchable is left.
 */
export function toFtsQuery(input: string): string | null {
  const words = input.normalize("NFKC").match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu) ?? [];
  const terms = words.slice(0, MAX_TERMS);
  if (terms.length === 0) return null;
  return terms.map((word, i) => `"${word}"${i === terms.length - 1 ? "*" : ""}`).join(" ");
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
 * FTS5 output with sentinel markers → HTML: everything is escaped first, then
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
