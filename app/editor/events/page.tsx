import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/editor/data-table";
import { ListHeader } from "@/components/editor/list-header";
import { EventActionButton } from "@/components/event-action-button";
import { NotAllowed } from "@/components/not-allowed";
import { listEventsForEditor } from "@/lib/events/editor";
import { formatEventSpan } from "@/lib/events/format";
import { cancelEventAction, duplicateEventAction } from "./actions";
import { pageAccess } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Events" };

const STATUS_LABELS = { draft: "Draft", published: "Published", cancelled: "Cancelled" } as const;

export default async function EditorEventsPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const { allowed } = await pageAccess("events.manage");
  if (!allowed) return <NotAllowed heading="Events" reason="Only editors and administrators can manage events." />;
  const { deleted } = await searchParams;
  const rows = await listEventsForEditor();
  return (
    <div className="container">
      <ListHeader heading="Events" notice={deleted ? "The event was deleted." : undefined} newHref="/editor/events/new" newLabel="New event" />
      <DataTable
        caption="All events, latest first"
        rows={rows}
        rowKey={(row) => row.id}
        empty="There are no events yet."
        columns={[
          {
            header: "Event",
            cell: (row) => (
              <>
                <Link href={`/editor/events/${row.id}/edit`}>{row.title}</Link>
                <div className="meta">{[row.category, row.campus].filter(Boolean).join(" · ")}</div>
              </>
            ),
          },
          { header: "When", cell: (row) => formatEventSpan(row) },
          { header: "Status", cell: (row) => STATUS_LABELS[row.status] },
          {
            header: "Actions",
            className: "editor-actions",
            cell: (row) => (
              <>
                <EventActionButton action={duplicateEventAction} fields={{ id: String(row.id) }} label="Duplicate" />
                {row.status !== "cancelled" && <EventActionButton action={cancelEventAction} fields={{ id: String(row.id) }} label="Cancel event" />}
                <Link href={`/editor/events/${row.id}/delete`}>
                  Delete<span className="visually-hidden"> {row.title}</span>
                </Link>
              </>
            ),
          },
        ]}
      />
    </div>
  );
}
