import { checkAccessibility } from "@/lib/a11y-check";
import { importRepublishSnippet } from "@/lib/stories/import-snippet";
import { COUNTER_URL, ORIGINAL_URL, SNIPPET } from "./fixture";

const run = (html: string) => importRepublishSnippet(html, { siteUrl: "https://news.harrowgate.ac.uk" });

describe("importRepublishSnippet with a snippet in The Conversation's shape", () => {
  const result = run(SNIPPET);

  it("takes the headline and both authors with job title and institution", () => {
    expect(result.title).toBe("Why the Harrow floods every spring – and what towns can do");
    expect(result.authors).toEqual([
      { name: "Amira Okafor", jobTitle: "Professor of Hydrology", institution: "University of Harrowgate" },
      { name: "Tom Reyes", jobTitle: "Research Fellow", institution: "Northfield Institute" },
    ]);
  });

  it("fills the syndication fields from the canonical link and the republishing note", () => {
    expect(result.syndicationSource).toBe("The Conversation");
    expect(result.syndicationUrl).toBe(ORIGINAL_URL);
    expect(result.syndicationLicence).toBe("CC BY-ND 4.0");
    expect(result.notes.join("\n")).toMatch(/CC BY-ND 4\.0 was filled in from The Conversation's republishing guidelines/);
  });

  it("keeps the counter image out of the body and returns its URL", () => {
    expect(result.counterImageUrl).toBe(COUNTER_URL);
    expect(result.bodyMarkdown).not.toMatch(/count\.gif/);
  });

  it("converts the body to Markdown, keeping sub-headings, block quotes, lists, emphasis and links", () => {
    const md = result.bodyMarkdown;
    expect(md).toMatch(/^Every spring the \*\*River Harrow\*\* bursts its banks\./);
    expect(md).toContain("## A river with nowhere to go");
    expect(md).toContain("> We moved the water off the fields and into the town.");
    expect(md).toMatch(/^- +Restore wetlands$/m);
    expect(md).toContain("_built over_");
    // A relative link is resolved against the outlet, not our site.
    expect(md).toContain("[Our earlier reporting](https://theconversation.com/topics/flooding)");
  });

  it("leaves out the headline, the byline and the republishing note", () => {
    expect(result.bodyMarkdown).not.toMatch(/Why the Harrow floods|Amira Okafor|Professor of Hydrology|republished from|original article/);
  });

  it("drops the agency photo with a note and keeps the Creative Commons figure in figure syntax", () => {
    expect(result.bodyMarkdown).not.toMatch(/sandbags/i);
    expect(result.notes).toContainEqual(expect.stringMatching(/Dropped the image "Sandbags stacked outside a terraced house" \(Jo Bloggs\/Agency Photos\): the republishing licence does not cover it/));
    expect(result.bodyMarkdown).toContain(
      '![A restored wetland beside the river](https://images.theconversation.com/files/2/wetland.jpg "A restored wetland near Northfield. | Sam Lee/Wikimedia Commons, CC BY-SA")',
    );
  });

  it("never lets script, event handlers or javascript: links through", () => {
    expect(result.bodyMarkdown).not.toMatch(/alert|steal|javascript:|onclick|onerror|<script/i);
    expect(result.bodyMarkdown).toContain("Read more in this report.");
    expect(result.notes).toContainEqual(expect.stringMatching(/scripts in the snippet were removed/));
  });

  it("produces a body the accessibility check passes", () => {
    expect(checkAccessibility(result.bodyMarkdown)).toEqual([]);
  });
});

describe("importRepublishSnippet edge cases", () => {
  it("uses the 'original article' link when there is no canonical link, and reads a linked CC licence", () => {
    const r = run(`<h1>Title</h1><p>Body text.</p>
      <p>This article was originally published on <a href="https://outlet.example/">Outlet Weekly</a> under a <a href="https://creativecommons.org/licenses/by/4.0/">Creative Commons licence</a>. Read the <a href="https://outlet.example/a/1">original article</a>.</p>`);
    expect(r).toMatchObject({ syndicationSource: "Outlet Weekly", syndicationUrl: "https://outlet.example/a/1", syndicationLicence: "CC BY 4.0", authors: [] });
    expect(r.notes).toContainEqual(expect.stringMatching(/No author byline/));
    expect(r.notes).toContainEqual(expect.stringMatching(/No counter \(tracking\) image/));
  });

  it("asks for the licence when an unknown outlet names none precisely", () => {
    const r = run(`<h1>T</h1><p>Text.</p><p>This article is republished from <a href="https://other.example">Other</a> under a Creative Commons license.</p>`);
    expect(r.syndicationLicence).toBe("Creative Commons");
    expect(r.notes).toContainEqual(expect.stringMatching(/check the exact licence/));
  });

  it("drops a standalone image with no licence, and makes links to our own site relative", () => {
    const r = run(`<h1>T</h1><p>See <a href="https://news.harrowgate.ac.uk/experts/amira-okafor">our expert</a>.</p><p><img src="https://cdn.example/x.jpg" alt="A chart"></p>`);
    expect(r.bodyMarkdown).toBe("See [our expert](/experts/amira-okafor).");
    expect(r.notes).toContainEqual(expect.stringMatching(/Dropped the image "A chart"/));
  });

  it("turns a second <h1> in the body into a sub-heading", () => {
    expect(run("<h1>Title</h1><p>A.</p><h1>Part two</h1><p>B.</p>").bodyMarkdown).toContain("## Part two");
  });

  it("reports a snippet with no headline", () => {
    const r = run("<p>Just text.</p>");
    expect(r.title).toBe("");
    expect(r.notes).toContainEqual(expect.stringMatching(/no headline/));
  });

  it("reads a byline with both authors in one span", () => {
    const r = run(`<h1>T</h1><p><a rel="author" href="/profiles/a-1">Ann Lee</a>, Lecturer in Law, Harrowgate Law School and <a rel="author" href="/profiles/b-2">Bo Chen</a>, Reader, Northfield University</p><p>Text.</p>`);
    expect(r.authors).toEqual([
      { name: "Ann Lee", jobTitle: "Lecturer in Law", institution: "Harrowgate Law School" },
      { name: "Bo Chen", jobTitle: "Reader", institution: "Northfield University" },
    ]);
    expect(r.bodyMarkdown).toBe("Text.");
  });
});
