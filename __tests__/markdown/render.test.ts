import { markdownToText, renderMarkdown, splitFigureTitle } from "@/lib/markdown";

describe("renderMarkdown: house syntax", () => {
  it("turns a standalone image with 'Caption | Credit' title into a figure", () => {
    const html = renderMarkdown('![Alt text](/url.jpg "Caption text | Photo: Jane Doe")');
    expect(html).toContain("<figure>");
    expect(html).toMatch(/<img src="\/url.jpg" alt="Alt text"[^>]*loading="lazy"/);
    expect(html).toContain('<figcaption>Caption text <span class="credit">Photo: Jane Doe</span></figcaption>');
    expect(html).not.toContain("<p>");
  });

  it("keeps a caption without credit, and a credit without caption", () => {
    expect(renderMarkdown('![a](/a.jpg "Only a caption")')).toContain("<figcaption>Only a caption</figcaption>");
    expect(renderMarkdown('![a](/a.jpg " | Photo: X")')).toContain('<figcaption><span class="credit">Photo: X</span></figcaption>');
  });

  it("leaves an inline image inside text as an image, lazily loaded", () => {
    const html = renderMarkdown("Text before ![icon](/i.png) and after.");
    expect(html).toMatch(/^<p>Text before <img src="\/i.png" alt="icon"[^>]*loading="lazy"/);
    expect(html).not.toContain("<figure>");
  });

  it("splits only on the first ' | '", () => {
    expect(splitFigureTitle("A | B | C")).toEqual({ caption: "A", credit: "B | C" });
    expect(splitFigureTitle(null)).toEqual({ caption: "", credit: "" });
  });

  it("renders sub-headings, demoting # to h2 so the page keeps one h1", () => {
    const html = renderMarkdown("# Top\n\n## Sub\n\n### Deeper");
    expect(html).not.toContain("<h1");
    expect(html).toContain("<h2>Top</h2>");
    expect(html).toContain("<h2>Sub</h2>");
    expect(html).toContain("<h3>Deeper</h3>");
  });

  it("renders block quotes and lists", () => {
    const html = renderMarkdown("> Real democracy\n\n- one\n- two\n\n1. first\n2. second");
    expect(html).toMatch(/<blockquote>\s*<p>Real democracy<\/p>\s*<\/blockquote>/);
    expect(html).toMatch(/<ul>\s*<li>one<\/li>/);
    expect(html).toMatch(/<ol>\s*<li>first<\/li>/);
  });

  it("adds rel=noopener to external links only", () => {
    const html = renderMarkdown("[out](https://example.org/a) [in](/news/x) [self](http://localhost:3000/y) [mail](mailto:a@b.c)", { siteOrigin: "http://localhost:3000" });
    expect(html).toContain('<a href="https://example.org/a" rel="noopener">out</a>');
    expect(html).toContain('<a href="/news/x">in</a>');
    expect(html).toContain('<a href="http://localhost:3000/y">self</a>');
    expect(html).toContain('<a href="mailto:a@b.c">mail</a>');
  });

  it("drops any rel the author wrote", () => {
    expect(renderMarkdown('<a href="/x" rel="opener">x</a>')).toContain('<a href="/x">x</a>');
  });

  it("returns an empty string for empty input", () => {
    expect(renderMarkdown("")).toBe("");
  });

  it("markdownToText gives plain text", () => {
    expect(markdownToText("## Head\n\nSome *em* & <b>bold</b> text.")).toBe("Head Some em & bold text.");
  });
});
