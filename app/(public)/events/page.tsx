import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EventCard } from "@/components/event-card";
import { EventFilters } from "@/components/event-filters";
import { Pagination } from "@/components/pagination";
import { formatMonth, isoDateTime, monthKey } from "@/lib/dates";
import { formatEventSpan, isOnNow } from "@/lib/events/format";
import { listCampuses, listCategories, listEvents, type PublicEvent } from "@/lib/events/public";
import { firstParam, parsePage } from "@/lib/pagination";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function readParams(raw: Awaited<SearchParams>) {
  return {
    when: firstParam(raw.when) === "past" ? ("past" as const) : ("upcoming" as const),
    category: firstParam(raw.category)?.trim() || undefined,
    campus: firstParam(raw.campus)?.trim() || undefined,
    page: parsePage(raw.page),
  };
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { when } = readParams(await searchParams);
  return {
    title: when === "past" ? "Past events" : "Events",
    description: when === "past" ? "Events that have taken place at the university." : "Upcoming talks, exhibitions, performances and other events at the university.",
    alternates: { canonical: when === "past" ? "/events?when=past" : "/events" },
  };
}

type Group = { key: string; heading: string; items: (PublicEvent & { onNow: boolean })[] };

/**
 * Started-and-not-ended events first under "On now", then one group per
 * month of their start. Reads the clock here, per request, not at render.
 */
function groupEvents(items: PublicEvent[], when: "upcoming" | "past"): Group[] {
  const now = Date.now();
  const groups: Group[] = [];
  for (const event of items) {
    const onNow = when === "upcoming" && isOnNow(event, now);
    const key = onNow ? "on-now" : monthKey(event.startsAt);
    let group = groups.find((g) => g.key === key);
    if (!group) {
      group = { key, heading: onNow ? "On now" : formatMonth(event.startsAt), items: [] };
      if (onNow) groups.unshift(group);
      else groups.push(group);
    }
    group.items.push({ ...event, onNow });
  }
  return groups;
}

function query(params: Record<string, string | undefined>): string {
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) qs.set(key, value);
  const s = qs.toString();
  return s ? `?${s}` : "";
}

export default async function EventsPage({ searchParams }: { searchParams: SearchParams }) {
  const { when, category, campus, page } = readParams(await searchParams);
  if (page === null) notFound();
  const [list, categories, campuses] = await Promise.all([listEvents({ when, category, campus, page }), listCategories(), listCampuses()]);
  if (page > list.totalPages) notFound();
  const groups = groupEvents(list.items, when);
  const filtered = Boolean(category || campus);
  const past = when === "past";
  return (
    <div className="container">
      <h1>{past ? "Past events" : "Events"}</h1>
      <nav aria-label="Upcoming or past events" className="event-tabs">
        <ul>
          <li>
            <a href={`/events${query({ category, campus })}`} aria-current={past ? undefined : "page"}>
              Upcoming events
            </a>
          </li>
          <li>
            <a href={`/events${query({ when: "past", category, campus })}`} aria-current={past ? "page" : undefined}>
              Past events
            </a>
          </li>
        </ul>
      </nav>
      <EventFilters categories={categories} campuses={campuses} category={category} campus={campus} when={when} />
      {!past && (
        <p className="event-subscribe">
          <a href={`/events.ics${query({ category, campus })}`}>
            Subscribe to {filtered ? "these events" : "all upcoming events"} in your calendar app
          </a>{" "}
          <span className="meta">(iCalendar)</span>
        </p>
      )}
      {groups.length === 0 ? (
        <div className="notice">
          <p>
            {past ? "There are no past events" : "There are no upcoming events"}
            {filtered ? " matching these filters." : " at the moment."}
          </p>
          {filtered && (
            <p>
              <a href={`/events${query({ when: past ? "past" : undefined })}`}>Show all {past ? "past" : "upcoming"} events</a>
            </p>
          )}
          {!past && !filtered && (
            <p>
              <a href="/events?when=past">See past events</a>
            </p>
          )}
        </div>
      ) : (
        groups.map((group) => (
          <section key={group.key} className="section" aria-labelledby={`events-${group.key}`}>
            <div className="section__head">
              <h2 id={`events-${group.key}`}>{group.heading}</h2>
            </div>
            <ul className="card-grid">
              {group.items.map((event) => (
                <EventCard
                  key={event.id}
                  slug={event.slug}
                  title={event.title}
                  summary={event.summary}
                  span={formatEventSpan(event)}
                  startIso={isoDateTime(event.startsAt)}
                  venue={event.venue}
                  campus={event.campus}
                  category={event.category}
                  cancelled={event.cancelled}
                  onNow={event.onNow}
                />
              ))}
            </ul>
          </section>
        ))
      )}
      <Pagination page={list.page} totalPages={list.totalPages} basePath="/events" query={{ when: past ? "past" : undefined, category, campus }} label="Pages of events" />
    </div>
  );
}
