import { NextRequest } from "next/server";
import { GET as eventIcs } from "@/app/(public)/events/[slug]/calendar.ics/route";
import { GET as allIcs } from "@/app/events.ics/route";
import { createEvent } from "../factories";
import { freshDb } from "../helpers/db";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ical = require("node-ical") as { sync: { parseICS: (text: string) => Record<string, { type: string; uid?: string; summary?: string; status?: string }> } };
const vevents = (text: string) => Object.values(ical.sync.parseICS(text)).filter((c) => c.type === "VEVENT");

const one = (slug: string) => eventIcs(new Request(`http://localhost:3000/events/${slug}/calendar.ics`), { params: Promise.resolve({ slug }) });

beforeEach(async () => {
  await freshDb();
});

describe("GET /events/<slug>/calendar.ics", () => {
  it("answers text/calendar with a file name and the event", async () => {
    const event = await createEvent({ slug: "degree-show", title: "Degree show, 2026" });
    const res = await one("degree-show");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="degree-show.ics"');
    const [parsed] = vevents(await res.text());
    expect(parsed?.uid).toBe(`event-${event.id}@localhost`);
    expect(parsed?.summary).toBe("Degree show, 2026");
    expect(parsed?.status).toBe("CONFIRMED");
  });

  it("answers 404 for an unknown slug and for a draft", async () => {
    await createEvent({ slug: "secret", status: "draft" });
    expect((await one("no-such-event")).status).toBe(404);
    expect((await one("secret")).status).toBe(404);
  });

  it("says STATUS:CANCELLED for a cancelled event", async () => {
    await createEvent({ slug: "off", status: "cancelled" });
    expect(vevents(await (await one("off")).text())[0]?.status).toBe("CANCELLED");
  });
});

describe("GET /events.ics", () => {
  it("lists every upcoming public event, narrowed by ?category= and ?campus=", async () => {
    await createEvent({ slug: "a", category: "Lecture", campus: "City campus" });
    await createEvent({ slug: "b", category: "Exhibition", campus: "City campus" });
    await createEvent({ slug: "c", category: "Lecture", campus: "Riverside campus" });
    await createEvent({ slug: "d", status: "draft" });
    await createEvent({ slug: "e", startsAt: Date.now() - 5 * 86_400_000, endsAt: Date.now() - 4 * 86_400_000 });

    const all = await allIcs(new NextRequest("http://localhost:3000/events.ics"));
    expect(all.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(all.headers.get("content-disposition")).toBe('attachment; filename="events.ics"');
    expect(vevents(await all.text())).toHaveLength(3);

    const lectures = await allIcs(new NextRequest("http://localhost:3000/events.ics?category=Lecture"));
    expect(vevents(await lectures.text())).toHaveLength(2);
    const both = await allIcs(new NextRequest("http://localhost:3000/events.ics?category=Lecture&campus=City%20campus"));
    const text = await both.text();
    expect(vevents(text)).toHaveLength(1);
    expect(text).toContain("X-WR-CALNAME:");
  });
});
