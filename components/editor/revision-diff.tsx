import type { FieldDiff } from "@/lib/stories/editor-reads";

/** A per-field comparison: removed text struck through, added text underlined, each also announced in words. */
export function RevisionDiff({ fields }: { fields: FieldDiff[] }) {
  if (fields.length === 0) return <p>These two versions are the same.</p>;
  return (
    <div className="revision-diff">
      {fields.map((f) => (
        <section key={f.field} aria-labelledby={`diff-${f.field}`}>
          <h3 id={`diff-${f.field}`}>{f.label}</h3>
          <p className="revision-diff__text">
            {f.parts.map((p, i) =>
              p.kind === "added" ? (
                <ins key={i}>
                  <span className="visually-hidden">[added: </span>
                  {p.text}
                  <span className="visually-hidden">]</span>
                </ins>
              ) : p.kind === "removed" ? (
                <del key={i}>
                  <span className="visually-hidden">[removed: </span>
                  {p.text}
                  <span className="visually-hidden">]</span>
                </del>
              ) : (
                <span key={i}>{p.text}</span>
              ),
            )}
          </p>
        </section>
      ))}
    </div>
  );
}
