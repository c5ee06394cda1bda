/**
 * The one definition of valid open-day input, shared by the editor form, the
 * public forms (registering, changing a booking, moving it to another date),
 * their server actions, lib/open-days and the tests, so the rules and the
 * messages live in one place. Client-safe: no server imports.
 *
 * The editor's programme is a fixed number of session rows (works without
 * JavaScript); inputs are named `sessions.<n>.<field>` so each error's path
 * is the name of its input. Session times are wall-clock times on the open
 * day's date, in the site zone.
 */
import { z } from "zod";
import { emailField } from "@/lib/form-fields";
import { LEVELS, OPEN_DAY_STATUSES } from "@/db/schema";
import { dayKey, parseLocalDateTime } from "@/lib/dates";
import { SLUG_PATTERN } from "@/lib/slug";

export const SESSION_ROWS = 8;

const localDateTime = (what: string) =>
  z
    .string({ error: `Enter the ${what}.` })
    .trim()
    .min(1, `Enter the ${what}.`)
    .transform((text, ctx) => {
      const ms = parseLocalDateTime(text);
      if (ms === null) {
        ctx.addIssue({ code: "custom", message: `Enter the ${what} as a real date and time.` });
        return z.NEVER;
      }
      return ms;
    });

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const sessionRow = z.object({
  id: z.string().trim().default(""),
  title: z.string().trim().max(160, "The session title must be 160 characters or fewer.").default(""),
  description: z.string().trim().max(1000, "The description must be 1,000 characters or fewer.").default(""),
  start: z.string().trim().default(""),
  end: z.string().trim().default(""),
  room: z.string().trim().max(120, "The room must be 120 characters or fewer.").default(""),
  capacity: z.string().trim().default(""),
});

/** Gathers `sessions.<n>.<field>` keys into an array of SESSION_ROWS rows. */
function gatherSessions(raw: unknown): unknown {
  if (!raw || typeof raw !== "object") return raw;
  const input = raw as Record<string, unknown>;
  const rows: Record<string, unknown>[] = Array.from({ length: SESSION_ROWS }, () => ({}));
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const m = /^sessions\.(\d+)\.(\w+)$/.exec(key);
    const row = m ? rows[Number(m[1])] : undefined;
    if (m && row) row[m[2]!] = Array.isArray(value) ? value[0] : value;
    else if (!m) rest[key] = value;
  }
  return { ...rest, sessions: rows };
}

export const openDaySchema = z
  .preprocess(
    gatherSessions,
    z.object({
      title: z.string().trim().min(1, "Enter a title.").max(160, "The title must be 160 characters or fewer."),
      slug: z
        .string()
        .trim()
        .default("")
        .refine((s) => s === "" || SLUG_PATTERN.test(s), "Use lower-case letters, numbers and hyphens only."),
      level: z.enum(LEVELS, { error: "Choose undergraduate or postgraduate." }),
      campus: z.string().trim().min(1, "Enter the campus.").max(120, "The campus must be 120 characters or fewer."),
      summary: z.string().trim().max(2000, "The summary must be 2,000 characters or fewer.").default(""),
      travelInfo: z.string().trim().max(10000, "Travel information must be 10,000 characters or fewer.").default(""),
      subjects: z
        .string()
        .default("")
        .transform((s) => [...new Set(s.split(/[,\n]/).map((x) => x.trim()).filter(Boolean))]),
      startsAt: localDateTime("start date and time"),
      endsAt: localDateTime("end date and time"),
      capacity: z.coerce
        .number({ error: "Enter the number of places." })
        .int("Enter a whole number of places.")
        .min(1, "The open day needs at least 1 place.")
        .max(100000, "Enter a number of places up to 100,000."),
      status: z.enum(OPEN_DAY_STATUSES, { error: "Choose a status." }),
      version: z.coerce.number().int().min(0).default(0),
      sessions: z.array(sessionRow),
    }),
  )
  .superRefine((v, ctx) => {
    if (v.endsAt <= v.startsAt) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "The end must be after the start." });
    v.sessions.forEach((row, i) => {
      const blank = !row.title && !row.start && !row.end && !row.room && !row.capacity && !row.description;
      if (blank) return;
      const at = (field: string, message: string) => ctx.addIssue({ code: "custom", path: ["sessions", i, field], message });
      if (!row.title) at("title", "Enter the session title.");
      if (!TIME.test(row.start)) at("start", "Enter the start time as hh:mm, for example 10:30.");
      if (!TIME.test(row.end)) at("end", "Enter the end time as hh:mm, for example 11:15.");
      else if (TIME.test(row.start) && row.end <= row.start) at("end", "The session must end after it starts.");
      if (row.capacity && !/^\d{1,6}$/.test(row.capacity)) at("capacity", "Enter a whole number of places, or leave it blank.");
      else if (row.capacity && Number(row.capacity) < 1) at("capacity", "A session needs at least 1 place, or leave it blank.");
    });
  })
  .transform((v) => {
    const date = dayKey(v.startsAt);
    const sessions = v.sessions
      .filter((r) => r.title)
      .map((r) => ({
        id: /^\d+$/.test(r.id) ? Number(r.id) : null,
        title: r.title,
        description: r.description,
        room: r.room,
        startsAt: parseLocalDateTime(`${date}T${r.start}`) ?? v.startsAt,
        endsAt: parseLocalDateTime(`${date}T${r.end}`) ?? v.endsAt,
        capacity: r.capacity ? Number(r.capacity) : null,
      }));
    return { ...v, sessions };
  });
export type OpenDayInput = z.output<typeof openDaySchema>;

const positiveId = z.coerce.number().int().positive();

export const openDayIdSchema = z.object({ id: positiveId });

/** The editor cancels one registration from a day's list (openDayId says where to land afterwards). */
export const editorCancelRegistrationSchema = z.object({ id: positiveId, openDayId: positiveId });

// The public forms.

export const MAX_GUESTS = 3;

/** A checkbox group arrives as nothing, one string or several: always an array of ids. */
const idList = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.coerce.number({ error: "Choose sessions from the list." }).int("Choose sessions from the list.").positive("Choose sessions from the list.")),
);

const guests = z.coerce
  .number({ error: "Enter the number of guests, from 0 to 3." })
  .int("Enter the number of guests, from 0 to 3.")
  .min(0, "Enter the number of guests, from 0 to 3.")
  .max(MAX_GUESTS, "You can bring up to 3 guests.");

export const registrationSchema = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(120, "Your name must be 120 characters or fewer."),
  email: emailField(),
  level: z.enum(LEVELS, { error: "Choose undergraduate or postgraduate." }),
  subject: z.string().trim().max(120, "The subject must be 120 characters or fewer.").default(""),
  guests: z.preprocess((v) => (v === undefined || v === "" ? 0 : v), guests),
  sessionIds: idList,
  accessNeeds: z.string().trim().max(1000, "Access needs must be 1,000 characters or fewer.").default(""),
  consent: z.literal(["on", "yes", "true"], { error: "Confirm that you have read the privacy notice." }),
  /** Honeypot: hidden from people, filled in by bots. */
  website: z.string().default(""),
});
export type RegistrationInput = z.infer<typeof registrationSchema>;

export const updateRegistrationSchema = z.object({
  token: z.string().min(1, "This link is not valid."),
  guests: z.preprocess((v) => (v === undefined || v === "" ? 0 : v), guests),
  sessionIds: idList,
});
export type UpdateRegistrationInput = z.infer<typeof updateRegistrationSchema>;

export const moveRegistrationSchema = z.object({
  token: z.string().min(1, "This link is not valid."),
  openDayId: z.coerce.number({ error: "Choose another date." }).int("Choose another date.").positive("Choose another date."),
});
export type MoveRegistrationInput = z.infer<typeof moveRegistrationSchema>;

export const cancelRegistrationSchema = z.object({
  token: z.string().min(1, "This link is not valid."),
});
export type CancelRegistrationInput = z.infer<typeof cancelRegistrationSchema>;
