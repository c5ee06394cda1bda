/**
 * Schemas for the media library's forms (upload and edit details), shared by
 * the server actions, lib/media and the tests. The file itself is checked in
 * lib/media/upload.ts from its bytes, not here.
 */
import { z } from "zod";
import { parseLocalDateTime } from "@/lib/dates";

export const MAX_ALT_LENGTH = 500;

const optionalText = (label: string, max: number) =>
  z.string().trim().max(max, `${label} must be ${max.toLocaleString("en-GB")} characters or fewer.`).default("");

/** "" → null; "2025-12-31" → the end of that day in the site's time zone. */
const rightsExpiry = z
  .string()
  .trim()
  .default("")
  .transform((text, ctx) => {
    if (text === "") return null;
    const ms = parseLocalDateTime(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T23:59` : text);
    if (ms === null) {
      ctx.addIssue({ code: "custom", message: "Enter the rights expiry as a real date, like 2026-12-31." });
      return z.NEVER;
    }
    return ms;
  });

export const mediaDetailsSchema = z.object({
  altText: z
    .string({ error: "Enter alt text that describes the image." })
    .trim()
    .min(1, "Enter alt text that describes the image.")
    .max(MAX_ALT_LENGTH, `Alt text must be ${MAX_ALT_LENGTH} characters or fewer.`),
  caption: optionalText("The caption", 1000),
  credit: optionalText("The credit", 300),
  licence: optionalText("The licence", 300),
  rightsExpireAt: rightsExpiry,
});
export type MediaDetailsInput = z.infer<typeof mediaDetailsSchema>;

export const mediaUploadSchema = mediaDetailsSchema.extend({
  /** Optional: the story the image is for (contributors: one of their own). */
  storyId: z.preprocess(
    (v) => (v === undefined || v === "" ? undefined : v),
    z.coerce.number({ error: "Choose a story from the list." }).int("Choose a story from the list.").positive("Choose a story from the list.").optional(),
  ),
});
export type MediaUploadInput = z.infer<typeof mediaUploadSchema>;

/** The captions forms carry only the file (read from the form data by the action) and the bound story id. */
export const captionsFormSchema = z.object({});
