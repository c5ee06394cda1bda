/**
 * The story concern's schemas: one definition of a story's fields, shared by
 * the editor form, its server actions, the autosave route and the tests,
 * and the republishing-snippet import form. Messages are written for the
 * academic filling in the form, not for a developer.
 *
 * Input is what a form posts (strings, repeated names as arrays); output is
 * typed and normalised (empty optional text → null, ids → numbers).
 */
import { z } from "zod";
import { STORY_TYPES } from "@/db/schema";
import { SLUG_PATTERN } from "@/lib/slug";

const blankToNull = (v: unknown) => (v === undefined || (typeof v === "string" && v.trim() === "") ? null : v);

/** Optional free text: trimmed, empty becomes null. */
const optionalText = (max: number, tooLong: string) =>
  z.preprocess(blankToNull, z.string().trim().max(max, tooLong).nullable());

const optionalUrl = (message: string) =>
  z.preprocess(
    blankToNull,
    z
      .string()
      .trim()
      .max(2000, message)
      .refine((v) => /^https?:\/\/[^\s]+$/i.test(v) && URL.canParse(v), message)
      .nullable(),
  );

/** A form posts one value as a string and several as an array. */
const idList = (message: string) =>
  z.preprocess(
    (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v.filter((x) => x !== "") : [v]),
    z.array(z.coerce.number({ error: message }).int(message).positive(message)),
  );

/** An HTML checkbox posts "on" (or our own "true"/"1") when ticked and nothing when not. */
export const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === "1" || v === true, z.boolean());

export const storyFieldsSchema = z
  .object({
    type: z.enum(STORY_TYPES, { error: "Choose what kind of story this is, for example news release or expert comment." }),
    title: z
      .string({ error: "Enter a headline." })
      .trim()
      .min(3, "The headline needs at least 3 characters.")
      .max(200, "Keep the headline to 200 characters or fewer."),
    /** Empty means "make it from the headline". */
    slug: z.preprocess(
      blankToNull,
      z
        .string()
        .trim()
        .toLowerCase()
        .max(120, "Keep the web address to 120 characters or fewer.")
        .regex(SLUG_PATTERN, "The web address may use only lower-case letters, numbers and single hyphens, for example why-rivers-flood.")
        .nullable(),
    ),
    standfirst: z.preprocess(
      (v) => v ?? "",
      z.string().trim().max(400, "Keep the standfirst (the summary under the headline) to 400 characters or fewer."),
    ),
    body: z.preprocess((v) => v ?? "", z.string().max(200_000, "The article is too long to save. Please split it or shorten it.")),
    heroImageId: z.preprocess(
      blankToNull,
      z.coerce.number({ error: "Choose a picture from the media library." }).int().positive("Choose a picture from the media library.").nullable(),
    ),
    /** In byline order. */
    authorIds: idList("Choose an author from the list.")
      .refine((ids) => ids.length > 0, "Add at least one author. If they are not in the list, add them as a guest expert.")
      .refine((ids) => new Set(ids).size === ids.length, "Each author can appear only once in the byline."),
    topicIds: idList("Choose topics from the list.").transform((ids) => [...new Set(ids)]),
    syndicationSource: optionalText(200, "Keep the outlet's name to 200 characters or fewer."),
    syndicationUrl: optionalUrl("Enter the full web address of the original article, starting with https://"),
    syndicationLicence: optionalText(200, "Keep the licence name to 200 characters or fewer, for example CC BY-ND 4.0."),
    mediaUrl: optionalUrl("Enter the full web address of the video or audio, starting with https://"),
    transcript: optionalText(200_000, "The transcript is too long to save."),
    featured: checkbox,
    seoDescription: optionalText(160, "Keep the search-engine description to 160 characters or fewer (it is cut off after that)."),
    republishLicence: z.preprocess(
      (v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? "CC BY-ND 4.0" : v),
      z.string().trim().max(100, "Keep the licence name to 100 characters or fewer."),
    ),
    commentsEnabled: checkbox,
  })
  .superRefine((v, ctx) => {
    if ((v.type === "video" || v.type === "audio") && !v.mediaUrl) {
      ctx.addIssue({
        code: "custom",
        path: ["mediaUrl"],
        message: `A ${v.type} story needs the web address of the ${v.type}.`,
      });
    }
    if (v.syndicationUrl && !v.syndicationSource) {
      ctx.addIssue({ code: "custom", path: ["syndicationSource"], message: "Name the outlet that first published this piece." });
    }
  });

/** The version an edit was based on: a save that names an older one is refused rather than overwriting. */
export const versionField = z.coerce
  .number({ error: "This form is out of date. Please reload the page." })
  .int()
  .positive("This form is out of date. Please reload the page.");

export const storySchema = storyFieldsSchema.and(z.object({ id: z.coerce.number().int().positive(), version: versionField }));
export const newStorySchema = storyFieldsSchema;

export type StoryFields = z.infer<typeof storyFieldsSchema>;
export type StoryInput = z.infer<typeof storySchema>;

/** Extra fields a workflow button posts alongside the story. */
export const transitionFieldsSchema = z.object({
  note: optionalText(2000, "Keep the note to 2,000 characters or fewer."),
  /** datetime-local text in the site's time zone; converted by the workflow. */
  publishAt: optionalText(40, "Enter a date and time."),
  unpublishAt: optionalText(40, "Enter a date and time."),
  a11yOverride: checkbox,
});
export type TransitionFields = z.infer<typeof transitionFieldsSchema>;

export const guestExpertSchema = z.object({
  guestName: z
    .string({ error: "Enter the guest expert's name." })
    .trim()
    .min(2, "Enter the guest expert's name.")
    .max(120, "Keep the name to 120 characters or fewer."),
  guestJobTitle: optionalText(160, "Keep the job title to 160 characters or fewer."),
  guestInstitution: optionalText(160, "Keep the institution to 160 characters or fewer."),
});
export type GuestExpertInput = z.infer<typeof guestExpertSchema>;

export const previewLinkSchema = z.object({
  id: z.coerce.number().int().positive(),
  hours: z.coerce
    .number({ error: "Choose how long the link should work." })
    .int("Choose a whole number of hours.")
    .min(1, "The link must work for at least 1 hour.")
    .max(24 * 14, "A preview link can work for at most 14 days."),
});

export const restoreSchema = z.object({
  id: z.coerce.number().int().positive(),
  revisionId: z.coerce.number({ error: "Choose a revision to restore." }).int().positive("Choose a revision to restore."),
});

// The republishing-snippet import form (app/editor/stories/import).

/** Far above any real snippet (a long article is ~50 KB of HTML); caps the work a paste can cause. */
export const MAX_SNIPPET_LENGTH = 500_000;

export const importSnippetSchema = z.object({
  snippet: z
    .string({ error: "Paste the republishing snippet." })
    .trim()
    .min(1, "Paste the republishing snippet.")
    .max(MAX_SNIPPET_LENGTH, "The snippet is too long: paste only the republishing HTML the outlet gives you."),
});
export type ImportSnippetInput = z.infer<typeof importSnippetSchema>;
