import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { JsonLd } from "@/components/json-ld";
import { Markdown } from "@/components/markdown";
import { isoDateTime } from "@/lib/dates";
import { formatEventSpan, formatEventTimes, hasEnded, isOnNow } from "@/lib/events/format";
import { eventJsonLd } from "@/lib/events/json-ld";
import { getEventBySlug } from "@/lib/events/public";
import { cspNonce } from "@/lib/request";

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const event = await getEventBySlug((await params).slug);
  if (!event) return { title: "Event not found" };
  return {
    title: event.cancelled ? `Cancelled: ${event.title}` : event.title,
    description: event.summary || `${formatEventSpan(event)}${event.venue ? `, ${event.venue}` : ""}`,
    alternates: { canonical: `/events/${event.slug}` },
  };
}

export default async function EventPage({ params }: { params: Params }) {
  const event = await getEventBySlug((await params).slug);
  if (!event) notFound();
  const times = formatEventTimes(event);
  const ended = hasEnded(event);
  const where = [event.venue, event.campus].filter(Boolean).join(", ");
  const nonce = await cspNonce();
  return (
    <article className="container event-page">
      <JsonLd data={eventJsonLd(event)} nonce={nonce} />
      <p className="type-label">{event.cancelled ? "Cancelled event" : isOnNow(event) ? "On now" : event.category || "Event"}</p>
      <h1>{event.title}</h1>
      {event.cancelled && (
        <div className="notice event-cancelled" role="status">
          <p>
            <strong>This event has been cancelled.</strong>
          </p>
        </div>
      )}
      {ended && !event.cancelled && (
        <p className="notice" role="status">
          This event has finished. <a href="/events">See upcoming events</a>.
        </p>
      )}
      {event.summary && <p className="standfirst">{event.summary}</p>}
      <dl className="event-facts">
        <dt>When</dt>
        <dd>
          <time dateTime={isoDateTime(event.startsAt)}>{formatEventSpan(event)}</time>
          {times && <span className="meta event-facts__times">{times}</span>}
        </dd>
        {where && (
          <>
            <dt>Where</dt>
            <dd>{where}</dd>
          </>
        )}
        <dt>Booking</dt>
        <dd>
          {event.bookingUrl ? (
            event.cancelled || ended ? (
              "Booking is closed."
            ) : (
              <a className="button" href={event.bookingUrl} rel="noopener">
                Book a place<span className="visually-hidden"> for {event.title}</span>
              </a>
            )
          ) : (
            "Free, no booking needed"
          )}
        </dd>
      </dl>
      <p>
        <a href={`/events/${event.slug}/calendar.ics`} className="event-add">
          Add to calendar<span className="visually-hidden">: {event.title}</span>
        </a>{" "}
        <span className="meta">(iCalendar file)</span>
      </p>
      {event.image && (
        <figure className="figure">
          {/* Uploaded art is already resized to WebP variants by the media library; srcSet offers them. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img
            src={event.image.url}
            alt={event.image.altText}
            width={event.image.width}
            height={event.image.height}
            srcSet={event.image.variants.length ? event.image.variants.map((v) => `${v.url} ${v.width}w`).join(", ") : undefined}
            sizes={event.image.variants.length ? "(min-width: 46rem) 44rem, 100vw" : undefined}
          />
          {(event.image.caption || event.image.credit) && (
            <figcaption>
              {event.image.caption} {event.image.credit && <span className="credit">{event.image.credit}</span>}
            </figcaption>
          )}
        </figure>
      )}
      {event.body && <Markdown source={event.body} />}
      <p>
        <a href="/events">All upcoming events</a>
      </p>
    </article>
  );
}
