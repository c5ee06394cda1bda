/**
 * Schemas for the public open-day forms: registering, changing a booking and
 * moving it to another date. Shared by the server actions, lib/open-days and
 * the tests so the rules and the messages live in one place.
 */
import { z } from "zod";
import { LEVELS } from "@/db/schema";

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
  email: z
    .string()
    .trim()
    .min(1, "Enter your email address.")
    .max(254, "Your email address must be 254 characters or fewer.")
    .pipe(z.email("Enter an email address in the right format, like name@example.com.")),
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

export const cancelRegistrationSchema = z.object({
  token: z.string().min(1, "This link is not valid."),
});
