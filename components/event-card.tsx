
export type EventCardProps = {
  slug: string;
  title: string;
  summary: string;
  /** Already formatted in the site's zone (lib/events/format). */
  span: string;
  startIso: string;
  venue: string;
  campus: string;
  category: string;
  cancelled: boolean;
  onNow: boolean;
};

/** One event in a listing: label, title, when, where. */
export function EventCard(props: EventCardProps) {
  const where = [props.venue, props.campus].filter(Boolean).join(", ");
  return (
    <li className={`card event-card${props.cancelled ? " event-card--cancelled" : ""}`}>
      <p className="type-label">
        {props.cancelled ? "Cancelled" : props.onNow ? "On now" : props.category || "Event"}
      </p>
      <h3>
        <a href={`/events/${props.slug}`}>{props.title}</a>
      </h3>
      <p className="meta">
        <time dateTime={props.startIso}>{props.span}</time>
        {where && (
          <>
            <br />
            {where}
          </>
        )}
      </p>
      {props.summary && <p>{props.summary}</p>}
    </li>
  );
}
