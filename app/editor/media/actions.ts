"use server";

import { defineAction } from "@/lib/action";
import { InvalidError } from "@/lib/errors";
import { MAX_UPLOAD_BYTES } from "@/lib/media/image-check";
import { updateMediaDetails } from "@/lib/media/library";
import { removeCaptions, storeCaptions } from "@/lib/media/captions-upload";
import { storeUpload } from "@/lib/media/upload";
import { captionsFormSchema, mediaDetailsSchema, mediaUploadSchema } from "@/lib/media/schema";

const CHOOSE_FILE = "Choose an image file to upload.";

/** The form's file, or a message on the file field when none was chosen. */
function chosenFile(formData: FormData, message: string): File {
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) throw new InvalidError(message, { file: message });
  return file;
}

/**
 * Upload: role and details are checked first (defineAction), then the file
 * from its bytes in lib/media/upload (never its name or declared type).
 */
export const uploadMediaAction = defineAction({ role: "contributor", schema: mediaUploadSchema }, async (input, ctx) => {
  const file = chosenFile(ctx.formData, CHOOSE_FILE);
  if (file.size > MAX_UPLOAD_BYTES) {
    const message = `This file is ${(file.size / 1024 / 1024).toFixed(1)} MB; images must be 10 MB or smaller.`;
    throw new InvalidError(message, { file: message });
  }
  const bytes = Buffer.from(await file.arrayBuffer());
  const item = await storeUpload({ ...input, bytes }, ctx);
  return { redirectTo: `/editor/media/${item.id}?uploaded=1` };
});

/** Edit alt text, caption, credit, licence and rights expiry (bound to the media id). */
export const updateMediaAction = defineAction<typeof mediaDetailsSchema, "contributor", [id: number]>(
  { role: "contributor", schema: mediaDetailsSchema },
  async (input, ctx) => {
    const [id] = ctx.args;
    await updateMediaDetails({ ...input, id }, ctx);
    // Echo what was saved: React resets the form after the action, and the page's props are from before the save.
    return { ok: true, message: "The image details have been saved.", values: ctx.values };
  },
);

const CHOOSE_CAPTIONS = "Choose a WebVTT captions file (.vtt) to upload.";

/** Attach (or replace) a video story's WebVTT captions (bound to the story id); lib/media/captions-upload checks who may and the bytes. */
export const uploadCaptionsAction = defineAction<typeof captionsFormSchema, "contributor", [storyId: number]>(
  { role: "contributor", schema: captionsFormSchema },
  async (_input, ctx) => {
    const [storyId] = ctx.args;
    const file = chosenFile(ctx.formData, CHOOSE_CAPTIONS);
    const bytes = Buffer.from(await file.arrayBuffer());
    await storeCaptions({ storyId, bytes, fileName: file.name, mimeType: file.type }, ctx);
    return { ok: true, message: "The captions have been added." };
  },
);

/** Take the captions off a story (bound to the story id). */
export const removeCaptionsAction = defineAction<typeof captionsFormSchema, "contributor", [storyId: number]>(
  { role: "contributor", schema: captionsFormSchema },
  async (_input, ctx) => {
    const [storyId] = ctx.args;
    await removeCaptions({ storyId }, ctx);
    return { ok: true, message: "The captions have been removed." };
  },
);
