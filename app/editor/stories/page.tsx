import type { Metadata } from "next";
import Link from "next/link";
import { STORY_STATUSES, type StoryStatus } from "@/lib/stories/labels";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/page-guard";
import { formatDateTime } from "@/lib/dates";
import { listEditorStories } from "@/lib/stories/editor-reads";
import { STORY_TYPE_LABELS } from "@/lib/stories/labels";
import { STATUS_LABELS } from "@/lib/stories/workflow";

export const metadata: Metadata = { title: "Stories" };

export default async function StoriesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("contributor");
  const params = await searchParams;
  const pressOffice = can(user, "story.manage");
  const status = STORY_STATUSES.find((s) => s === params.status) as StoryStatus | undefined;
  const mine = !pressOffice || params.mine === "1";
  const rows = listEditorStories(user, { mine, status });

  return (
    <>
      <h1>{pressOffice ? "Stories" : "Your stories"}</h1>
      <p>
        <Link href="/editor/stories/new" className="button">
          Write a new story
        </Link>{" "}
        <Link href="/editor/stories/import" className="button button--secondary">
          Import a republished article
        </Link>
      </p>
      <form method="get" className="event-filters" aria-label="Filter stories">
        <div className="field">
          <label htmlFor="filter-status">Status</label>
          <select id="filter-status" name="status" defaultValue={status ?? ""}>
            <option value="">Any status</option>
            {STORY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        {pressOffice ? (
          <div className="field field--checkbox">
            <input type="checkbox" id="filter-mine" name="mine" value="1" defaultChecked={mine} /> <label htmlFor="filter-mine">Only mine</label>
          </div>
        ) : null}
        <div className="field">
          <button type="submit" className="button button--secondary">
            Show stories
          </button>
        </div>
      </form>
      {rows.length === 0 ? (
        <p>No stories match.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Stories, most recently changed first</caption>
            <thead>
              <tr>
                <th scope="col">Headline</th>
                <th scope="col">Type</th>
                <th scope="col">Status</th>
                <th scope="col">Authors</th>
                <th scope="col">Last changed</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link href={`/editor/stories/${r.id}/edit`}>{r.title}</Link>
                  </td>
                  <td>{STORY_TYPE_LABELS[r.type]}</td>
                  <td>
                    {STATUS_LABELS[r.status]}
                    {r.status === "draft" && r.workflowNote ? " (returned)" : ""}
                    {r.status === "scheduled" && r.publishAt ? `: ${formatDateTime(r.publishAt)}` : ""}
                  </td>
                  <td>{r.authors}</td>
                  <td>{formatDateTime(r.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
