import Link from "next/link";
import { DataTable } from "@/components/editor/data-table";
import type { SessionUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/dates";
import { getDashboard, type StoryListRow } from "@/lib/stories/editor-reads";

function StoryList({ rows, empty, when }: { rows: StoryListRow[]; empty: string; when?: (r: StoryListRow) => string }) {
  if (rows.length === 0) return <p>{empty}</p>;
  return (
    <ul className="dashboard-list">
      {rows.map((r) => (
        <li key={r.id}>
          <Link href={`/editor/stories/${r.id}/edit`}>{r.title}</Link>
          <span className="meta">
            {r.authors ? ` by ${r.authors}` : ""} · {when ? when(r) : `changed ${formatDateTime(r.updatedAt)}`}
          </span>
        </li>
      ))}
    </ul>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section className="section" aria-labelledby={id}>
      <div className="section__head">
        <h2 id={id}>{title}</h2>
      </div>
      {children}
    </section>
  );
}

/** The story half of the editor dashboard: what needs this user's attention. */
export async function StoryDashboard({ user }: { user: SessionUser }) {
  const d = await getDashboard(user);
  return (
    <>
      {d.returned.length > 0 ? (
        <Section id="returned-heading" title="Returned to you">
          <ul className="dashboard-list">
            {d.returned.map((r) => (
              <li key={r.id}>
                <Link href={`/editor/stories/${r.id}/edit`}>{r.title}</Link>
                <p className="notice pre-line">
                  <strong>Note from the press office:</strong> {r.workflowNote}
                </p>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      <Section id="drafts-heading" title="Your drafts">
        <StoryList rows={d.myDrafts} empty="You have no drafts." />
      </Section>
      {d.awaitingReview ? (
        <Section id="review-heading" title="Awaiting review">
          <StoryList rows={d.awaitingReview} empty="Nothing is waiting for review." when={(r) => `submitted ${formatDateTime(r.updatedAt)}`} />
        </Section>
      ) : null}
      <Section id="scheduled-heading" title="Scheduled">
        <StoryList rows={d.scheduled} empty="Nothing is scheduled." when={(r) => `publishes ${r.publishAt ? formatDateTime(r.publishAt) : ""}`} />
      </Section>
      <Section id="published-heading" title="Recently published">
        <StoryList rows={d.recentlyPublished} empty="Nothing published yet." when={(r) => `published ${r.publishAt ? formatDateTime(r.publishAt) : ""}`} />
      </Section>
      <Section id="republished-heading" title="Republished by other outlets">
        <DataTable
          caption="Reads of our stories on other outlets' sites, most first"
          rows={d.republished}
          rowKey={(r) => r.id}
          empty="No republication reads recorded yet."
          columns={[
            { header: "Story", cell: (r) => <Link href={`/editor/stories/${r.id}/edit`}>{r.title}</Link> },
            { header: "Reads on other sites", cell: (r) => r.republishViews.toLocaleString("en-GB") },
          ]}
        />
      </Section>
    </>
  );
}
