/**
 * What a form's server action returns to useActionState (lib/action.ts
 * defineAction builds it). Client-safe: forms import this type.
 */
export type FormState = {
  ok?: boolean;
  /** A message for the whole form (shown in the error summary or as a notice). */
  message?: string;
  /** First message per field name. */
  errors?: Record<string, string>;
  /** What the user typed, so the form can show it again. */
  values?: Record<string, string | string[]>;
};
