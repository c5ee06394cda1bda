/**
 * The one definition of a valid event, shared by the editor form, its
 * server actions and the tests. Times arrive as the wall-clock values an
 * <input type="datetime-local"> or <input type="date"> sends and are read
 * in the SITE's time zone (parseLocalDateTime), never the server's.
 */
import { z } from "zod";
import { EVENT_STATUSES } from "@/db/schema";
import { parseLocalDateTime } from "@/lib/dates";
import { SLUG_PATTERN } from "@/lib/slug";

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .optional()
    .transform((v) => v ?? "");

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true" || v === "1");

const optionalId = z
  .string()
  .trim()
  .optional()
  .refine((v) => !v || /^\d+$/.test(v), "Choose an image from the media library or leave it empty")
  .transform((v) => (v ? Number(v) : null));

const bookingUrl = z
  .string()
  .trim()
  .optional()
  .refine((v) => {
    if (!v) return true;
    try {
      const url = new URL(v);
      return url.protocol === "https:" || url.protocol === "http:";
    } catch {
      return false;
    }
  }, "Enter the booking link as a full web address starting with https://, or leave it empty")
  .transform((v) => v || null);

export const eventFields = z.object({
  title: z.string().trim().min(1, "Enter a title").max(200, "The title must be 200 characters or fewer"),
  slug: z
    .string()
    .trim()
    .max(80, "The web address must be 80 characters or fewer")
    .optional()
    .refine((v) => !v || SLUG_PATTERN.test(v), "Use only lower-case letters, numbers and single hyphens, e.g. degree-show-2026")
    .transform((v) => v ?? ""),
  summary: text(500, "The summary"),
  body: z
    .string()
    .max(50_000, "The description must be 50,000 characters or fewer")
    .optional()
    .transform((v) => v ?? ""),
  allDay: checkbox,
  startsAt: z.string().optional(),
  endsAt: z.string().optional(),
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  venue: text(200, "The venue"),
  campus: text(100, "The campus"),
  category: text(100, "The category"),
  bookingUrl,
  imageId: optionalId,
  status: z.enum(EVENT_STATUSES, { message: "Choose draft, published or cancelled" }).default("draft"),
});

type Fields = z.output<typeof eventFields>;
const DAY = 86_400_000;

/** "2026-03-05" → the day after, as text (calendar arithmetic, no time zone involved). */
function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
}

/**
 * Turns the raw time fields into instants. All-day events run from local
 * midnight of the first day to local midnight after the last (exclusive).
 */
function withTimes<T extends Fields>(value: T, ctx: z.RefinementCtx) {
  const { startsAt: rawStart, endsAt: rawEnd, startDate, endDate, ...rest } = value;
  let startsAt: number | null;
  let endsAt: number | null;
  if (value.allDay) {
    const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);
    const first = startDate?.trim() ?? "";
    const last = endDate?.trim() || first;
    startsAt = isDay(first) ? parseLocalDateTime(first) : null;
    const lastStart = isDay(last) ? parseLocalDateTime(last) : null;
    endsAt = lastStart === null ? null : parseLocalDateTime(dayAfter(last));
    if (startsAt === null) ctx.addIssue({ code: "custom", path: ["startDate"], message: "Enter the first day as a date, e.g. 03/03/2026" });
    if (endDate?.trim() && lastStart === null) ctx.addIssue({ code: "custom", path: ["endDate"], message: "Enter the last day as a date, or leave it empty for a one-day event" });
    if (startsAt !== null && lastStart !== null && lastStart < startsAt) {
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "The last day must be on or after the first day" });
    }
  } else {
    startsAt = rawStart?.trim() ? parseLocalDateTime(rawStart) : null;
    endsAt = rawEnd?.trim() ? parseLocalDateTime(rawEnd) : null;
    if (startsAt === null) ctx.addIssue({ code: "custom", path: ["startsAt"], message: "Enter the start date and time" });
    if (endsAt === null) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "Enter the end date and time" });
    if (startsAt !== null && endsAt !== null && endsAt <= startsAt) {
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "The end must be after the start" });
    }
  }
  if (startsAt === null || endsAt === null) return z.NEVER;
  return { ...rest, startsAt, endsAt };
}

export const eventSchema = eventFields.transform(withTimes);

export const eventUpdateSchema = eventFields
  .extend({
    id: z.coerce.number().int().positive("Unknown event"),
    version: z.coerce.number().int().positive("Missing version: reload the page and try again"),
  })
  .transform(withTimes);

export type EventInput = z.output<typeof eventSchema>;
export type EventUpdateInput = z.output<typeof eventUpdateSchema>;

export const eventIdSchema = z.object({ id: z.coerce.number().int().positive("Unknown event") });

export const eventDeleteSchema = eventIdSchema.extend({
  // A missing key never reaches an .optional().refine(), so the value itself is required.
  confirm: z.enum(["on", "yes"], { error: "Tick the box to confirm that you want to delete this event" }),
});
