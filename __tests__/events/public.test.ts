import { createEvent, createMedia } from "../factories";
import { freshDbPerTest } from "../helpers/db";
import { DAY, HOUR } from "../helpers/time";
import { EVENTS_PAGE_SIZE, getEventBySlug, listCampuses, listCategories, listEvents, listEventsForCalendar } from "@/lib/events/public";

freshDbPerTest();

describe("listEvents", () => {
  it("lists upcoming events soonest first, including one that started yesterday and ends tomorrow (on now)", async () => {
    const now = Date.now();
    const later = await createEvent({ slug: "later", startsAt: now + 10 * DAY, endsAt: now + 10 * DAY + 2 * HOUR });
    const soon = await createEvent({ slug: "soon", startsAt: now + DAY, endsAt: now + DAY + 2 * HOUR });
    const onNow = await createEvent({ slug: "degree-show", startsAt: now - DAY, endsAt: now + DAY });
    await createEvent({ slug: "ended", startsAt: now - 3 * DAY, endsAt: now - 2 * DAY });

    const { items, total } = await listEvents({ when: "upcoming" });
    expect(items.map((e) => e.slug)).toEqual([onNow.slug, soon.slug, later.slug]);
    expect(total).toBe(3);
  });

  it("lists past events newest first and paginates them", async () => {
    const now = Date.now();
    for (let i = 1; i <= EVENTS_PAGE_SIZE + 3; i++) {
      await createEvent({ slug: `past-${i}`, startsAt: now - i * DAY - HOUR, endsAt: now - i * DAY });
    }
    await createEvent({ slug: "future", startsAt: now + DAY });

    const first = await listEvents({ when: "past" });
    expect(first.total).toBe(EVENTS_PAGE_SIZE + 3);
    expect(first.totalPages).toBe(2);
    expect(first.items[0]?.slug).toBe("past-1");
    expect(first.items).toHaveLength(EVENTS_PAGE_SIZE);
    const second = await listEvents({ when: "past", page: 2 });
    expect(second.items.map((e) => e.slug)).toEqual([`past-${EVENTS_PAGE_SIZE + 1}`, `past-${EVENTS_PAGE_SIZE + 2}`, `past-${EVENTS_PAGE_SIZE + 3}`]);
    expect(second.items.some((e) => e.slug === "future")).toBe(false);
  });

  it("never shows drafts and keeps cancelled events listed, marked cancelled", async () => {
    await createEvent({ slug: "draft-one", status: "draft" });
    await createEvent({ slug: "called-off", status: "cancelled" });
    await createEvent({ slug: "on-as-planned" });

    const { items } = await listEvents();
    expect(items.map((e) => e.slug).sort()).toEqual(["called-off", "on-as-planned"]);
    expect(items.find((e) => e.slug === "called-off")?.cancelled).toBe(true);
    expect(items.find((e) => e.slug === "on-as-planned")?.cancelled).toBe(false);
    expect(await getEventBySlug("draft-one")).toBeNull();
    expect((await getEventBySlug("called-off"))?.cancelled).toBe(true);
    expect(await listEventsForCalendar()).toHaveLength(2);
  });

  it("filters by category and campus, alone and together", async () => {
    await createEvent({ slug: "a", category: "Lecture", campus: "City campus" });
    await createEvent({ slug: "b", category: "Exhibition", campus: "City campus" });
    await createEvent({ slug: "c", category: "Lecture", campus: "Riverside campus" });
    await createEvent({ slug: "d", category: "Concert", campus: "Riverside campus", status: "draft" });

    const slugs = async (f: Parameters<typeof listEvents>[0]) => (await listEvents(f)).items.map((e) => e.slug).sort();
    expect(await slugs({ category: "Lecture" })).toEqual(["a", "c"]);
    expect(await slugs({ campus: "Riverside campus" })).toEqual(["c"]);
    expect(await slugs({ category: "Lecture", campus: "City campus" })).toEqual(["a"]);
    expect(await slugs({ category: "Nothing" })).toEqual([]);
    expect((await listEventsForCalendar({ campus: "City campus" })).map((e) => e.slug).sort()).toEqual(["a", "b"]);
    // The filter options come from public events only (the draft concert is not offered).
    expect(await listCategories()).toEqual(["Exhibition", "Lecture"]);
    expect(await listCampuses()).toEqual(["City campus", "Riverside campus"]);
  });

  it("returns the image with its caption and credit", async () => {
    const image = await createMedia({ fileName: "x.webp", url: "/uploads/x.webp", mimeType: "image/webp", bytes: 10, width: 1200, height: 800, altText: "Students in the gallery", caption: "The 2026 show", credit: "Photo: Jane Doe" });
    await createEvent({ slug: "with-image", imageId: image.id });
    const event = await getEventBySlug("with-image");
    expect(event?.image).toMatchObject({ url: "/uploads/x.webp", altText: "Students in the gallery", caption: "The 2026 show", credit: "Photo: Jane Doe" });
  });
});
