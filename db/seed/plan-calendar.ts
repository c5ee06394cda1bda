/** Events, open days, promos and the remaining demo images, dated from `now`. */
import type { Level } from "@/db/schema";
import { slugify } from "@/lib/slug";
import { CAMPUS_TRAVEL, EVENTS, type EventSeed } from "./content/events";
import { OPEN_DAYS, PROMOS, type PromoSeed } from "./content/open-days";
import { EXPERTS, initials } from "./content/people";
import { PROSE } from "./content/prose";
import { PALETTES, SUBJECTS, facultyOf } from "./content/topics";
import { bannerSvg, portraitSvg, type DemoImage } from "./images";
import { addDays, at, localDay, onOrAfter } from "./time";

const CATEGORY_PALETTES: Record<EventSeed["category"], [string, string, string]> = {
  Lecture: ["#1d3557", "#457b9d", "#f1faee"],
  Exhibition: ["#5b2a86", "#d1495b", "#f6d8ae"],
  Concert: ["#3d0c4e", "#b5121b", "#ffd6a5"],
  Workshop: ["#0b4f6c", "#20a39e", "#d9f2ef"],
  Sport: ["#14532d", "#65a30d", "#ecfccb"],
  "Public talk": ["#7c2d12", "#e09f3e", "#fde8c8"],
};

export type EventPlan = EventSeed & {
  slug: string;
  startsAt: number;
  endsAt: number;
  allDay: boolean;
  body: string;
  bookingUrl: string | null;
  image: DemoImage & { altText: string };
};

export function planEvents(now: number): EventPlan[] {
  const today = localDay(now);
  return EVENTS.map((e) => {
    const slug = slugify(e.title);
    const first = addDays(today, e.day);
    const last = addDays(today, e.endDay ?? e.day);
    const allDay = !e.start;
    // All-day events run from local midnight to the last minute of their last day.
    const startsAt = at(first, e.start ?? "00:00");
    const endsAt = at(last, e.end ?? "23:59");
    const bookingUrl = e.booking ? `https://tickets.harrowgate.example/${slug}` : null;
    const price = e.free ? (e.booking ? "Free, but booking is required." : "Free, no booking needed.") : "Tickets must be booked in advance.";
    const body = [e.detail, `## Price and booking\n\n${price}`, `## Getting there\n\n${e.venue}, ${e.campus}. ${CAMPUS_TRAVEL[e.campus]}`].join("\n\n");
    const image = bannerSvg({ file: `event-${slug}.svg`, title: e.title, kicker: `${e.category} · ${e.campus}`, palette: CATEGORY_PALETTES[e.category], seed: slug });
    return { ...e, slug, startsAt, endsAt, allDay, body, bookingUrl, image: { ...image, altText: `Illustration for ${e.title}, a ${e.category.toLowerCase()} on ${e.campus}` } };
  });
}

export type OpenDayPlan = {
  slug: string;
  title: string;
  level: Level;
  campus: string;
  summary: string;
  travelInfo: string;
  subjects: string[];
  startsAt: number;
  endsAt: number;
  capacity: number;
  sessions: { title: string; description: string; startsAt: number; endsAt: number; room: string; capacity: number | null }[];
};

/** "+1:30" is relative to the day's opening time; "10:00" is a wall-clock time. */
function sessionTime(day: string, dayStart: string, time: string): number {
  if (!time.startsWith("+")) return at(day, time);
  const [h, m] = time.slice(1).split(":").map(Number) as [number, number];
  const [sh, sm] = dayStart.split(":").map(Number) as [number, number];
  const minutes = sh * 60 + sm + h * 60 + m;
  return at(day, `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`);
}

export function planOpenDays(now: number): OpenDayPlan[] {
  const today = localDay(now);
  return OPEN_DAYS.map((o) => {
    const day = onOrAfter(addDays(today, o.after), o.weekday);
    return {
      slug: slugify(`${o.title} ${day}`),
      title: o.title,
      level: o.level,
      campus: o.campus,
      summary: o.summary,
      travelInfo: `${CAMPUS_TRAVEL[o.campus]}\n\nOn the day, student ambassadors in green T-shirts will meet you at the entrance. A quiet room and a prayer room are available; tell us about any access needs when you register.`,
      subjects: o.subjects,
      startsAt: at(day, o.start),
      endsAt: at(day, o.end),
      capacity: o.capacity,
      sessions: o.sessions.map((s) => ({
        title: s.title,
        description: s.description,
        startsAt: sessionTime(day, o.start, s.start),
        endsAt: sessionTime(day, o.start, s.end),
        room: s.room,
        capacity: s.capacity ?? null,
      })),
    };
  });
}

export function promoImage(p: PromoSeed): DemoImage {
  const palettes: Record<string, [string, string, string]> = {
    "open-days": ["#1d3557", "#e09f3e", "#fbe8c8"],
    research: ["#0b4f6c", "#1f8a70", "#c4f1e0"],
    newspaper: ["#5b2a86", "#b5121b", "#f6d8ae"],
    "student-life": ["#1d3557", "#2ec4b6", "#cbf3f0"],
  };
  return bannerSvg({ file: `promo-${p.slot}.svg`, title: p.title, kicker: p.kicker, palette: palettes[p.slot] ?? ["#1d3557", "#457b9d", "#f1faee"], seed: p.slot });
}

export function portraitImages(): DemoImage[] {
  return EXPERTS.map((e) => portraitSvg(`portrait-${e.slug}.svg`, initials(e.name), PALETTES[facultyOf(e.subject)] ?? ["#1d3557", "#457b9d", "#f1faee"]));
}

export function figureImages(): DemoImage[] {
  return SUBJECTS.map((s) => {
    const figure = PROSE[s.slug]?.figure;
    // The drawn figure spells out what a photograph would show, so its alt text stays truthful.
    return bannerSvg({ file: `figure-${s.slug}.svg`, title: figure?.alt ?? s.name, kicker: s.name, palette: PALETTES[s.faculty] ?? ["#1d3557", "#457b9d", "#f1faee"], seed: `figure-${s.slug}` });
  });
}

export { PROMOS };
