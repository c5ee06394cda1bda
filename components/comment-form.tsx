"use client";

import { useActionState, useEffect, useRef } from "react";
import { Honeypot } from "@/components/form/honeypot";
import { ErrorSummary, Field, errorFor, valueOf, type FormState } from "@/components/form/fields";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  storyId: number;
};

const LABELS: Record<string, string> = { name: "Name", email: "Email address", body: "Comment" };

/**
 * The public comment form. A plain form posting to a server action, so it
 * works without JavaScript; on a refusal the action returns what was typed
 * and every field keeps its value. The "website" field is a honeypot.
 */
export function CommentForm({ action, storyId }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const summary = useRef<HTMLDivElement>(null);
  const thanks = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.message && !state.ok) summary.current?.focus();
    if (state.ok) thanks.current?.focus();
  }, [state]);

  const v = state.values;
  const e = state.errors;
  return (
    <>
      {state.ok && state.message && (
        <div className="notice notice--success" role="status" tabIndex={-1} ref={thanks}>
          <p>{state.message}</p>
        </div>
      )}
      {/* The key remounts the form with the returned values after each answer (React resets forms after an action). */}
      <form action={formAction} noValidate className="comment-form" key={JSON.stringify(v ?? {})} aria-labelledby="comment-form-heading">
        <h3 id="comment-form-heading">Leave a comment</h3>
        <p className="field-hint">
          Comments are checked by a moderator before they appear. Your email address is never shown.
        </p>
        <ErrorSummary state={state} labels={LABELS} idPrefix="comment" summaryRef={summary} />
        <input type="hidden" name="storyId" value={storyId} />
        <Field name="name" label={LABELS.name} idPrefix="comment" error={errorFor(e, "name")}>
          {(p) => <input {...p} type="text" autoComplete="name" maxLength={80} defaultValue={valueOf(v, "name")} />}
        </Field>
        <Field name="email" label={LABELS.email} idPrefix="comment" hint="For the moderators only; it is never published." error={errorFor(e, "email")}>
          {(p) => <input {...p} type="email" autoComplete="email" spellCheck={false} defaultValue={valueOf(v, "email")} />}
        </Field>
        <Field name="body" label={LABELS.body} idPrefix="comment" hint="Up to 4,000 characters. Plain text: links and formatting are not shown." error={errorFor(e, "body")}>
          {(p) => <textarea {...p} rows={6} maxLength={4000} defaultValue={valueOf(v, "body")} />}
        </Field>
        <Honeypot id="comment-website" label="Website" />
        <button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Send comment"}
        </button>
      </form>
    </>
  );
}
