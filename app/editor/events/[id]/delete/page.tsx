import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EventDeleteForm } from "@/components/event-delete-form";
import { NotAllowed } from "@/components/not-allowed";
import { getEventForEditor } from "@/lib/events/editor";
import { formatEventSpan } from "@/lib/events/format";
import { deleteEventAction } from "../../actions";
import { pageAccess } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Delete event" };

/** The confirmation step: deleting is only possible from here, with the box ticked. */
export default async function DeleteEventPage({ params }: { params: Promise<{ id: string }> }) {
  const { allowed } = await pageAccess("events.manage");
  if (!allowed) return <NotAllowed heading="Delete event" reason="Only editors and administrators can manage events." />;
  const { id } = await params;
  const event = /^\d+$/.test(id) ? await getEventForEditor(Number(id)) : null;
  if (!event) notFound();
  return (
    <div className="container narrow">
      <p>
        <Link href={`/editor/events/${event.id}/edit`}>Back to the event</Link>
      </p>
      <h1>Delete “{event.title}”?</h1>
      <p>{formatEventSpan(event)}</p>
      <p>
        Deleting removes the event from the site and from subscribed calendars. To tell people it will not happen, <em>cancel</em> it instead:
        it stays listed, marked as cancelled.
      </p>
      <EventDeleteForm action={deleteEventAction} id={event.id} title={event.title} />
    </div>
  );
}
