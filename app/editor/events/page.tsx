import type { Metadata } from "next";
import Link from "next/link";
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
  const rows = listEventsForEditor();
  return (
    <div className="container">
      <h1>Events</h1>
      {deleted && (
        <p className="notice notice--success" role="status">
          The event was deleted.
        </p>
      )}
      <p>
        <Link href="/editor/events/new" className="button">
          New event
        </Link>
      </p>
      {rows.length === 0 ? (
        <p>There are no events yet.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">All events, latest first</caption>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">When</th>
                <th scope="col">Status</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <Link href={`/editor/events/${row.id}/edit`}>{row.title}</Link>
                    <div className="meta">{[row.category, row.campus].filter(Boolean).join(" · ")}</div>
                  </td>
                  <td>{formatEventSpan(row)}</td>
                  <td>{STATUS_LABELS[row.status]}</td>
                  <td className="editor-actions">
                    <EventActionButton action={duplicateEventAction} fields={{ id: String(row.id) }} label="Duplicate" />
                    {row.status !== "cancelled" && <EventActionButton action={cancelEventAction} fields={{ id: String(row.id) }} label="Cancel event" />}
                    <Link href={`/editor/events/${row.id}/delete`}>
                      Delete<span className="visually-hidden"> {row.title}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
