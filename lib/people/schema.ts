/** Editor forms for expert profiles (people). */
import { z } from "zod";
import { checkboxField, optionalLinkField } from "@/lib/form-fields";
import { SLUG_PATTERN } from "@/lib/slug";

const optionalUrl = optionalLinkField("photo address");

/** One area of expertise per line or comma-separated. */
const expertise = z
  .string()
  .default("")
  .transform((v) =>
    [...new Set(v.split(/[\n,]/).map((s) => s.trim()).filter(Boolean))],
  )
  .pipe(z.array(z.string().max(60, "Each area of expertise must be 60 characters or fewer.")).max(20, "List at most 20 areas of expertise."));

/** The fields a contributor may change on their own profile. */
export const ownProfileSchema = z.object({
  bio: z.string().trim().max(5000, "The biography must be 5,000 characters or fewer.").default(""),
  expertise,
  photoUrl: optionalUrl,
  availableForMedia: checkboxField,
});
export type OwnProfileInput = z.infer<typeof ownProfileSchema>;

/** Everything an editor may set. */
export const personSchema = ownProfileSchema.extend({
  id: z.preprocess((v) => (v === "" || v === undefined ? undefined : v), z.coerce.number().int().positive().optional()),
  name: z.string().trim().min(1, "Enter a name.").max(120, "The name must be 120 characters or fewer."),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .max(120, "The web address must be 120 characters or fewer.")
    .refine((v) => v === "" || SLUG_PATTERN.test(v), "Use only lower-case letters, numbers and hyphens.")
    .default(""),
  jobTitle: z.string().trim().max(160, "The job title must be 160 characters or fewer.").default(""),
  department: z.string().trim().max(160, "The department must be 160 characters or fewer.").default(""),
  institution: z.string().trim().max(160, "The institution must be 160 characters or fewer.").default(""),
  mediaEmail: z
    .string()
    .trim()
    .max(254)
    .refine((v) => v === "" || z.email().safeParse(v).success, "Enter an email address in the right format, like name@example.com.")
    .default(""),
  isGuest: checkboxField,
  userId: z.preprocess((v) => (v === "" || v === undefined ? undefined : v), z.coerce.number().int().positive().optional()),
});
export type PersonInput = z.infer<typeof personSchema>;

/** The profile form: the person's own fields plus which profile (checked against the session by updateProfile). */
export const profileSchema = ownProfileSchema.extend({
  personId: z.coerce.number({ error: "Choose a profile." }).int().positive("Choose a profile."),
});
export type ProfileInput = z.infer<typeof profileSchema>;
