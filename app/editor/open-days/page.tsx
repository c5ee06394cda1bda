import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/editor/data-table";
import { ListHeader } from "@/components/editor/list-header";
import { EventActionButton } from "@/components/event-action-button";
import { NotAllowed } from "@/components/not-allowed";
import { levelLabel } from "@/components/open-days/open-day-card";
import { formatDateTime } from "@/lib/dates";
import { listOpenDaysForEditor } from "@/lib/open-days/editor-reads";
import { closeRegistrationAction } from "./actions";
import { pageAccess } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Open days", robots: { index: false } };

const STATUS = { draft: "Draft", open: "Open", closed: "Registration closed", cancelled: "Cancelled" } as const;

export default async function EditorOpenDaysPage({ searchParams }: { searchParams: Promise<{ closed?: string }> }) {
  const { allowed } = await pageAccess("open-days.manage");
  if (!allowed) return <NotAllowed heading="Open days" reason="Only editors and administrators can manage open days and see registrations." />;
  const { closed } = await searchParams;
  const days = await listOpenDaysForEditor();
  return (
    <div className="container">
      <ListHeader heading="Open days" notice={closed ? "Registration is now closed for that open day." : undefined} newHref="/editor/open-days/new" newLabel="New open day" />
      <DataTable
        caption="All open days, latest first, with registration totals"
        rows={days}
        rowKey={(d) => d.id}
        empty="There are no open days yet."
        columns={[
          {
            header: "Open day",
            rowHeader: true,
            cell: (d) => (
              <>
                <Link href={`/editor/open-days/${d.id}/edit`}>{d.title}</Link>
                <div className="meta">
                  {levelLabel(d.level)} · {d.campus}
                </div>
              </>
            ),
          },
          { header: "Starts", cell: (d) => formatDateTime(d.startsAt) },
          { header: "Status", cell: (d) => STATUS[d.status] },
          { header: "Booked (people / places)", cell: (d) => `${d.confirmedPeople} / ${d.capacity}` },
          {
            header: "Registrations",
            cell: (d) => (
              <Link href={`/editor/open-days/${d.id}/registrations`}>
                {d.confirmed} confirmed, {d.waiting} waiting, {d.cancelled} cancelled<span className="visually-hidden"> for {d.title}</span>
              </Link>
            ),
          },
          {
            header: "Actions",
            className: "editor-actions",
            cell: (d) => (
              <>
                <Link href={`/editor/open-days/${d.id}/edit`}>
                  Edit<span className="visually-hidden"> {d.title}</span>
                </Link>{" "}
                {(d.status === "open" || d.status === "draft") && (
                  <EventActionButton action={closeRegistrationAction} fields={{ id: String(d.id) }} label="Close registration" />
                )}
              </>
            ),
          },
        ]}
      />
    </div>
  );
}

