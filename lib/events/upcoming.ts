import "server-only";
import { and, asc, eq, gte } from "drizzle-orm";
import { getDb } from "@/db/client";
import { events } from "@/db/schema";
import { cachedQuery, tags } from "@/lib/cache";

/**
 * THE "next upcoming events" query used by the home page, story pages and
 * the events area's teasers: published (not draft, not cancelled), not yet
 * ended (so an exhibition that is on now still shows), soonest first.
 */
export type UpcomingEvent = {
  id: number;
  slug: string;
  title: string;
  summary: string;
  startsAt: number;
  endsAt: number;
  allDay: boolean;
  venue: string;
  campus: string;
  category: string;
};

export function listUpcomingEvents(limit = 4) {
  return cachedQuery(["events:upcoming", limit], [tags.events], (): Promise<UpcomingEvent[]> =>
    getDb()
      .select({
        id: events.id, slug: events.slug, title: events.title, summary: events.summary, startsAt: events.startsAt,
        endsAt: events.endsAt, allDay: events.allDay, venue: events.venue, campus: events.campus, category: events.category,
      })
      .from(events)
      .where(and(eq(events.status, "published"), gte(events.endsAt, Date.now())))
      .orderBy(asc(events.startsAt), asc(events.id))
      .limit(Math.min(Math.max(1, limit), 50)),
  );
}
