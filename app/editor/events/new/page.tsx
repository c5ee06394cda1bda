import type { Metadata } from "next";
import { BackHeading } from "@/components/editor/back-heading";
import { EventForm } from "@/components/event-form";
import { NotAllowed } from "@/components/not-allowed";
import { config } from "@/lib/config";
import { eventSuggestions } from "@/lib/events/editor";
import { createEventAction } from "../actions";
import { pageAccess } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "New event" };

export default async function NewEventPage() {
  const { allowed } = await pageAccess("events.manage");
  if (!allowed) return <NotAllowed heading="New event" reason="Only editors and administrators can manage events." />;
  return (
    <div className="container narrow">
      <BackHeading href="/editor/events" backLabel="All events" heading="New event" />
      <EventForm action={createEventAction} initial={{ status: "draft" }} submitLabel="Create event" timeZone={config().timeZone} suggestions={await eventSuggestions()} />
    </div>
  );
}
