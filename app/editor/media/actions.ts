"use server";

import { AuthError } from "@/lib/auth/guard";
import { FormError, formValues, handleForm, type FormState } from "@/lib/form";
import { MAX_UPLOAD_BYTES } from "@/lib/media/image-check";
import { updateMediaDetails } from "@/lib/media/library";
import { storeUpload } from "@/lib/media/upload";
import { clientIp } from "@/lib/request";
import { mediaDetailsSchema, mediaUploadSchema } from "@/lib/validation/media";

const CHOOSE_FILE = "Choose an image file to upload.";

/**
 * Upload: role and details are checked first (handleForm), then the file
 * from its bytes in lib/media/upload (never its name or declared type).
 */
export async function uploadMediaAction(_state: FormState, formData: FormData): Promise<FormState> {
  return handleForm({
    role: "contributor",
    schema: mediaUploadSchema,
    formData,
    write: async (input, user) => {
      if (!user) throw new AuthError(401, "Please sign in.");
      const file = formData.get("file");
      if (!(file instanceof File) || file.size === 0) throw new FormError(CHOOSE_FILE, { file: CHOOSE_FILE });
      if (file.size > MAX_UPLOAD_BYTES) {
        const message = `This file is ${(file.size / 1024 / 1024).toFixed(1)} MB; images must be 10 MB or smaller.`;
        throw new FormError(message, { file: message });
      }
      const bytes = Buffer.from(await file.arrayBuffer());
      const item = await storeUpload({ ...input, bytes }, user, { ip: await clientIp() });
      return { redirectTo: `/editor/media/${item.id}?uploaded=1` };
    },
  });
}

/** Edit alt text, caption, credit, licence and rights expiry (bound to the media id). */
export async function updateMediaAction(id: number, _state: FormState, formData: FormData): Promise<FormState> {
  return handleForm({
    role: "contributor",
    schema: mediaDetailsSchema,
    formData,
    write: async (input, user) => {
      if (!user) throw new AuthError(401, "Please sign in.");
      updateMediaDetails(id, input, user, { ip: await clientIp() });
      // Echo what was saved: React resets the form after the action, and the page's props are from before the save.
      return { ok: true, message: "The image details have been saved.", values: formValues(formData) };
    },
  });
}
