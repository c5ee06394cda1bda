import { TextField, valueOf } from "@/components/form/fields";
import type { FormState } from "@/lib/form";

export type MediaDetailsValues = { altText: string; caption: string; credit: string; licence: string; rightsExpireAt: string };

/** The details every image carries; shared by the upload and edit forms. */
export function MediaDetailsFields({ state, values }: { state: FormState; values: MediaDetailsValues }) {
  const expiryError = state.errors?.rightsExpireAt;
  const expiryDescribedBy = ["rightsExpireAt-hint", expiryError ? "rightsExpireAt-error" : null].filter(Boolean).join(" ");
  return (
    <>
      <TextField
        name="altText"
        label="Alt text (required)"
        hint="Describe what the image shows for someone who cannot see it, in a sentence. Do not start with “Image of”."
        required
        multiline
        rows={2}
        defaultValue={values.altText}
        state={state}
      />
      <TextField name="caption" label="Caption (optional)" multiline rows={2} defaultValue={values.caption} state={state} />
      <TextField name="credit" label="Credit (optional)" hint="For example: Photo: Jane Doe / University of Harrowgate" defaultValue={values.credit} state={state} />
      <TextField name="licence" label="Licence (optional)" hint="For example: All rights reserved, CC BY 4.0" defaultValue={values.licence} state={state} />
      <div className="field">
        <label htmlFor="rightsExpireAt">Rights expire on (optional)</label>
        <p className="field-hint" id="rightsExpireAt-hint">
          The last day we may use the image. Leave empty if the rights do not expire.
        </p>
        {expiryError ? <p className="field-error" id="rightsExpireAt-error">{expiryError}</p> : null}
        <input
          type="date"
          id="rightsExpireAt"
          name="rightsExpireAt"
          defaultValue={valueOf(state.values, "rightsExpireAt", values.rightsExpireAt)}
          aria-describedby={expiryDescribedBy}
          aria-invalid={expiryError ? true : undefined}
        />
      </div>
    </>
  );
}
