"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/fields";
import type { FormState } from "@/lib/form";
import { MediaDetailsFields, type MediaDetailsValues } from "./media-fields";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export function MediaDetailsForm({ action, values }: { action: Action; values: MediaDetailsValues }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} noValidate>
      <ErrorSummary notice state={state} />
      <MediaDetailsFields state={state} values={values} />
      <button type="submit" disabled={pending}>Save details</button>
    </form>
  );
}
