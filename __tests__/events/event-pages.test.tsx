/**
 * Page output for events. Run under TZ=UTC and TZ=America/New_York: the
 * expected dates are literals in the site's zone (Europe/London).
 */
import { render, screen, within } from "@testing-library/react";
import EventPage, { generateMetadata } from "@/app/(public)/events/[slug]/page";
import EventsPage from "@/app/(public)/events/page";
import { formatMonth, parseLocalDateTime } from "@/lib/dates";
import { createEvent, createMedia } from "../factories";
import { freshDb } from "../helpers/db";
import { setRequestHeaders } from "../helpers/stubs/next-headers";

// The page reads the CSP nonce that proxy.ts put on the request.
beforeEach(() => setRequestHeaders({ "x-nonce": "dGVzdC1ub25jZS0xMjM0" }));

const at = (local: string) => parseLocalDateTime(local) ?? NaN;
const DAY = 86_400_000;

beforeEach(async () => {
  await freshDb();
});

async function renderEvent(slug: string) {
  return render(await EventPage({ params: Promise.resolve({ slug }) }));
}

function jsonLd(container: HTMLElement): Record<string, unknown> {
  const script = container.querySelector('script[type="application/ld+json"]');
  expect(script).not.toBeNull();
  // Every inline script the app writes carries this response's CSP nonce.
  expect(script!.getAttribute("nonce")).toBe("dGVzdC1ub25jZS0xMjM0");
  return JSON.parse(script?.textContent ?? "{}") as Record<string, unknown>;
}

describe("/events/<slug>", () => {
  it("shows the event with its span in the site's zone, JSON-LD, free entry and the calendar link", async () => {
    await createEvent({
      slug: "public-lecture",
      title: "Why rivers flood",
      summary: "A public lecture.",
      body: "## About the talk\n\nRivers, *floods* and us.",
      startsAt: at("2026-03-03T18:00"),
      endsAt: at("2026-03-03T19:30"),
      venue: "Great Hall",
      campus: "City campus",
      bookingUrl: null,
    });
    const { container } = await renderEvent("public-lecture");
    expect(screen.getByRole("heading", { level: 1, name: "Why rivers flood" })).toBeInTheDocument();
    expect(screen.getByText("Tuesday 3rd March 2026, 6pm to 7.30pm")).toBeInTheDocument();
    expect(screen.getByText("Great Hall, City campus")).toBeInTheDocument();
    expect(screen.getByText("Free, no booking needed")).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 2, name: "About the talk" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: /Add to calendar/ })).toHaveAttribute("href", "/events/public-lecture/calendar.ics");
    expect(screen.queryByText(/has been cancelled/)).not.toBeInTheDocument();

    const data = jsonLd(container);
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Event",
      name: "Why rivers flood",
      startDate: "2026-03-03T18:00:00.000Z",
      endDate: "2026-03-03T19:30:00.000Z",
      eventStatus: "https://schema.org/EventScheduled",
      eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
      location: { "@type": "Place", name: "Great Hall", address: { "@type": "PostalAddress", addressLocality: "City campus" } },
      organizer: { "@type": "Organization" },
    });
  });

  it("a cancelled all-day multi-day event with a booking link and an image", async () => {
    const image = await createMedia({ fileName: "show.webp", url: "/uploads/show.webp", mimeType: "image/webp", bytes: 1, width: 1200, height: 800, altText: "Paintings on a white wall", caption: "Last year's show", credit: "Photo: Jane Doe" });
    await createEvent({ slug: "degree-show", title: "Degree show", status: "cancelled", allDay: true, startsAt: at("2026-03-03"), endsAt: at("2026-03-06"), bookingUrl: "https://tickets.example.org/show", imageId: image.id });
    const { container } = await renderEvent("degree-show");
    expect(screen.getByText("This event has been cancelled.")).toBeInTheDocument();
    expect(screen.getByText("3rd March 2026 to 5th March 2026")).toBeInTheDocument();
    expect(screen.queryByText("Free, no booking needed")).not.toBeInTheDocument();
    expect(screen.getByRole("img", { name: "Paintings on a white wall" })).toHaveAttribute("src", "/uploads/show.webp");
    expect(screen.getByText("Photo: Jane Doe")).toHaveClass("credit");
    expect(jsonLd(container)).toMatchObject({ eventStatus: "https://schema.org/EventCancelled", startDate: "2026-03-03", endDate: "2026-03-05" });
    expect(await generateMetadata({ params: Promise.resolve({ slug: "degree-show" }) })).toMatchObject({ title: "Cancelled: Degree show", alternates: { canonical: "/events/degree-show" } });
  });

  it("shows the booking link when there is one", async () => {
    await createEvent({ slug: "concert", bookingUrl: "https://tickets.example.org/concert" });
    await renderEvent("concert");
    expect(screen.getByRole("link", { name: /Book a place/ })).toHaveAttribute("href", "https://tickets.example.org/concert");
  });

  it("uses the site's day and time for an event just after midnight in summer (server TZ irrelevant)", async () => {
    await createEvent({ slug: "late", title: "Late show", startsAt: at("2026-07-02T00:30"), endsAt: at("2026-07-02T02:00") });
    await createEvent({ slug: "spring", title: "Spring fair", allDay: true, startsAt: at("2027-03-28"), endsAt: at("2027-04-01") });
    await renderEvent("late");
    expect(screen.getByText("Thursday 2nd July 2026, 12.30am to 2am")).toBeInTheDocument();
    await renderEvent("spring");
    expect(screen.getByText("28th March 2027 to 31st March 2027")).toBeInTheDocument();
  });

  it("says a past event has finished and no longer offers booking", async () => {
    await createEvent({ slug: "over", startsAt: Date.now() - 2 * DAY, endsAt: Date.now() - DAY, bookingUrl: "https://tickets.example.org/over" });
    await renderEvent("over");
    expect(screen.getByText(/This event has finished/)).toBeInTheDocument();
    expect(screen.getByText("Booking is closed.")).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: /Book a place/ })).not.toBeInTheDocument();
  });

  it("is not found for a draft", async () => {
    await createEvent({ slug: "secret", status: "draft" });
    await expect(renderEvent("secret")).rejects.toMatchObject({ digest: expect.stringContaining("404") });
  });
});

describe("/events", () => {
  async function renderList(searchParams: Record<string, string> = {}) {
    return render(await EventsPage({ searchParams: Promise.resolve(searchParams) }));
  }

  it("groups upcoming events by month after those on now, with filters and a subscription link", async () => {
    const now = Date.now();
    await createEvent({ slug: "show", title: "Degree show", startsAt: now - DAY, endsAt: now + DAY, category: "Exhibition" });
    await createEvent({ slug: "talk", title: "Evening talk", startsAt: now + 40 * DAY, category: "Lecture", campus: "Riverside campus" });
    await createEvent({ slug: "hidden", title: "Draft thing", status: "draft" });
    await renderList();

    const onNow = screen.getByRole("region", { name: "On now" });
    expect(within(onNow).getByRole("link", { name: "Degree show" })).toBeInTheDocument();
    expect(within(onNow).getAllByText("On now").length).toBeGreaterThan(0);
    const month = screen.getByRole("region", { name: formatMonth(now + 40 * DAY) });
    expect(within(month).getByRole("link", { name: "Evening talk" })).toBeInTheDocument();
    expect(screen.queryByText("Draft thing")).not.toBeInTheDocument();
    expect(screen.getByLabelText("Category")).toBeInTheDocument();
    expect(screen.getByLabelText("Campus")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: /Subscribe to all upcoming events/ })).toHaveAttribute("href", "/events.ics");
  });

  it("applies the filters to the list and the subscription link", async () => {
    await createEvent({ slug: "a", title: "Lecture A", category: "Lecture", campus: "City campus" });
    await createEvent({ slug: "b", title: "Show B", category: "Exhibition", campus: "City campus" });
    await renderList({ category: "Lecture", campus: "City campus" });
    expect(screen.getByText("Lecture A")).toBeInTheDocument();
    expect(screen.queryByText("Show B")).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: /Subscribe to these events/ })).toHaveAttribute("href", "/events.ics?category=Lecture&campus=City+campus");
  });

  it("shows past events newest first on ?when=past, and an empty state", async () => {
    const now = Date.now();
    await createEvent({ slug: "old", title: "Older event", startsAt: now - 60 * DAY, endsAt: now - 60 * DAY + 3_600_000 });
    await createEvent({ slug: "recent", title: "Recent event", startsAt: now - 2 * DAY, endsAt: now - 2 * DAY + 3_600_000 });
    await renderList({ when: "past" });
    expect(screen.getByRole("heading", { level: 1, name: "Past events" })).toBeInTheDocument();
    const titles = screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
    expect(titles).toEqual(["Recent event", "Older event"]);
    expect(screen.queryByRole("link", { name: /Subscribe/ })).not.toBeInTheDocument();
  });

  it("says so when nothing is coming up", async () => {
    await renderList();
    expect(screen.getByText(/There are no upcoming events at the moment/)).toBeInTheDocument();
    await renderList({ category: "Nothing" });
    expect(screen.getByText(/There are no upcoming events matching these filters/)).toBeInTheDocument();
  });

  it("is not found for a junk page number", async () => {
    await expect(renderList({ page: "abc" })).rejects.toMatchObject({ digest: expect.stringContaining("404") });
  });
});
