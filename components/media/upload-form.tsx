"use client";

import { useActionState } from "react";
import { ErrorSummary, SelectField } from "@/components/form/fields";
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
      <div className="field">
        <label htmlFor="file">Image file</label>
        <p className="field-hint" id="file-hint">
          JPEG, PNG, WebP or AVIF, up to 10 MB and 40 megapixels.
          {state.message && !state.ok ? " Please choose the file again." : ""}
        </p>
        {fileError ? <p className="field-error" id="file-error">{fileError}</p> : null}
        <input
          type="file"
          id="file"
          name="file"
          accept="image/jpeg,image/png,image/webp,image/avif"
          required
          aria-describedby={fileError ? "file-hint file-error" : "file-hint"}
          aria-invalid={fileError ? true : undefined}
        />
      </div>
      <MediaDetailsFields state={state} values={EMPTY} />
      {stories.length > 0 ? <SelectField name="storyId" label="For the story (optional)" options={options} state={state} /> : null}
      <button type="submit" disabled={pending}>{pending ? "Uploading…" : "Upload image"}</button>
    </form>
  );
}
