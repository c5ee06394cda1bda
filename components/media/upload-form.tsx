"use client";

import { useActionState } from "react";
import { ErrorSummary, SelectField } from "@/components/form/fields";
import { FileField } from "@/components/media/file-field";
import type { FormState } from "@/lib/form";
import { MediaDetailsFields } from "./media-fields";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

const EMPTY = { altText: "", caption: "", credit: "", licence: "", rightsExpireAt: "" };

/**
 * Upload an image with its details. A browser cannot refill a file input,
 * so after a refusal the details are kept and only the file must be chosen again.
 */
export function MediaUploadForm({ action, stories }: { action: Action; stories: { id: number; title: string }[] }) {
  const [state, formAction, pending] = useActionState(action, {});
  const fileError = state.errors?.file;
  const options = [{ value: "", label: "Not for a particular story" }, ...stories.map((s) => ({ value: String(s.id), label: s.title }))];
  return (
    <form action={formAction} noValidate>
      <ErrorSummary notice state={state} />
      <FileField
        id="file"
        label="Image file"
        accept="image/jpeg,image/png,image/webp,image/avif"
        hint={
          <>
            JPEG, PNG, WebP or AVIF, up to 10 MB and 40 megapixels.
            {state.message && !state.ok ? " Please choose the file again." : ""}
          </>
        }
        error={fileError}
      />
      <MediaDetailsFields state={state} values={EMPTY} />
      {stories.length > 0 ? <SelectField name="storyId" label="For the story (optional)" options={options} state={state} /> : null}
      <button type="submit" disabled={pending}>{pending ? "Uploading…" : "Upload image"}</button>
    </form>
  );
}
