"use server";

import { z } from "zod";
import { FormError, formValues, handleForm, type FormState } from "@/lib/form";
import type { StoryFormState } from "@/lib/stories/form-state";
import { clientIp } from "@/lib/request";
import { createDraft, createGuestExpert, saveStory, StaleEditError, type CurrentVersion } from "@/lib/stories/editor";
import type { GuestExpert } from "@/lib/stories/editor";
import { createPreviewLink, restoreRevision } from "@/lib/stories/editor";
import { STORY_ACTIONS, type StoryAction } from "@/lib/stories/workflow";
import {
  guestExpertSchema,
  newStorySchema,
  previewLinkSchema,
  restoreSchema,
  storySchema,
  transitionFieldsSchema,
} from "@/lib/validation/story";

const saveWithTransition = storySchema.and(transitionFieldsSchema);

function intentOf(formData: FormData): StoryAction | "save" | "add-guest" | "add-author" {
  const intent = String(formData.get("intent") ?? "save");
  if (intent === "add-guest" || intent === "add-author") return intent;
  return STORY_ACTIONS.find((a) => a === intent) ?? "save";
}

/** "Add guest expert" inside the story form: creates the person and puts them in the byline, saving nothing else. */
async function addGuestExpert(formData: FormData): Promise<StoryFormState> {
  let added: GuestExpert | undefined;
  const state = await handleForm({
    role: "contributor",
    schema: guestExpertSchema,
    formData,
    write: async (input, user) => {
      added = createGuestExpert(input, user!, { ip: await clientIp() });
      return { ok: true, message: `${added.name} has been added as a guest expert and to the byline. Save the story to keep the change.` };
    },
  });
  if (!added) return state;
  const values = formValues(formData);
  const authorIds = [values.authorIds ?? []].flat().filter((v) => v !== "");
  return {
    ...state,
    values: { ...values, authorIds: [...authorIds, String(added.id)], guestName: "", guestJobTitle: "", guestInstitution: "" },
    addedPerson: added,
  };
}

const addAuthorSchema = z.object({ addAuthorId: z.coerce.number({ error: "Choose an expert to add." }).int().positive("Choose an expert to add.") });

/**
 * "Add" beside the expert list, when JavaScript is off: returns the form as
 * typed with that expert appended to the byline. Nothing is saved.
 */
async function addExistingAuthor(formData: FormData): Promise<StoryFormState> {
  const state = await handleForm({
    role: "contributor",
    schema: addAuthorSchema,
    formData,
    write: () => ({ ok: true, message: "The expert has been added to the byline. Save the story to keep the change." }),
  });
  const values = formValues(formData);
  if (!state.ok) return { ...state, values, errors: { authorIds: state.errors?.addAuthorId ?? "Choose an expert to add." } };
  const authorIds = [values.authorIds ?? []].flat().filter((v) => v !== "");
  const added = String(values.addAuthorId);
  return { ...state, values: { ...values, authorIds: authorIds.includes(added) ? authorIds : [...authorIds, added], addAuthorId: "" } };
}

export async function createStoryAction(_prev: StoryFormState, formData: FormData): Promise<StoryFormState> {
  if (intentOf(formData) === "add-guest") return addGuestExpert(formData);
  if (intentOf(formData) === "add-author") return addExistingAuthor(formData);
  return handleForm({
    role: "contributor",
    schema: newStorySchema,
    formData,
    write: async (input, user) => {
      const created = createDraft(input, user!, { ip: await clientIp() });
      return { redirectTo: `/editor/stories/${created.id}/edit?done=created` };
    },
  });
}

/**
 * The story form's one action. The button pressed (`intent`) says whether
 * to just save or also take a workflow step; both happen in one transaction.
 */
export async function saveStoryAction(_prev: StoryFormState, formData: FormData): Promise<StoryFormState> {
  const intent = intentOf(formData);
  if (intent === "add-guest") return addGuestExpert(formData);
  if (intent === "add-author") return addExistingAuthor(formData);
  let conflict: CurrentVersion | undefined;
  const state = await handleForm({
    role: "contributor",
    schema: saveWithTransition,
    formData,
    write: async (input, user) => {
      const transition =
        intent === "save"
          ? undefined
          : { action: intent, note: input.note, publishAt: input.publishAt, unpublishAt: input.unpublishAt, a11yOverride: input.a11yOverride };
      try {
        const saved = await saveStory(input, user!, { ip: await clientIp(), transition });
        return { redirectTo: `/editor/stories/${saved.id}/edit?done=${intent}` };
      } catch (error) {
        if (!(error instanceof StaleEditError)) throw error;
        conflict = error.current;
        throw new FormError(error.message);
      }
    },
  });
  return conflict ? { ...state, conflict } : state;
}

export async function restoreRevisionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm({
    role: "contributor",
    schema: restoreSchema,
    formData,
    write: async (input, user) => {
      restoreRevision(input.id, input.revisionId, user!, { ip: await clientIp() });
      return { redirectTo: `/editor/stories/${input.id}/history?done=restored` };
    },
  });
}

export async function createPreviewLinkAction(_prev: StoryFormState, formData: FormData): Promise<StoryFormState> {
  return handleForm({
    role: "editor",
    schema: previewLinkSchema,
    formData,
    write: async (input, user) => {
      const link = createPreviewLink(input.id, input.hours, user!, { ip: await clientIp() });
      return {
        ok: true,
        message: "Preview link created. Copy it now: for security it will not be shown again.",
        previewUrl: link.url,
        previewExpiresAt: link.expiresAt,
      } satisfies StoryFormState;
    },
  });
}
