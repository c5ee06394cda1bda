/**
 * THE escaping of text for HTML and XML (element text and double-quoted
 * attribute values alike): & < > and ". Every hand-built piece of markup
 * (sitemaps, figures, republish snippets, search highlights) goes through
 * it; React escapes everything else. Client-safe.
 */
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c);
}
