/**
 * The accessibility check run on a story body before it is submitted or
 * published. It reads the Markdown with marked's own lexer (the parser the
 * public renderer uses), so what it flags is what readers would get.
 * Pure and free of server-only imports: the editor may run it anywhere.
 */
import { marked, type Token, type Tokens } from "marked";

export type A11yRule = "image-alt" | "heading-order" | "link-text" | "empty-link";
export type A11yProblem = { rule: A11yRule; message: string; line?: number };

/** Link texts that say nothing about where the link goes (compared after lower-casing and trimming punctuation). */
const VAGUE_LINK_TEXT = new Set([
  "click here",
  "click",
  "here",
  "read more",
  "more",
  "link",
  "this link",
  "click this link",
  "learn more",
  "find out more",
  "more info",
  "this",
  "go",
]);

/** Alt text that is a file name or a word like "image" describes nothing. */
const PLACEHOLDER_ALT = /^(?:image|photo|picture|img|graphic|figure|untitled|[\w-]+\.(?:jpe?g|png|webp|avif|gif|svg))$/i;

type Walked = { token: Token; line: number };

/** Every token, depth first, with the line it starts on (1-based). */
function walk(source: string): Walked[] {
  const out: Walked[] = [];
  const lineAt = (offset: number) => source.slice(0, offset).split("\n").length;
  const visit = (tokens: Token[], start: number) => {
    let cursor = start;
    for (const token of tokens) {
      // Nested raws can differ from the source (blockquote markers are stripped): then keep the parent's position.
      const at = token.raw ? source.indexOf(token.raw, cursor) : -1;
      const offset = at >= 0 ? at : cursor;
      if (at >= 0) cursor = at + token.raw.length;
      out.push({ token, line: lineAt(offset) });
      for (const children of childLists(token)) visit(children, offset);
    }
  };
  visit(marked.lexer(source), 0);
  return out;
}

function childLists(token: Token): Token[][] {
  const lists: Token[][] = [];
  if ("tokens" in token && Array.isArray(token.tokens)) lists.push(token.tokens);
  if (token.type === "list") for (const item of (token as Tokens.List).items) lists.push(item.tokens);
  if (token.type === "table") {
    const table = token as Tokens.Table;
    for (const cell of table.header) lists.push(cell.tokens);
    for (const row of table.rows) for (const cell of row) lists.push(cell.tokens);
  }
  return lists;
}

/** What a screen reader announces for a link: its text, with images contributing their alt text. */
function accessibleName(tokens: Token[] | undefined): string {
  if (!tokens) return "";
  return tokens
    .map((t) => {
      if (t.type === "image") return (t as Tokens.Image).text;
      if ("tokens" in t && Array.isArray(t.tokens)) return accessibleName(t.tokens);
      return "text" in t && typeof t.text === "string" ? t.text : "";
    })
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

const normalise = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, "").replace(/\s+/g, " ").trim();

export function checkAccessibility(markdown: string): A11yProblem[] {
  const problems: A11yProblem[] = [];
  // The page title is the h1, so the body's headings start at h2.
  let previousLevel = 1;
  for (const { token, line } of walk(markdown.replace(/\r\n?/g, "\n"))) {
    if (token.type === "heading") {
      const { depth, text } = token as Tokens.Heading;
      if (depth === 1) {
        problems.push({ rule: "heading-order", line, message: `The heading "${text}" is a level 1 heading, but the story title is already level 1. Use a level 2 heading (##) instead.` });
      } else if (depth > previousLevel + 1) {
        problems.push({
          rule: "heading-order",
          line,
          message: `The heading "${text}" is level ${depth} but follows level ${previousLevel}: headings must not skip a level. Use level ${previousLevel + 1} (${"#".repeat(previousLevel + 1)}) instead.`,
        });
      }
      previousLevel = Math.max(depth, 1);
    } else if (token.type === "image") {
      const { text, href } = token as Tokens.Image;
      const alt = text.trim();
      if (alt === "") {
        problems.push({ rule: "image-alt", line, message: `The image ${href} has no alt text. Describe what the image shows for people who cannot see it.` });
      } else if (PLACEHOLDER_ALT.test(alt)) {
        problems.push({ rule: "image-alt", line, message: `The alt text "${alt}" for the image ${href} does not describe it. Say what the image shows.` });
      }
    } else if (token.type === "link") {
      const link = token as Tokens.Link;
      const name = accessibleName(link.tokens);
      if (name === "") {
        problems.push({ rule: "empty-link", line, message: `The link to ${link.href || "nowhere"} has no text, so screen readers cannot say where it goes. Add link text.` });
      } else if (link.href.trim() === "") {
        problems.push({ rule: "empty-link", line, message: `The link "${name}" has no address. Add the URL it should go to, or remove the link.` });
      } else if (VAGUE_LINK_TEXT.has(normalise(name))) {
        problems.push({ rule: "link-text", line, message: `The link text "${name}" does not say where the link goes. Use words that describe the destination, such as the page's title.` });
      }
    }
  }
  return problems;
}
