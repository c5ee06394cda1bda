"use client";

import { useActionState } from "react";

type FormState = { ok?: boolean; message?: string; errors?: Record<string, string> };
type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** The confirmation step before an event is deleted: nothing happens unless the box is ticked. */
export function EventDeleteForm({ action, id, title }: { action: Action; id: number; title: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  const error = state.errors?.confirm;
  return (
    <form action={formAction}>
      {state.message && !error && (
        <div className="error-summary" role="alert">
          <p>{state.message}</p>
        </div>
      )}
      <input type="hidden" name="id" value={id} />
      <div className="field">
        {error && (
          <p className="field-error" id="field-confirm-error" role="alert">
            <span className="visually-hidden">Error: </span>
            {error}
          </p>
        )}
        <input
          type="checkbox"
          id="field-confirm"
          name="confirm"
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "field-confirm-error" : undefined}
        />{" "}
        <label htmlFor="field-confirm" className="inline-label">
          Yes, delete “{title}” and its revision history. This cannot be undone.
        </label>
      </div>
      <button type="submit" className="button button--danger" disabled={pending}>
        Delete event
      </button>
    </form>
  );
}
