import type { StorySnapshot } from "@/db/schema";

type Theirs = Pick<StorySnapshot, "title" | "standfirst" | "body" | "updatedAt"> & { updatedByName: string | null; version: number };

/**
 * After a refused (stale) save: what this user typed beside the version
 * someone else saved, so nothing is lost and nothing is silently overwritten.
 */
export function ConflictPanel({ theirs, yours, savedAt }: { theirs: Theirs; yours: { title: string; standfirst: string; body: string }; savedAt: string }) {
  const columns = [
    { heading: "Your text (not saved yet)", v: yours },
    { heading: `Their version (saved by ${theirs.updatedByName ?? "someone else"}, ${savedAt})`, v: theirs },
  ];
  return (
    <section className="conflict" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">Someone else changed this story</h2>
      <p>
        Your text is still in the form below. Compare it with their version, copy across anything of theirs you want to keep, then press
        Save: your version will then replace theirs.
      </p>
      <div className="conflict__columns">
        {columns.map(({ heading, v }) => (
          <div key={heading} className="conflict__column">
            <h3>{heading}</h3>
            <dl>
              <dt>Headline</dt>
              <dd>{v.title}</dd>
              <dt>Standfirst</dt>
              <dd>{v.standfirst || "(none)"}</dd>
              <dt>Article</dt>
              <dd>
                <pre className="conflict__text">{v.body}</pre>
              </dd>
            </dl>
          </div>
        ))}
      </div>
    </section>
  );
}
