"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/fields";
import { FileField } from "@/components/media/file-field";
import type { FormState } from "@/lib/action";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * Upload (or replace) and remove a video's WebVTT captions. Its own forms,
 * not fields of the story form: a file cannot ride on the story's autosave,
 * and captions do not make an open edit stale. The actions arrive bound to
 * the story id.
 */
export function CaptionsForm({ upload, remove, captionsUrl }: { upload: Action; remove: Action; captionsUrl: string | null }) {
  const [state, uploadAction, pending] = useActionState(upload, {});
  const [removed, removeAction, removing] = useActionState(remove, {});
  const fileError = state.ok ? undefined : state.errors?.file;
  return (
    <>
      <ErrorSummary notice state={state} idPrefix="captions" />
      <ErrorSummary notice state={removed} idPrefix="captions" />
      <p>
        {captionsUrl ? (
          <a href={captionsUrl}>Open the current captions file</a>
        ) : (
          "This video has no captions yet. Captions are shown to viewers as an English track, on by default."
        )}
      </p>
      <form action={uploadAction} noValidate>
        <FileField
          id="captions-file"
          label="Captions file"
          accept=".vtt,text/vtt"
          hint={<>A WebVTT file (.vtt, starting “WEBVTT”), UTF-8, up to 1 MB.{captionsUrl ? " It replaces the current captions." : ""}</>}
          error={fileError}
        />
        <button type="submit" disabled={pending}>{pending ? "Uploading…" : "Upload captions"}</button>
      </form>
      {captionsUrl ? (
        <form action={removeAction}>
          <button type="submit" className="button--secondary" disabled={removing}>{removing ? "Removing…" : "Remove captions"}</button>
        </form>
      ) : null}
    </>
  );
}
