import { config } from "@/lib/config";
import { dayKey, isoDateTime } from "@/lib/dates";
import { lastDayKey } from "./format";
import type { PublicEventDetail } from "./public";

/**
 * schema.org Event for search engines. All-day events use plain dates
 * (their days in the site's zone); timed events use exact instants.
 * @see https://schema.org/Event
 */
export function eventJsonLd(event: PublicEventDetail): Record<string, unknown> {
  const { siteName, siteUrl } = config();
  const url = `${siteUrl}/events/${event.slug}`;
  return {
    "@context": "https://schema.org",
    "@type": "Event",
    name: event.title,
    description: event.summary || undefined,
    url,
    startDate: event.allDay ? dayKey(event.startsAt) : isoDateTime(event.startsAt),
    endDate: event.allDay ? lastDayKey(event) : isoDateTime(event.endsAt),
    eventStatus: event.cancelled ? "https://schema.org/EventCancelled" : "https://schema.org/EventScheduled",
    eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
    location: {
      "@type": "Place",
      name: event.venue || event.campus || siteName,
      address: {
        "@type": "PostalAddress",
        streetAddress: [event.venue, event.campus].filter(Boolean).join(", ") || undefined,
        addressLocality: event.campus || undefined,
        name: siteName,
      },
    },
    organizer: { "@type": "Organization", name: siteName, url: siteUrl },
    image: event.image ? [new URL(event.image.url, siteUrl).toString()] : undefined,
    offers: event.bookingUrl ? { "@type": "Offer", url: event.bookingUrl } : undefined,
    isAccessibleForFree: event.bookingUrl ? undefined : true,
  };
}

/** JSON for a <script> element: "<" escaped so no text can close the element early. */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
