import { checkAccessibility, type A11yRule } from "@/lib/a11y-check";

const rules = (md: string) => checkAccessibility(md).map((p) => p.rule);

describe("checkAccessibility: rule table", () => {
  const table: [string, string, A11yRule[]][] = [
    ["a clean body", "Intro.\n\n## Causes\n\nText with [the flood report](/report).\n\n### Upstream\n\n![A weir in flood](/w.jpg)", []],
    ["an image without alt text", "![](/a.jpg)", ["image-alt"]],
    ["a figure without alt text", '![](/a.jpg "Flooded street | Photo: Jo Bloggs")', ["image-alt"]],
    ["a figure with alt text", '![Flooded street in York](/a.jpg "Caption | Photo: Jo Bloggs")', []],
    ["alt text of only spaces", "![   ](/a.jpg)", ["image-alt"]],
    ["alt text that is a file name", "![IMG_1234.jpg](/a.jpg)", ["image-alt"]],
    ["an image inside a list", "- item\n- ![](/b.png)", ["image-alt"]],
    ["an image inside a block quote", "> ![](/b.png)", ["image-alt"]],
    ["h2 then h3", "## A\n\n### B", []],
    ["h2 then h4 (a skip)", "## A\n\n#### B", ["heading-order"]],
    ["a first heading at h3", "### Too deep", ["heading-order"]],
    ["an h1 in the body", "# Second title", ["heading-order"]],
    ["going back up is fine", "## A\n\n### B\n\n## C\n\n### D", []],
    ["a setext h2", "Sub-heading\n---\n\nText", []],
    ["'click here'", "[click here](/x)", ["link-text"]],
    ["'Click Here!'", "[Click Here!](/x)", ["link-text"]],
    ["'here'", "Read it [here](/x).", ["link-text"]],
    ["'read more' in bold", "[**Read more**](/x)", ["link-text"]],
    ["'link'", "[link](/x)", ["link-text"]],
    ["a descriptive link", "[the 2024 flood report](/x)", []],
    ["a link whose words contain 'here'", "[where rivers go](/x)", []],
    ["an empty link", "[](/x)", ["empty-link"]],
    ["a link of only spaces", "[ ](/x)", ["empty-link"]],
    ["a link with no address", "[the report]()", ["empty-link"]],
    ["a linked image with alt text", "[![The report cover](/c.jpg)](/report)", []],
    ["a linked image without alt text", "[![](/c.jpg)](/report)", ["empty-link", "image-alt"]],
    ["a vague link in a table", "| a | b |\n|---|---|\n| [here](/q) | x |", ["link-text"]],
    ["a bare URL", "See https://example.org/report for details.", []],
  ];

  it.each(table)("%s", (_name, markdown, expected) => {
    expect(rules(markdown)).toEqual(expected);
  });
});

describe("checkAccessibility: messages and lines", () => {
  it("reports each problem with a helpful message and its line", () => {
    const md = ["Intro paragraph.", "", "#### Skipped", "", "Some text and [click here](/x).", "", '![](/pic.jpg "A caption | Photo: Agency")', "", "[](/empty)"].join("\n");
    expect(checkAccessibility(md)).toEqual([
      { rule: "heading-order", line: 3, message: expect.stringMatching(/"Skipped" is level 4 but follows level 1.*Use level 2 \(##\)/) },
      { rule: "link-text", line: 5, message: expect.stringMatching(/"click here" does not say where the link goes/) },
      { rule: "image-alt", line: 7, message: expect.stringMatching(/\/pic\.jpg has no alt text/) },
      { rule: "empty-link", line: 9, message: expect.stringMatching(/link to \/empty has no text/) },
    ]);
  });

  it("counts lines the same with Windows line endings", () => {
    expect(checkAccessibility("Text\r\n\r\n![](/a.jpg)")[0]?.line).toBe(3);
  });

  it("finds nothing in an empty body", () => {
    expect(checkAccessibility("")).toEqual([]);
  });
});
