import type { Metadata } from "next";
import Link from "next/link";
import { EventForm } from "@/components/event-form";
import { EventsNotAllowed } from "@/components/events-not-allowed";
import { config } from "@/lib/config";
import { eventEditorOrNull, eventSuggestions } from "@/lib/events/editor";
import { createEventAction } from "../actions";

export const metadata: Metadata = { title: "New event" };

export default async function NewEventPage() {
  const user = await eventEditorOrNull();
  if (!user) return <EventsNotAllowed heading="New event" />;
  return (
    <div className="container narrow">
      <p>
        <Link href="/editor/events">All events</Link>
      </p>
      <h1>New event</h1>
      <EventForm action={createEventAction} initial={{ status: "draft" }} submitLabel="Create event" timeZone={config().timeZone} suggestions={eventSuggestions()} />
    </div>
  );
}
