"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/form";
import { ErrorSummary, SelectField, TextField } from "@/components/form/fields";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

const ROLE_OPTIONS = [
  { value: "contributor", label: "Contributor (staff expert)" },
  { value: "editor", label: "Editor (press office)" },
  { value: "admin", label: "Administrator" },
] as const;

export function CreateUserForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} noValidate>
      <ErrorSummary notice state={state} idPrefix="new" />
      <TextField idPrefix="new" name="email" label="Email address" type="email" autoComplete="off" state={state} />
      <TextField idPrefix="new" name="name" label="Full name" state={state} />
      <SelectField idPrefix="new" name="role" label="Role" options={ROLE_OPTIONS} defaultValue="contributor" state={state} />
      <TextField
        idPrefix="new"
        name="password"
        label="Initial password (optional)"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters. Leave blank to generate one, shown once."
        state={state}
      />
      <button type="submit" disabled={pending}>Create account</button>
    </form>
  );
}

/** Role select + button for one user row. */
export function ChangeRoleForm({ action, userId, role, userName }: { action: Action; userId: number; role: string; userName: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  const prefix = `role-${userId}-`;
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={`${prefix}role`} className="visually-hidden">
        Role of {userName}
      </label>
      <select id={`${prefix}role`} name="role" defaultValue={role}>
        {ROLE_OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <button type="submit" className="button button--secondary" disabled={pending}>
        Change role<span className="visually-hidden"> of {userName}</span>
      </button>
      {state.message ? (
        <p className={state.ok ? "inline-form__ok" : "field-error"} role={state.ok ? "status" : "alert"}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
