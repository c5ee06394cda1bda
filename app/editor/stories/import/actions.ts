"use server";

import { defineAction } from "@/lib/action";
import { importSnippetAsDraft } from "@/lib/stories/import";
import { importSnippetSchema } from "@/lib/stories/schema";

/** Paste → a draft expert comment (guest experts, syndication fields, revision, audit), then the story editor. */
export const importSnippetAction = defineAction({ role: "contributor", schema: importSnippetSchema }, async (input, ctx) => ({
  redirectTo: `/editor/stories/${(await importSnippetAsDraft(input, ctx)).storyId}/edit?imported=1`,
}));
