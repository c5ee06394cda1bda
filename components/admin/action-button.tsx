"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/form";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** Hidden fields that name the record and the change. */
  fields: Record<string, string>;
  label: string;
  /** Adds the record's name for screen-reader users, e.g. "Disable" + "Jane Doe". */
  context?: string;
  variant?: "secondary" | "danger";
};

/** A one-button form (disable, approve…) that shows the action's answer next to it. */
export function ActionButton({ action, fields, label, context, variant = "secondary" }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="inline-form">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={`button button--${variant}`} disabled={pending}>
        {label}
        {context ? <span className="visually-hidden"> {context}</span> : null}
      </button>
      {state.message ? (
        <p className={state.ok ? "inline-form__ok" : "field-error"} role={state.ok ? "status" : "alert"}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
