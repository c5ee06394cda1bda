"use client";

import { useActionState } from "react";

type FormState = { ok?: boolean; message?: string; errors?: Record<string, string> };
type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * One button that posts to a server action (duplicate, cancel) with hidden
 * fields, and shows the action's message if it refuses. Works without
 * JavaScript because it is a plain form.
 */
export function EventActionButton({ action, fields, label, className = "button button--secondary" }: { action: Action; fields: Record<string, string>; label: string; className?: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="inline-form">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={className} disabled={pending}>
        {label}
      </button>
      {state.message && (
        <p className="field-error" role="alert">
          {state.message}
        </p>
      )}
    </form>
  );
}
