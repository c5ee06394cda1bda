import { eventsCalendar } from "@/lib/events/ical";
import { getEventBySlug } from "@/lib/events/public";
import { icsResponse } from "@/lib/ical";

/** One event as an iCalendar file ("Add to calendar"). */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const event = await getEventBySlug(slug);
  if (!event) return new Response("Event not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return icsResponse(eventsCalendar([event], event.title), event.slug);
}
