/** The editor form for one home-page promo. */
import { z } from "zod";
import { checkboxField, optionalLinkField } from "@/lib/form-fields";
import { PROMO_SLOTS } from "@/db/schema";
import { isSafeLink } from "@/lib/http/links";

/** A path on this site or an http(s) URL; never javascript: and the like. */
const link = z
  .string()
  .trim()
  .min(1, "Enter a link.")
  .max(2000, "The link must be 2,000 characters or fewer.")
  .refine(isSafeLink, "Enter a link starting with / or https:// (no backslashes or spaces).");

const optionalImage = optionalLinkField("image address");

export const promoSchema = z
  .object({
    id: z.preprocess((v) => (v === "" || v === undefined ? undefined : v), z.coerce.number().int().positive().optional()),
    slot: z.enum(PROMO_SLOTS, { error: "Choose a slot." }),
    title: z.string().trim().min(1, "Enter a title.").max(120, "The title must be 120 characters or fewer."),
    text: z.string().trim().max(500, "The text must be 500 characters or fewer.").default(""),
    linkUrl: link,
    linkLabel: z.string().trim().min(1, "Enter the link text.").max(60, "The link text must be 60 characters or fewer."),
    imageUrl: optionalImage,
    imageAlt: z.string().trim().max(300, "The alt text must be 300 characters or fewer.").default(""),
    position: z.coerce.number({ error: "Enter a position from 0 to 99." }).int("Enter a position from 0 to 99.").min(0, "Enter a position from 0 to 99.").max(99, "Enter a position from 0 to 99."),
    active: checkboxField,
  })
  .refine((p) => p.imageUrl === "" || p.imageAlt !== "", {
    path: ["imageAlt"],
    message: "Describe the image for people who cannot see it.",
    // Run even when other fields failed, so every problem is reported at once.
    when: (payload) => {
      const v = payload.value as { imageUrl?: unknown; imageAlt?: unknown } | undefined;
      return typeof v?.imageUrl === "string" && typeof v?.imageAlt === "string";
    },
  });
export type PromoInput = z.infer<typeof promoSchema>;

export const deletePromoSchema = z.object({ id: z.coerce.number().int().positive() });
