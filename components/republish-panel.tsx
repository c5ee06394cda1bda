import { licenceUrl } from "@/lib/syndication/licence";

/**
 * "Republish this story": the licence and a ready-to-copy HTML snippet
 * (built by lib/stories/republish.ts). A read-only textarea works without
 * JavaScript: select all and copy.
 */
export function RepublishPanel({ licence, snippet, canonicalUrl }: { licence: string; snippet: string; canonicalUrl: string }) {
  const deed = licenceUrl(licence);
  return (
    <section className="republish-panel" aria-labelledby="republish-heading">
      <h2 id="republish-heading">Republish this story</h2>
      <p>
        You may republish this article for free under a{" "}
        {deed ? <a href={deed} rel="license noopener">{licence}</a> : licence} licence: keep the text unchanged,
        credit the authors and link back to <a href={canonicalUrl}>the original</a>. The snippet below does all of that.
      </p>
      <div className="field">
        <label htmlFor="republish-html">HTML to copy</label>
        <p className="field-hint" id="republish-hint">
          Includes the headline, byline, article and a tiny image that lets us count readers. No cookies are set.
        </p>
        <textarea id="republish-html" readOnly rows={8} aria-describedby="republish-hint" value={snippet} spellCheck={false} />
      </div>
    </section>
  );
}
