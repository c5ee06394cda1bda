"use server";

import { z } from "zod";
import { defineAction } from "@/lib/action";
import { createDraft, createGuestExpert, restoreRevision, saveStory } from "@/lib/stories/editor";
import type { StoryFormState } from "@/lib/stories/form-state";
import { createPreviewLink } from "@/lib/stories/preview";
import {
  guestExpertSchema,
  newStorySchema,
  previewLinkSchema,
  restoreSchema,
  storySchema,
  transitionFieldsSchema,
} from "@/lib/stories/schema";
import { STORY_ACTIONS, type StoryAction } from "@/lib/stories/workflow";

/** The button pressed: a workflow step, plain save, or one of the byline helpers. */
function intentOf(posted: unknown): StoryAction | "save" | "add-guest" | "add-author" {
  const intent = String(posted ?? "save");
  if (intent === "add-guest" || intent === "add-author") return intent;
  return STORY_ACTIONS.find((a) => a === intent) ?? "save";
}

const typedAuthorIds = (values: Record<string, string | string[]>): string[] => [values.authorIds ?? []].flat().filter((v) => v !== "");

/** "Add guest expert" inside the story form: creates the person and puts them in the byline, saving nothing else. */
const addGuestExpert = defineAction({ role: "contributor", schema: guestExpertSchema }, async (input, ctx): Promise<StoryFormState> => {
  const added = await createGuestExpert(input, ctx);
  return {
    ok: true,
    message: `${added.name} has been added as a guest expert and to the byline. Save the story to keep the change.`,
    values: { ...ctx.values, authorIds: [...typedAuthorIds(ctx.values), String(added.id)], guestName: "", guestJobTitle: "", guestInstitution: "" },
    addedPerson: added,
  };
});

const addAuthorSchema = z.object({ addAuthorId: z.coerce.number({ error: "Choose an expert to add." }).int().positive("Choose an expert to add.") });

const addAuthor = defineAction({ role: "contributor", schema: addAuthorSchema }, (_input, { values }) => {
  const authorIds = typedAuthorIds(values);
  const added = String(values.addAuthorId);
  return {
    ok: true,
    message: "The expert has been added to the byline. Save the story to keep the change.",
    values: { ...values, authorIds: authorIds.includes(added) ? authorIds : [...authorIds, added], addAuthorId: "" },
  };
});

/**
 * "Add" beside the expert list, when JavaScript is off: returns the form as
 * typed with that expert appended to the byline. Nothing is saved. A refusal
 * marks the byline, where the picker is.
 */
async function addExistingAuthor(formData: FormData): Promise<StoryFormState> {
  const state = await addAuthor({}, formData);
  if (state.ok) return state;
  return { ...state, errors: { authorIds: state.errors?.addAuthorId ?? "Choose an expert to add." } };
}

const createDraftAction = defineAction({ role: "contributor", schema: newStorySchema }, async (input, ctx) => ({
  redirectTo: `/editor/stories/${(await createDraft(input, ctx)).id}/edit?done=created`,
}));

export async function createStoryAction(prev: StoryFormState, formData: FormData): Promise<StoryFormState> {
  const intent = intentOf(formData.get("intent"));
  if (intent === "add-guest") return addGuestExpert(prev, formData);
  if (intent === "add-author") return addExistingAuthor(formData);
  return createDraftAction(prev, formData);
}

/**
 * Save, and the workflow step the button pressed names, in one transaction.
 * A stale save comes back from defineAction with the newer version as
 * `conflict` (the ConflictError's `current`), which the form shows beside
 * what was typed.
 */
const saveAndStep = defineAction({ role: "contributor", schema: storySchema.and(transitionFieldsSchema) }, async (input, ctx) => {
  const intent = intentOf(ctx.values.intent);
  const transition =
    intent === "save" || intent === "add-guest" || intent === "add-author"
      ? undefined
      : { action: intent, note: input.note, publishAt: input.publishAt, unpublishAt: input.unpublishAt, a11yOverride: input.a11yOverride };
  const saved = await saveStory({ ...input, transition }, ctx);
  return { redirectTo: `/editor/stories/${saved.id}/edit?done=${intent}` };
});

/**
 * The story form's one action. The button pressed (`intent`) says whether
 * to just save or also take a workflow step; both happen in one transaction.
 */
export async function saveStoryAction(prev: StoryFormState, formData: FormData): Promise<StoryFormState> {
  const intent = intentOf(formData.get("intent"));
  if (intent === "add-guest") return addGuestExpert(prev, formData);
  if (intent === "add-author") return addExistingAuthor(formData);
  return saveAndStep(prev, formData);
}

export const restoreRevisionAction = defineAction({ role: "contributor", schema: restoreSchema }, async (input, ctx) => {
  await restoreRevision(input, ctx);
  return { redirectTo: `/editor/stories/${input.id}/history?done=restored` };
});

export const createPreviewLinkAction = defineAction({ role: "editor", schema: previewLinkSchema }, async (input, ctx): Promise<StoryFormState> => {
  const link = await createPreviewLink(input, ctx);
  return {
    ok: true,
    message: "Preview link created. Copy it now: for security it will not be shown again.",
    previewUrl: link.url,
    previewExpiresAt: link.expiresAt,
  };
});

