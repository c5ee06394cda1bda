"use client";

import { useDeferredValue, useMemo, useRef, useState } from "react";
import { checkAccessibility } from "@/lib/a11y-check";
import { renderMarkdown } from "@/lib/markdown";
import type { InputProps } from "@/components/form/fields";

const TOOLS = ["Sub-heading", "Bold", "Italic", "Link", "Bulleted list", "Numbered list", "Block quote", "Figure"] as const;
type Tool = (typeof TOOLS)[number];

type Edit = { before: string; selected: string; after: string };
type Result = { text: string; selectFrom: number; selectTo: number };

/** Prefixes every selected line (headings, lists, quotes). */
function prefixLines(e: Edit, prefix: (i: number) => string): Result {
  const lineStart = e.before.lastIndexOf("\n") + 1;
  const head = e.before.slice(0, lineStart);
  const block = e.before.slice(lineStart) + (e.selected || "Text");
  const prefixed = block
    .split("\n")
    .map((line, i) => prefix(i) + line.replace(/^(#{1,6} |> |- |\d+\. )/, ""))
    .join("\n");
  return { text: head + prefixed + e.after, selectFrom: head.length, selectTo: head.length + prefixed.length };
}

function wrap(e: Edit, mark: string, placeholder: string): Result {
  const inner = e.selected || placeholder;
  const text = `${e.before}${mark}${inner}${mark}${e.after}`;
  const from = e.before.length + mark.length;
  return { text, selectFrom: from, selectTo: from + inner.length };
}

/** A figure in the house syntax: ![alt](url "Caption | Credit"). */
export function figureMarkdown(f: { url: string; alt: string; caption: string; credit: string }): string {
  const clean = (s: string) => s.trim().replace(/"/g, "”").replace(/[\r\n]+/g, " ");
  const title = [clean(f.caption), clean(f.credit)].filter(Boolean).join(" | ");
  return `![${clean(f.alt).replace(/[[\]]/g, "")}](${f.url.trim().replace(/[\s()]/g, encodeURIComponent)}${title ? ` "${title}"` : ""})`;
}

/**
 * The Markdown body with a formatting toolbar, a live preview through THE
 * renderer the public page uses, and the accessibility check as you type.
 * The textarea is an ordinary named form field, so the form still posts it
 * without JavaScript.
 */
export function BodyEditor({ defaultValue, input, labelledBy }: { defaultValue: string; input: InputProps; labelledBy?: string }) {
  const [value, setValue] = useState(defaultValue);
  const [figureOpen, setFigureOpen] = useState(false);
  const [figure, setFigure] = useState({ url: "", alt: "", caption: "", credit: "" });
  const ref = useRef<HTMLTextAreaElement>(null);
  const deferred = useDeferredValue(value);
  // No site origin here: the preview renders the same on server and client (no hydration
  // mismatch), and the only difference from the public page is an invisible rel="noopener".
  const html = useMemo(() => renderMarkdown(deferred), [deferred]);
  const problems = useMemo(() => checkAccessibility(deferred), [deferred]);

  function apply(change: (e: Edit) => Result) {
    const el = ref.current;
    if (!el) return;
    const { selectionStart: s, selectionEnd: t } = el;
    const result = change({ before: value.slice(0, s), selected: value.slice(s, t), after: value.slice(t) });
    setValue(result.text);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(result.selectFrom, result.selectTo);
      // Let the form (autosave) know the text changed.
      el.dispatchEvent(new Event("input", { bubbles: true }));
    });
  }

  const insertBlock = (block: string) =>
    apply((e) => {
      const lead = e.before === "" || e.before.endsWith("\n\n") ? "" : e.before.endsWith("\n") ? "\n" : "\n\n";
      const text = `${e.before}${lead}${block}\n\n${e.after.replace(/^\n+/, "")}`;
      const at = e.before.length + lead.length + block.length + 2;
      return { text, selectFrom: at, selectTo: at };
    });

  function runTool(tool: Tool) {
    switch (tool) {
      case "Sub-heading":
        return apply((e) => prefixLines(e, () => "## "));
      case "Bold":
        return apply((e) => wrap(e, "**", "bold text"));
      case "Italic":
        return apply((e) => wrap(e, "_", "italic text"));
      case "Link":
        return apply((e) => {
          const label = e.selected || "link text";
          const text = `${e.before}[${label}](https://)${e.after}`;
          const from = e.before.length + label.length + 3;
          return { text, selectFrom: from, selectTo: from + "https://".length };
        });
      case "Bulleted list":
        return apply((e) => prefixLines(e, () => "- "));
      case "Numbered list":
        return apply((e) => prefixLines(e, (i) => `${i + 1}. `));
      case "Block quote":
        return apply((e) => prefixLines(e, () => "> "));
      case "Figure":
        return setFigureOpen((open) => !open);
    }
  }

  return (
    <div className="body-editor">
      <div role="toolbar" aria-label="Formatting" aria-controls={input.id} className="body-editor__toolbar">
        {TOOLS.map((tool) => (
          <button key={tool} type="button" className="button button--secondary button--small" onClick={() => runTool(tool)} aria-expanded={tool === "Figure" ? figureOpen : undefined}>
            {tool}
          </button>
        ))}
      </div>
      {figureOpen ? (
        <fieldset className="body-editor__figure">
          <legend>Insert a figure</legend>
          {(
            [
              ["url", "Image web address (from the media library or the outlet)"],
              ["alt", "Alt text: what the picture shows, for people who cannot see it"],
              ["caption", "Caption"],
              ["credit", "Credit, for example Photo: Jane Doe"],
            ] as const
          ).map(([key, label]) => (
            <div className="field" key={key}>
              <label htmlFor={`figure-${key}`}>{label}</label>
              <input id={`figure-${key}`} value={figure[key]} onChange={(e) => setFigure({ ...figure, [key]: e.target.value })} />
            </div>
          ))}
          <button
            type="button"
            className="button button--secondary"
            disabled={!figure.url.trim() || !figure.alt.trim()}
            onClick={() => {
              insertBlock(figureMarkdown(figure));
              setFigure({ url: "", alt: "", caption: "", credit: "" });
              setFigureOpen(false);
            }}
          >
            Insert figure
          </button>
        </fieldset>
      ) : null}
      <div className="body-editor__panes">
        <textarea
          ref={ref}
          {...input}
          aria-labelledby={labelledBy}
          rows={24}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          className="body-editor__text"
          spellCheck
        />
        {/* Focusable because it scrolls: keyboard users must be able to scroll it too. */}
        <section className="body-editor__preview" aria-labelledby="preview-heading" tabIndex={0}>
          <h2 id="preview-heading">Preview</h2>
          <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />
        </section>
      </div>
      <div className="body-editor__check" aria-live="polite">
        {problems.length === 0 ? (
          <p className="notice notice--success">Accessibility check: no problems found.</p>
        ) : (
          <div className="notice">
            <p>
              <strong>Accessibility check: {problems.length === 1 ? "1 problem" : `${problems.length} problems`}</strong> (fix before publishing)
            </p>
            <ul>
              {problems.map((p, i) => (
                <li key={i}>{p.message}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </div>
  );
}
