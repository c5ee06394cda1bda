import { isoDateTime } from "@/lib/dates";
import { formatEventSpan } from "@/lib/events/format";

export type EventTeaser = { id: number; slug: string; title: string; startsAt: number; endsAt: number; allDay: boolean; venue: string; campus: string };

/** The next few events: title (link), when in the site's time zone, where. */
export function EventTeaserList({ events, headingLevel = 3 }: { events: EventTeaser[]; headingLevel?: 3 | 4 }) {
  if (events.length === 0) return <p>No upcoming events are listed at the moment.</p>;
  const Heading = `h${headingLevel}` as const;
  return (
    <ul className="event-teasers">
      {events.map((e) => (
        <li key={e.id} className="event-teaser">
          <Heading className="event-teaser__title">
            <a href={`/events/${e.slug}`}>{e.title}</a>
          </Heading>
          <p className="meta">
            <time dateTime={isoDateTime(e.startsAt)}>{formatEventSpan(e)}</time>
            {e.venue || e.campus ? <>, {[e.venue, e.campus].filter(Boolean).join(", ")}</> : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
