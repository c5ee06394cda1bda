"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { moderateComments } from "@/lib/comments/moderation";
import { moderateCommentsSchema } from "@/lib/comments/schema";

/** Approve or reject one comment or a ticked batch (the clicked button names the decision). */
export const moderateCommentsAction = defineAction({ role: "editor", schema: moderateCommentsSchema }, async (input, ctx) => {
  const { changed } = await moderateComments(input, ctx);
  revalidatePath("/editor/comments");
  const verb = input.decision === "approve" ? "approved" : "rejected";
  return { ok: true, message: changed === 1 ? `1 comment ${verb}.` : `${changed} comments ${verb}.` };
});
