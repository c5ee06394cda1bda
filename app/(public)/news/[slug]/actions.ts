"use server";

import { submitComment } from "@/lib/comments";
import { handleForm, type FormState } from "@/lib/form";
import { clientIp } from "@/lib/request";
import { COMMENT_THANKS, commentSchema } from "@/lib/validation/comment";

/**
 * A reader's comment (no sign-in): stored as pending for moderation. A
 * filled-in honeypot gets the same thank-you as a person, so a bot learns
 * nothing, but nothing is stored. The per-IP rate limit is in submitComment.
 * Nothing is revalidated: a pending comment changes no public page; the
 * moderator's approval revalidates tags.comments(storyId).
 */
export async function submitCommentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const honeypot = formData.get("website");
  if (typeof honeypot === "string" && honeypot.trim() !== "") return { ok: true, message: COMMENT_THANKS };
  return handleForm({
    role: null,
    schema: commentSchema,
    formData,
    write: async (input) => {
      submitComment(input, { ip: await clientIp() });
      return { ok: true, message: COMMENT_THANKS };
    },
  });
}
