"use client";

import { useActionState } from "react";
import { ErrorSummary, TextField } from "@/components/form/fields";
import type { FormState } from "@/lib/form";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** The paste box for a republishing snippet; works without JavaScript (a plain form post). */
export function ImportSnippetForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} noValidate>
      <ErrorSummary notice state={state} />
      <TextField
        name="snippet"
        label="Republishing snippet (HTML)"
        hint="On the original article choose “Republish this article”, copy the HTML it shows and paste all of it here."
        multiline
        rows={16}
        required
        state={state}
      />
      <button type="submit" disabled={pending}>Create draft from snippet</button>
    </form>
  );
}
