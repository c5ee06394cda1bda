import type { Metadata } from "next";
import Link from "next/link";
import { RestoreForm } from "@/components/editor/restore-form";
import { RevisionDiff } from "@/components/editor/revision-diff";
import { formatDateTime } from "@/lib/dates";
import { InvalidError } from "@/lib/errors";
import { diffRevisions, listRevisions } from "@/lib/stories/editor-reads";
import { restoreRevisionAction } from "../../actions";
import { loadEditorStory, type StoryPageProps } from "../load-story";

export const metadata: Metadata = { title: "Story history" };

const REASONS: Record<string, string> = {
  save: "Saved",
  autosave: "Saved automatically",
  submit: "Submitted for review",
  return: "Returned to the author",
  publish: "Published",
  schedule: "Scheduled",
  unpublish: "Unpublished",
  "schedule-unpublish": "Unpublish time set",
  restore: "Restored an earlier version",
  import: "Imported",
};

export default async function StoryHistoryPage({ params, searchParams }: StoryPageProps) {
  const { story } = await loadEditorStory(params);
  const query = await searchParams;
  const revisions = await listRevisions(story.id);
  const a = Number(query.a);
  const b = Number(query.b);
  let diff: Awaited<ReturnType<typeof diffRevisions>> | null = null;
  let diffError: string | null = null;
  if (a && b) {
    try {
      diff = await diffRevisions(a, b);
      if (!revisions.some((r) => r.id === a)) throw new InvalidError("Choose two revisions of this story to compare.");
    } catch (error) {
      if (!(error instanceof InvalidError)) throw error;
      diff = null;
      diffError = error.message;
    }
  }
  const labelOf = (revId: number) => {
    const r = revisions.find((x) => x.id === revId);
    return r ? `version ${r.version} (${formatDateTime(r.createdAt)})` : "";
  };

  return (
    <>
      <p>
        <Link href={`/editor/stories/${story.id}/edit`}>Back to the story</Link>
      </p>
      <h1>History: {story.title}</h1>
      {query.done === "restored" ? (
        <div className="notice notice--success" role="status">
          <p>The earlier version has been restored as a new version. You can undo this by restoring the version before it.</p>
        </div>
      ) : null}
      <p>Every save is kept. Choose two versions to compare, or restore one (this saves it as a new version, so nothing is lost).</p>
      {/* The compare form is separate so each row's restore form is not nested inside it; its inputs join by form="…". */}
      <form id="compare-form" method="get" />
      <div>
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Versions of this story, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Compare from</th>
                <th scope="col">Compare to</th>
                <th scope="col">Version</th>
                <th scope="col">What happened</th>
                <th scope="col">Who</th>
                <th scope="col">When</th>
                {story.editable ? <th scope="col">Restore</th> : null}
              </tr>
            </thead>
            <tbody>
              {revisions.map((r, i) => (
                <tr key={r.id}>
                  <td>
                    <input form="compare-form" type="radio" name="a" value={r.id} id={`a-${r.id}`} defaultChecked={a ? a === r.id : i === 1} />
                    <label htmlFor={`a-${r.id}`} className="visually-hidden">Compare from version {r.version}</label>
                  </td>
                  <td>
                    <input form="compare-form" type="radio" name="b" value={r.id} id={`b-${r.id}`} defaultChecked={b ? b === r.id : i === 0} />
                    <label htmlFor={`b-${r.id}`} className="visually-hidden">Compare to version {r.version}</label>
                  </td>
                  <td>{r.version}</td>
                  <td>
                    {REASONS[r.reason] ?? r.reason}
                    {r.note ? <span className="pre-line">: {r.note}</span> : null}
                  </td>
                  <td>{r.createdByName ?? "The scheduler"}</td>
                  <td>{formatDateTime(r.createdAt)}</td>
                  {story.editable ? (
                    <td>{i === 0 ? "Current" : <RestoreForm storyId={story.id} revisionId={r.id} version={r.version} action={restoreRevisionAction} />}</td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {revisions.length > 1 ? (
          <button form="compare-form" type="submit" className="button button--secondary">
            Compare the chosen versions
          </button>
        ) : null}
      </div>
      {diffError ? (
        <p className="field-error" role="alert">
          {diffError}
        </p>
      ) : null}
      {diff ? (
        <section className="section" aria-labelledby="diff-heading">
          <div className="section__head">
            <h2 id="diff-heading">
              Changes from {labelOf(a)} to {labelOf(b)}
            </h2>
          </div>
          <RevisionDiff fields={diff} />
        </section>
      ) : null}
    </>
  );
}
