/**
 * What the full-text index reads for a story's body: the Markdown as a reader
 * sees it, without syntax. Stored in stories.body_text by every writer, so
 * FTS5 snippets are plain text by construction and words that only occur in
 * a link's URL or an image's address never match. Pure and regex-based (no
 * Markdown parser): it runs for every one of 100,000 seeded stories, and the
 * house editor only produces headings, emphasis, links, images, quotes,
 * lists and code.
 */
export function markdownToSearchText(markdown: string): string {
  return (
    markdown
      .replace(/\r\n?/g, "\n")
      // Fenced code keeps its text, loses the fences.
      .replace(/^[ \t]*(```|~~~).*$/gm, "")
      // Images keep their alt text; links their text. Reference definitions go.
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/\[([^\]]*)\]\[[^\]]*\]/g, "$1")
      .replace(/^[ \t]*\[[^\]]+\]:[ \t]*\S+.*$/gm, "")
      // Bare autolinks <https://…> and stray HTML tags carry no reader text.
      .replace(/<(?:https?:|mailto:)[^>\s]*>/g, "")
      .replace(/<\/?[A-Za-z][^>]*>/g, "")
      // Line-start syntax: quotes (nested), headings, list markers, rules.
      .replace(/^[ \t]*(?:>[ \t]?)+/gm, "")
      .replace(/^[ \t]*#{1,6}[ \t]+/gm, "")
      .replace(/[ \t]+#+[ \t]*$/gm, "")
      .replace(/^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+/gm, "")
      .replace(/^[ \t]*(?:[-*_][ \t]*){3,}$/gm, "")
      // Emphasis and code spans: ** __ * _ ` ~~ around text (not inside words like snake_case).
      .replace(/\*\*|__|~~|`/g, "")
      .replace(/(^|[^\p{L}\p{N}])[*_]+(?=\S)/gu, "$1")
      .replace(/(\S)[*_]+(?=$|[^\p{L}\p{N}])/gmu, "$1")
      // Backslash escapes show the character itself.
      .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, "$1")
      .replace(/[ \t]+/g, " ")
      .replace(/ ?\n ?/g, "\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim()
  );
}
