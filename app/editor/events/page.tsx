import type { Metadata } from "next";
import Link from "next/link";
import { EventActionButton } from "@/components/event-action-button";
import { EventsNotAllowed } from "@/components/events-not-allowed";
import { eventEditorOrNull, listEventsForEditor } from "@/lib/events/editor";
import { formatEventSpan } from "@/lib/events/format";
import { cancelEventAction, duplicateEventAction } from "./actions";

export const metadata: Metadata = { title: "Events" };

const STATUS_LABELS = { draft: "Draft", published: "Published", cancelled: "Cancelled" } as const;

export default async function EditorEventsPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const user = await eventEditorOrNull();
  if (!user) return <EventsNotAllowed heading="Events" />;
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
