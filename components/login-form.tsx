"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/form";
import { ErrorSummary, TextField } from "@/components/form/fields";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** Where to go after signing in (checked again on the server). */
  next: string;
  initialState?: FormState;
};

/** Staff sign-in. Works without JavaScript: the form posts to the server action. */
export function LoginForm({ action, next, initialState = {} }: Props) {
  const [state, formAction, pending] = useActionState(action, initialState);
  return (
    <form action={formAction} noValidate className="login-form">
      <ErrorSummary notice state={state} />
      <input type="hidden" name="next" value={next} />
      <TextField name="email" label="Email address" type="email" autoComplete="username" required state={state} />
      <TextField name="password" label="Password" type="password" autoComplete="current-password" required state={state} />
      <button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
