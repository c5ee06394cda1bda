import fc from "fast-check";
import { createStory } from "@/__tests__/factories";
import { freshDb } from "@/__tests__/helpers/db";
import { search } from "@/lib/search/public";
import { escapeHtml, markedToHtml, MARK_END, MARK_START, MAX_TERMS, toFtsQuery, toTsquery } from "@/lib/search/query";

describe("toFtsQuery", () => {
  it("quotes every word and makes the last a prefix", () => {
    expect(toFtsQuery('climate change OR NEAR(a b)*')).toBe('"climate" "change" "OR" "NEAR" "a" "b"*');
    expect(toFtsQuery("Café naïve 2024")).toBe('"Café" "naïve" "2024"*');
    // A stray combining mark is not a word (it would be an empty phrase that matches nothing).
    expect(toFtsQuery("tele \u0301")).toBe('"tele"*');
  });

  it("keeps a quoted phrase as one FTS5 phrase, exact (no prefix)", () => {
    expect(toFtsQuery('"climate change"')).toBe('"climate change"');
    expect(toFtsQuery('sea "climate change" levels')).toBe('"sea" "climate change" "levels"*');
    expect(toFtsQuery('"climate, change!" policy')).toBe('"climate change" "policy"*');
    // An unbalanced quote is just punctuation.
    expect(toFtsQuery('"climate change')).toBe('"climate" "change"*');
    expect(toFtsQuery('"" "*" climate')).toBe('"climate"*');
  });

  it("returns null when nothing searchable is left", () => {
    for (const q of ["", "   ", '"', "*", "()", "-:^", "🔭🌌"]) expect(toFtsQuery(q)).toBeNull();
  });

  it(`keeps at most ${MAX_TERMS} terms`, () => {
    expect(toFtsQuery("word ".repeat(400))?.split(" ")).toHaveLength(MAX_TERMS);
  });

  it("never lets a quote or operator escape a term (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (input) => {
        const query = toFtsQuery(input);
        if (query === null) return;
        // Terms are quoted words or phrases of words; only the last may be a bare-word prefix.
        expect(query).toMatch(/^("[^"\s]+(?: [^"\s]+)*" )*"[^"\s]+(?: [^"\s]+)*"\*?$/);
      }),
    );
  });

  it("never makes the database throw, whatever is typed (property)", async () => {
    await freshDb();
    await createStory({ title: "Telescope observatory" });
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", maxLength: 300 }), async (input) => {
        await expect(search({ q: input })).resolves.toHaveProperty("hits");
      }),
      { numRuns: 200 },
    );
  });
});

/** The same terms for PostgreSQL's to_tsquery (lib/search/engine-postgres.ts). */
describe("toTsquery", () => {
  it("quotes every word, ANDs the terms and makes the last a prefix", () => {
    expect(toTsquery("climate change OR NEAR(a b)*")).toBe("'climate' & 'change' & 'OR' & 'NEAR' & 'a' & 'b':*");
    expect(toTsquery("it's !a & b|c <-> d:*")).toBe("'it' & 's' & 'a' & 'b' & 'c' & 'd':*");
    expect(toTsquery("Café naïve 2024")).toBe("'Café' & 'naïve' & '2024':*");
  });

  it("keeps a quoted phrase as words that follow one another, exact (no prefix)", () => {
    expect(toTsquery('"climate change"')).toBe("'climate' <-> 'change'");
    expect(toTsquery('sea "climate, change!" levels')).toBe("'sea' & 'climate' <-> 'change' & 'levels':*");
    expect(toTsquery('"climate change')).toBe("'climate' & 'change':*");
  });

  it("returns null when nothing searchable is left", () => {
    for (const q of ["", "   ", '"', "*", "()", "-:^", "&|!<->", "🔭🌌"]) expect(toTsquery(q)).toBeNull();
  });

  it("never lets a quote or operator escape an operand (property)", () => {
    // Operands are quoted words (no quote, backslash or space inside); only the last may be a prefix.
    const shape = /^(?:'[^'\\\s]+'(?: <-> '[^'\\\s]+')* & )*'[^'\\\s]+'(?: <-> '[^'\\\s]+')*(?::\*)?$/;
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (input) => {
        const query = toTsquery(input);
        if (query !== null) expect(query).toMatch(shape);
      }),
    );
  });
});

describe("markedToHtml", () => {
  it("escapes everything and turns only the sentinels into <mark>", () => {
    expect(markedToHtml(`<i>x</i> ${MARK_START}a&b${MARK_END} "q" 'r'`)).toBe("&lt;i&gt;x&lt;/i&gt; <mark>a&amp;b</mark> &quot;q&quot; &#39;r&#39;");
  });

  it("always balances <mark>", () => {
    expect(markedToHtml(`${MARK_START}${MARK_START}a`)).toBe("<mark>a</mark>");
    expect(markedToHtml(`a${MARK_END}b`)).toBe("ab");
  });

  it("drops Markdown syntax from excerpts when asked", () => {
    expect(markedToHtml("## Heading\n\n> quote with **bold** and [a link](https://x.test)", { markdown: true })).toBe("Heading quote with bold and a link");
  });

  it("escapeHtml covers the five special characters", () => {
    expect(escapeHtml(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&#39;");
  });
});
