"use client";

import { useActionState, useEffect, useRef } from "react";
import { Honeypot } from "@/components/form/honeypot";
import { GuestsField } from "@/components/open-days/guests-field";
import { ErrorSummary, Field, errorFor, listOf, valueOf, type FormState } from "@/components/form/fields";

export type RegistrationState = FormState & {
  /** Only outcomes without a page of their own: a new booking redirects to its confirmation page. */
  outcome?: "duplicate" | "ignored";
};

type Props = {
  action: (state: RegistrationState, formData: FormData) => Promise<RegistrationState>;
  defaultLevel: string;
  subjects: string[];
  /** Pre-formatted so this client component needs no date code. */
  sessions: { id: number; label: string; full: boolean }[];
};

const LABELS: Record<string, string> = {
  name: "Full name",
  email: "Email address",
  level: "Level of study",
  subject: "Subject of interest",
  guests: "Number of guests",
  sessionIds: "Sessions",
  accessNeeds: "Access needs",
  consent: "Privacy notice",
};

/** The answer shown in place of the form when there is no booking page to go to (a duplicate, or a bot). */
function Answer({ state }: { state: RegistrationState }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="notice notice--success registration-confirmation" role="status" tabIndex={-1} ref={ref}>
      <h2>{state.outcome === "duplicate" ? "You're already registered" : "Thank you"}</h2>
      <p>{state.message}</p>
    </div>
  );
}

/**
 * The open-day registration form. A plain form posting to a server action:
 * it works without JavaScript, and on a refusal the action returns what was
 * typed so every field keeps its value, with a message per field.
 */
export function RegistrationForm({ action, defaultLevel, subjects, sessions }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.message && !state.ok) summary.current?.focus();
  }, [state]);
  if (state.ok) return <Answer state={state} />;

  const v = state.values;
  const e = state.errors;
  const chosen = new Set(listOf(v, "sessionIds"));
  const sessionsError = errorFor(e, "sessionIds");
  const consentError = errorFor(e, "consent");
  return (
    // The key remounts the form with the returned values after each refusal (React resets forms after an action).
    <form action={formAction} noValidate className="registration-form" key={JSON.stringify(v ?? {})}>
      <ErrorSummary state={state} labels={LABELS} summaryRef={summary} />
      <Field name="name" label={LABELS.name} error={errorFor(e, "name")}>
        {(p) => <input {...p} type="text" autoComplete="name" defaultValue={valueOf(v, "name")} />}
      </Field>
      <Field name="email" label={LABELS.email} hint="We send your confirmation and your private link to manage your booking here." error={errorFor(e, "email")}>
        {(p) => <input {...p} type="email" autoComplete="email" spellCheck={false} defaultValue={valueOf(v, "email")} />}
      </Field>
      <Field name="level" label={LABELS.level} error={errorFor(e, "level")}>
        {(p) => (
          <select {...p} defaultValue={valueOf(v, "level", defaultLevel)}>
            <option value="undergraduate">Undergraduate</option>
            <option value="postgraduate">Postgraduate</option>
          </select>
        )}
      </Field>
      <Field name="subject" label={LABELS.subject} hint="Optional." error={errorFor(e, "subject")}>
        {(p) => (
          <>
            <input {...p} type="text" list="subject-options" defaultValue={valueOf(v, "subject")} />
            <datalist id="subject-options">
              {subjects.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <GuestsField hint="Family or friends coming with you, from 0 to 3. Each guest takes a place." error={errorFor(e, "guests")} defaultValue={valueOf(v, "guests", "0")} />
      {sessions.length > 0 && (
        <fieldset className="field" aria-describedby={["sessions-hint", sessionsError ? "field-sessionIds-error" : ""].filter(Boolean).join(" ")}>
          <legend id="field-sessionIds">Sessions you would like to attend</legend>
          <p className="field-hint" id="sessions-hint">
            Optional: this becomes your personal programme. If a session you choose is full, you are still booked for the day and go on the waiting list for that session only.
          </p>
          {sessionsError && (
            <p className="field-error" id="field-sessionIds-error">
              <span className="visually-hidden">Error: </span>
              {sessionsError}
            </p>
          )}
          {sessions.map((s) => (
            <div className="checkbox" key={s.id}>
              <input type="checkbox" id={`session-${s.id}`} name="sessionIds" value={s.id} defaultChecked={chosen.has(String(s.id))} />
              <label htmlFor={`session-${s.id}`}>
                {s.label}
                {s.full && " (full: waiting list)"}
              </label>
            </div>
          ))}
        </fieldset>
      )}
      <Field name="accessNeeds" label={LABELS.accessNeeds} hint="Optional. Tell us anything we can do to make your visit easier." error={errorFor(e, "accessNeeds")}>
        {(p) => <textarea {...p} rows={3} defaultValue={valueOf(v, "accessNeeds")} />}
      </Field>
      <div className="field checkbox">
        <input
          type="checkbox"
          id="field-consent"
          name="consent"
          value="on"
          defaultChecked={valueOf(v, "consent") === "on"}
          aria-invalid={consentError ? true : undefined}
          aria-describedby={consentError ? "field-consent-error" : undefined}
        />
        <label htmlFor="field-consent">
          I have read the <a href="/privacy">privacy notice</a> and agree to my details being used to manage my registration.
        </label>
        {consentError && (
          <p className="field-error" id="field-consent-error">
            <span className="visually-hidden">Error: </span>
            {consentError}
          </p>
        )}
      </div>
      <Honeypot id="field-website" label="Leave this empty" />
      <button type="submit" disabled={pending}>
        {pending ? "Registering…" : "Register"}
      </button>
    </form>
  );
}
