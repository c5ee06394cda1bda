import "server-only";
import type { UpcomingEvent } from "@/lib/events/upcoming";
import { and, asc, count, desc, eq, gte, lt, ne, type SQL } from "drizzle-orm";
import { first, getDb } from "@/db/client";
import { events, media } from "@/db/schema";
import { cachedQuery, tags } from "@/lib/cache";
import { pageOf } from "@/lib/pagination";

/**
 * Public reads of events. Drafts are never public; cancelled events stay
 * listed (marked cancelled) so people who planned to go find out.
 * "Upcoming" means not yet ended, so an exhibition that started last week
 * and closes tomorrow is still listed ("on now").
 */

export const EVENTS_PAGE_SIZE = 20;
/** Cap for the subscription feed: a calendar client does not need more. */
const CALENDAR_LIMIT = 500;

export type PublicEvent = UpcomingEvent & {
  bookingUrl: string | null;
  cancelled: boolean;
  version: number;
  updatedAt: number;
};

export type EventImage = { url: string; altText: string; caption: string; credit: string; width: number; height: number; variants: { width: number; url: string }[] };

export type PublicEventDetail = PublicEvent & { body: string; image: EventImage | null };

export type EventFilters = { when?: "upcoming" | "past"; category?: string; campus?: string; page?: number };

export type EventList = { items: PublicEvent[]; page: number; totalPages: number; total: number };

const columns = {
  id: events.id,
  slug: events.slug,
  title: events.title,
  summary: events.summary,
  startsAt: events.startsAt,
  endsAt: events.endsAt,
  allDay: events.allDay,
  venue: events.venue,
  campus: events.campus,
  category: events.category,
  bookingUrl: events.bookingUrl,
  status: events.status,
  version: events.version,
  updatedAt: events.updatedAt,
};

type Row = { [K in keyof typeof columns]: (typeof events.$inferSelect)[K] };

function toPublic({ status, ...row }: Row): PublicEvent {
  return { ...row, cancelled: status === "cancelled" };
}

function conditions(when: "upcoming" | "past", category: string | undefined, campus: string | undefined, now: number): SQL[] {
  const where: SQL[] = [ne(events.status, "draft")];
  where.push(when === "upcoming" ? gte(events.endsAt, now) : lt(events.endsAt, now));
  if (category) where.push(eq(events.category, category));
  if (campus) where.push(eq(events.campus, campus));
  return where;
}

function ordering(when: "upcoming" | "past") {
  return when === "upcoming" ? [asc(events.startsAt), asc(events.id)] : [desc(events.startsAt), desc(events.id)];
}

/** Upcoming (soonest first, including "on now") or past (newest first), filtered and paginated. */
export function listEvents(filters: EventFilters = {}): Promise<EventList> {
  const when = filters.when === "past" ? "past" : "upcoming";
  const category = filters.category?.trim() || undefined;
  const campus = filters.campus?.trim() || undefined;
  const requested = Math.max(1, Math.trunc(filters.page ?? 1) || 1);
  return cachedQuery(["events:list", when, category ?? "", campus ?? "", requested], [tags.events], async () => {
    const db = getDb();
    const where = and(...conditions(when, category, campus, Date.now()));
    const total = (await first(db.select({ n: count() }).from(events).where(where)))?.n ?? 0;
    const { page, pageCount: totalPages, offset } = pageOf(total, requested, EVENTS_PAGE_SIZE);
    const rows = await db
      .select(columns)
      .from(events)
      .where(where)
      .orderBy(...ordering(when))
      .limit(EVENTS_PAGE_SIZE)
      .offset(offset);
    return { items: rows.map(toPublic), page, totalPages, total };
  });
}

/** Every upcoming event for an iCalendar subscription (same filters as the page). */
export function listEventsForCalendar(filters: { category?: string; campus?: string } = {}): Promise<PublicEvent[]> {
  const category = filters.category?.trim() || undefined;
  const campus = filters.campus?.trim() || undefined;
  return cachedQuery(["events:calendar", category ?? "", campus ?? ""], [tags.events], async () =>
    (
      await getDb()
        .select(columns)
        .from(events)
        .where(and(...conditions("upcoming", category, campus, Date.now())))
        .orderBy(...ordering("upcoming"))
        .limit(CALENDAR_LIMIT)
    ).map(toPublic),
  );
}

/** One public event (published or cancelled) with its image; null for drafts and unknown slugs. */
export function getEventBySlug(slug: string): Promise<PublicEventDetail | null> {
  return cachedQuery(["events:slug", slug], [tags.events], async () => {
    const row = await first(
      getDb()
        .select({ ...columns, body: events.body, imageId: events.imageId })
        .from(events)
        .where(and(eq(events.slug, slug), ne(events.status, "draft")))
        .limit(1),
    );
    if (!row) return null;
    const { body, imageId, ...rest } = row;
    const image = imageId
      ? ((await first(
          getDb()
            .select({ url: media.url, altText: media.altText, caption: media.caption, credit: media.credit, width: media.width, height: media.height, variants: media.variants })
            .from(media)
            .where(eq(media.id, imageId))
            .limit(1),
        )) ?? null)
      : null;
    return { ...toPublic(rest), body, image };
  });
}

function distinctValues(column: typeof events.category | typeof events.campus, key: string): Promise<string[]> {
  return cachedQuery(["events:distinct", key], [tags.events], async () =>
    (
      await getDb()
        .selectDistinct({ value: column })
        .from(events)
        .where(and(ne(events.status, "draft"), ne(column, "")))
        .orderBy(asc(column))
    ).map((r) => r.value),
  );
}

/** Categories used by public events, for the filter. */
export function listCategories(): Promise<string[]> {
  return distinctValues(events.category, "category");
}

/** Campuses used by public events, for the filter. */
export function listCampuses(): Promise<string[]> {
  return distinctValues(events.campus, "campus");
}
