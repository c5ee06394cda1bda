"use server";

import { AuthError } from "@/lib/auth/guard";
import { handleForm, type FormState } from "@/lib/form";
import { clientIp } from "@/lib/request";
import { importSnippetAsDraft } from "@/lib/stories/import";
import { importSnippetSchema } from "@/lib/validation/import";

/** Paste → a draft expert comment (guest experts, syndication fields, revision, audit), then the story editor. */
export async function importSnippetAction(_state: FormState, formData: FormData): Promise<FormState> {
  return handleForm({
    role: "contributor",
    schema: importSnippetSchema,
    formData,
    write: async (input, user) => {
      if (!user) throw new AuthError(401, "Please sign in.");
      const { storyId } = importSnippetAsDraft(input.snippet, user, { ip: await clientIp() });
      return { redirectTo: `/editor/stories/${storyId}/edit?imported=1` };
    },
  });
}
