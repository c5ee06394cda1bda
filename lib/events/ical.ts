import "server-only";
import { config } from "@/lib/config";
import { icalUid, toICalendar, type IcalItem } from "@/lib/ical";
import type { PublicEvent } from "./public";

/** Absolute URL of an event's public page. */
export function eventUrl(slug: string): string {
  return `${config().siteUrl}/events/${slug}`;
}

export function eventLocation(event: Pick<PublicEvent, "venue" | "campus">): string {
  return [event.venue, event.campus].filter(Boolean).join(", ");
}

export function eventToIcalItem(event: PublicEvent): IcalItem {
  return {
    uid: icalUid("event", event.id),
    title: event.title,
    description: event.summary,
    location: eventLocation(event),
    url: eventUrl(event.slug),
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    allDay: event.allDay,
    cancelled: event.cancelled,
    // The row's version rises with every save, as SEQUENCE must.
    sequence: event.version - 1,
    updatedAt: event.updatedAt,
  };
}

/** The calendar for one event or a list of them. */
export function eventsCalendar(list: PublicEvent[], name: string): string {
  return toICalendar(list.map(eventToIcalItem), { name });
}
