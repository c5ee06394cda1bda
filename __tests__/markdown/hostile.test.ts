/**
 * A corpus of hostile inputs (classic XSS vectors, in Markdown and raw HTML).
 * None may leave a script, an event handler, a javascript:/data:/vbscript:
 * URL, an iframe/object/embed, a form, or any style in the output.
 */
import { Parser } from "htmlparser2";
import { renderMarkdown } from "@/lib/markdown";

const ALLOWED_TAGS = new Set([
  "p", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "a", "img", "figure", "figcaption",
  "span", "em", "strong", "b", "i", "code", "pre", "hr", "br", "del", "sup", "sub", "abbr", "cite", "q",
  "table", "thead", "tbody", "tr", "th", "td", "caption", "dl", "dt", "dd",
]);
const URL_ATTRS = new Set(["href", "src"]);

/** Parses the output as a browser would and lists every element and attribute. */
function elements(html: string): { name: string; attrs: Record<string, string> }[] {
  const found: { name: string; attrs: Record<string, string> }[] = [];
  const parser = new Parser({ onopentag: (name, attrs) => found.push({ name, attrs }) }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  return found;
}

const corpus: string[] = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
  "<scr<script>ipt>alert(1)</scr</script>ipt>",
  '<img src=x onerror="alert(1)">',
  "<img src=x onerror=alert(1)//",
  '<svg onload="alert(1)"><circle r="4"/></svg>',
  '<body onload="alert(1)">',
  '<div onclick="alert(1)">click</div>',
  '<a href="#" onmouseover="alert(1)">hover</a>',
  "[click](javascript:alert(1))",
  "[click](JaVaScRiPt:alert(1))",
  "[click](  javascript:alert(1))",
  "[click](jav&#x09;ascript:alert(1))",
  "[click](jav\tascript:alert(1))",
  "[click](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
  '<a href="javascript&colon;alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
  '![x](javascript:alert(1) "Caption | Credit")',
  '![x"onerror="alert(1)](/a.jpg)',
  '![x](/a.jpg "t\\" onerror=\\"alert(1) | c")',
  '[x](/a "title\\" onclick=\\"alert(1)")',
  '<iframe src="https://evil.example"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="https://evil.example/x.swf"></object>',
  '<embed src="https://evil.example/x.swf">',
  "<style>body{background:url(javascript:alert(1))}</style>",
  '<p style="background:url(javascript:alert(1))">styled</p>',
  '<span style="position:fixed;top:0;left:0;width:100%;height:100%">overlay</span>',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '<form action="https://evil.example"><input name="password"><button>Go</button></form>',
  '<base href="https://evil.example/">',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<details open ontoggle="alert(1)">',
  '<video><source onerror="alert(1)"></video>',
  '<a href="https://ok.example" target="_blank" onfocus="alert(1)" autofocus>ok</a>',
  "```html\n<script>alert(1)</script>\n```",
  "`<img src=x onerror=alert(1)>`",
  "<!--<img src=x onerror=alert(1)>-->",
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  "[a](//evil.example/x)",
  '<img src="//evil.example/x.png">',
  '<img srcset="javascript:alert(1) 1x" src="/ok.jpg">',
  "<textarea><script>alert(1)</script></textarea>",
  '<template><img src=x onerror="alert(1)"></template>',
];

function assertSafe(html: string) {
  for (const { name, attrs } of elements(html)) {
    expect(ALLOWED_TAGS).toContain(name);
    for (const [attr, value] of Object.entries(attrs)) {
      expect(attr).not.toMatch(/^on/);
      expect(["style", "srcset", "autofocus", "formaction", "target"]).not.toContain(attr);
      if (URL_ATTRS.has(attr)) {
        // Browsers ignore ASCII whitespace and control characters in a scheme.
        const squashed = value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
        expect(squashed).not.toMatch(/^(javascript|vbscript|data):/);
        expect(squashed).not.toMatch(/^\/\//);
      }
    }
  }
  expect(html.toLowerCase()).not.toMatch(/<script/);
}

describe("renderMarkdown sanitises hostile input", () => {
  it.each(corpus.map((input) => [input]))("%s", (input) => {
    assertSafe(renderMarkdown(input));
  });

  it("keeps the harmless text around a removed script", () => {
    const html = renderMarkdown("Hello <script>alert(1)</script> world");
    expect(html).toContain("Hello");
    expect(html).toContain("world");
    expect(html).not.toContain("alert");
  });

  it("shows code samples as text rather than dropping or running them", () => {
    const html = renderMarkdown("`<script>alert(1)</script>`");
    expect(html).toContain("&lt;script&gt;");
  });

  it("is safe under random input (property test)", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fc = require("fast-check") as typeof import("fast-check");
    const pieces = fc.constantFrom(
      "<", ">", '"', "'", "=", "on", "error", "load", "img", "src", "script", "javascript:", "data:", "style",
      "[", "]", "(", ")", "!", " ", "\n", "#", ">", "a", "href", "iframe", "/", "`", "|", "&#x09;", "&colon;",
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        assertSafe(renderMarkdown(parts.join("")));
      }),
      { numRuns: 400 },
    );
  });
});
