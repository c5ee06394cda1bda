"use server";

import { revalidatePath } from "next/cache";
import { revalidate, tags } from "@/lib/cache";
import { moderateComments } from "@/lib/comments-moderation";
import { handleForm, type FormState } from "@/lib/form";
import { clientIp } from "@/lib/request";
import { moderateCommentsSchema } from "@/lib/validation/comment-moderation";

/** Approve or reject one comment or a ticked batch (the clicked button names the decision). */
export async function moderateCommentsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return handleForm({
    role: "editor",
    schema: moderateCommentsSchema,
    formData,
    write: async (input, user) => {
      const { changed, storyIds } = moderateComments(input.commentIds, input.decision, user!, await clientIp());
      revalidate(...storyIds.map((id) => tags.comments(id)));
      revalidatePath("/editor/comments");
      const verb = input.decision === "approve" ? "approved" : "rejected";
      return { ok: true, message: changed === 1 ? `1 comment ${verb}.` : `${changed} comments ${verb}.` };
    },
  });
}
