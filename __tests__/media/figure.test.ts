import { marked, type Tokens } from "marked";
import { splitFigureTitle } from "@/lib/markdown";
import { bestImageUrl, figureMarkdown } from "@/lib/media/figure";

/** Parses the generated Markdown back the way the renderer does. */
function roundTrip(md: string) {
  const paragraph = marked.lexer(md)[0] as Tokens.Paragraph;
  const image = paragraph.tokens[0] as Tokens.Image;
  return { alt: image.text, href: image.href, ...splitFigureTitle(image.title) };
}

describe("figureMarkdown", () => {
  it.each([
    [{ url: "/u/a.webp", altText: "A heron", caption: "By the weir", credit: "Photo: Jo" }, { alt: "A heron", href: "/u/a.webp", caption: "By the weir", credit: "Photo: Jo" }],
    [{ url: "/u/a.webp", altText: "A heron", credit: "Photo: Jo" }, { alt: "A heron", href: "/u/a.webp", caption: "", credit: "Photo: Jo" }],
    [{ url: "/u/a.webp", altText: "A heron" }, { alt: "A heron", href: "/u/a.webp", caption: "", credit: "" }],
    [{ url: "/u/a.webp", altText: "The [old] bridge", caption: 'The "new" | old bridge', credit: "Jo" }, { alt: "The [old] bridge", href: "/u/a.webp", caption: 'The "new" / old bridge', credit: "Jo" }],
  ])("round-trips %o through the renderer's parser", (parts, expected) => {
    expect(roundTrip(figureMarkdown(parts))).toEqual(expected);
  });

  it("prefers the widest variant", () => {
    expect(bestImageUrl({ url: "/o.jpg", variants: [{ width: 480, url: "/a" }, { width: 1600, url: "/c" }, { width: 960, url: "/b" }] })).toBe("/c");
    expect(bestImageUrl({ url: "/o.jpg", variants: [] })).toBe("/o.jpg");
  });
});
