"use client";

import { useActionState, useId } from "react";
import type { FormState } from "@/lib/form";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** Hidden fields that name the record and the change. */
  fields: Record<string, string>;
  label: string;
  /** Adds the record's name for screen-reader users, e.g. "Disable" + "Jane Doe". */
  context?: string;
  variant?: "secondary" | "danger";
  /**
   * A required "I understand…" checkbox (name "confirm") before the button,
   * for changes that are hard to undo. A checkbox rather than
   * window.confirm, so it works without JavaScript; the action checks it too.
   */
  confirm?: string;
};

/** A one-button form (disable, approve…) that shows the action's answer next to it. */
export function ActionButton({ action, fields, label, context, variant = "secondary", confirm }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const id = useId();
  const confirmError = confirm ? state.errors?.confirm : undefined;
  return (
    <form action={formAction} className="inline-form">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {confirm ? (
        <span className="inline-form__confirm">
          <input
            type="checkbox"
            id={`${id}-confirm`}
            name="confirm"
            required
            aria-invalid={confirmError ? true : undefined}
            aria-describedby={confirmError ? `${id}-confirm-error` : undefined}
          />{" "}
          <label htmlFor={`${id}-confirm`}>{confirm}</label>
          {confirmError ? (
            <span id={`${id}-confirm-error`} className="field-error">
              {confirmError}
            </span>
          ) : null}
        </span>
      ) : null}
      <button type="submit" className={`button button--${variant}`} disabled={pending}>
        {label}
        {context ? <span className="visually-hidden"> {context}</span> : null}
      </button>
      {state.message && !confirmError ? (
        <p className={state.ok ? "inline-form__ok" : "field-error"} role={state.ok ? "status" : "alert"}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
