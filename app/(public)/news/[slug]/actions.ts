"use server";

import { defineAction, type FormState } from "@/lib/action";
import { submitComment } from "@/lib/comments/public";
import { COMMENT_THANKS, commentSchema } from "@/lib/comments/schema";

const submit = defineAction({ role: null, schema: commentSchema }, async (input, ctx) => {
  await submitComment(input, ctx);
  return { ok: true, message: COMMENT_THANKS };
});

/**
 * A reader's comment (no sign-in): stored as pending for moderation. A
 * filled-in honeypot gets the same thank-you as a person before anything is
 * checked, so a bot learns nothing, and nothing is stored. The per-IP rate
 * limit is in submitComment. Nothing is revalidated: a pending comment
 * changes no public page; the moderator's approval refreshes the story.
 */
export async function submitCommentAction(previous: FormState, formData: FormData): Promise<FormState> {
  const honeypot = formData.get("website");
  if (typeof honeypot === "string" && honeypot.trim() !== "") return { ok: true, message: COMMENT_THANKS };
  return submit(previous, formData);
}
