import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/editor/data-table";
import { FilterSelect } from "@/components/filter-select";
import { STORY_STATUSES, type StoryStatus } from "@/lib/stories/labels";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/page-guard";
import { formatDateTime } from "@/lib/dates";
import { listEditorStories } from "@/lib/stories/editor-reads";
import { STORY_TYPE_LABELS } from "@/lib/stories/labels";
import { STATUS_LABELS } from "@/lib/stories/workflow";

export const metadata: Metadata = { title: "Stories" };

const STATUS_OPTIONS = STORY_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }));

export default async function StoriesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("contributor");
  const params = await searchParams;
  const pressOffice = can(user, "story.manage");
  const status = STORY_STATUSES.find((s) => s === params.status) as StoryStatus | undefined;
  const mine = !pressOffice || params.mine === "1";
  const rows = await listEditorStories(user, { mine, status });

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
        <FilterSelect id="filter-status" name="status" label="Status" allLabel="Any status" options={STATUS_OPTIONS} value={status} />
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
      <DataTable
        caption="Stories, most recently changed first"
        rows={rows}
        rowKey={(r) => r.id}
        empty="No stories match."
        columns={[
          { header: "Headline", cell: (r) => <Link href={`/editor/stories/${r.id}/edit`}>{r.title}</Link> },
          { header: "Type", cell: (r) => STORY_TYPE_LABELS[r.type] },
          {
            header: "Status",
            cell: (r) => (
              <>
                {STATUS_LABELS[r.status]}
                {r.status === "draft" && r.workflowNote ? " (returned)" : ""}
                {r.status === "scheduled" && r.publishAt ? `: ${formatDateTime(r.publishAt)}` : ""}
              </>
            ),
          },
          { header: "Authors", cell: (r) => r.authors },
          { header: "Last changed", cell: (r) => formatDateTime(r.updatedAt) },
        ]}
      />
    </>
  );
}
