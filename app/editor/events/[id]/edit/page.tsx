import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EventActionButton } from "@/components/event-action-button";
import { BackHeading } from "@/components/editor/back-heading";
import { EventForm } from "@/components/event-form";
import { NotAllowed } from "@/components/not-allowed";
import { config } from "@/lib/config";
import { eventFormValues, eventSuggestions, getEventForEditor } from "@/lib/events/editor";
import { cancelEventAction, duplicateEventAction, updateEventAction } from "../../actions";
import { pageAccess } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Edit event" };

const SAVED_MESSAGES: Record<string, string> = {
  created: "The event was created.",
  updated: "Your changes were saved.",
  duplicated: "This is a draft copy. Change its dates and title, then publish it.",
  cancelled: "The event is now marked as cancelled. It stays listed, and calendars that subscribed will show it as cancelled.",
};

export default async function EditEventPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const { allowed } = await pageAccess("events.manage");
  if (!allowed) return <NotAllowed heading="Edit event" reason="Only editors and administrators can manage events." />;
  const { id } = await params;
  const { saved } = await searchParams;
  const event = /^\d+$/.test(id) ? await getEventForEditor(Number(id)) : null;
  if (!event) notFound();
  const notice = saved ? SAVED_MESSAGES[saved] : undefined;
  return (
    <div className="container narrow">
      <BackHeading href="/editor/events" backLabel="All events" heading="Edit event" />
      {notice && (
        <p className="notice notice--success" role="status">
          {notice}
        </p>
      )}
      {event.status !== "draft" && (
        <p>
          <Link href={`/events/${event.slug}`}>View the public page</Link>
        </p>
      )}
      {/* The key makes a fresh form (with the new version) after every save. */}
      <EventForm
        key={event.version}
        action={updateEventAction}
        initial={eventFormValues(event)}
        submitLabel="Save changes"
        timeZone={config().timeZone}
        suggestions={await eventSuggestions()}
      />
      <h2>Other actions</h2>
      <div className="editor-actions">
        <EventActionButton action={duplicateEventAction} fields={{ id: String(event.id) }} label="Duplicate" />
        {event.status !== "cancelled" && <EventActionButton action={cancelEventAction} fields={{ id: String(event.id) }} label="Cancel event" />}
        <Link href={`/editor/events/${event.id}/delete`} className="button button--danger">
          Delete…
        </Link>
      </div>
    </div>
  );
}
