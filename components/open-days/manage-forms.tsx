"use client";

import { useActionState } from "react";
import { GuestsField } from "@/components/open-days/guests-field";
import { ErrorSummary, SelectField, errorFor, listOf, valueOf, type FormState } from "@/components/form/fields";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * The forms on a registrant's private page. Each posts to a server action
 * with the token in a hidden field, works without JavaScript and, when the
 * change is refused (e.g. not enough places), keeps what was chosen.
 */
export function ChangeBookingForm({
  action,
  token,
  guests,
  chosen,
  sessions,
}: {
  action: Action;
  token: string;
  guests: number;
  chosen: number[];
  sessions: { id: number; label: string; full: boolean }[];
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const v = state.values;
  const picked = new Set(v ? listOf(v, "sessionIds") : chosen.map(String));
  const sessionsError = errorFor(state.errors, "sessionIds");
  return (
    <form action={formAction} noValidate key={JSON.stringify(v ?? {})}>
      <ErrorSummary state={state} labels={{ guests: "Number of guests", sessionIds: "Sessions" }} idPrefix="change" />
      <input type="hidden" name="token" value={token} />
      <GuestsField hint="From 0 to 3. Each guest takes a place." error={errorFor(state.errors, "guests")} defaultValue={valueOf(v, "guests", String(guests))} idPrefix="change" />
      {sessions.length > 0 && (
        <fieldset className="field" aria-describedby={sessionsError ? "change-sessionIds-error" : undefined}>
          <legend id="change-sessionIds">Sessions</legend>
          {sessionsError && (
            <p className="field-error" id="change-sessionIds-error">
              <span className="visually-hidden">Error: </span>
              {sessionsError}
            </p>
          )}
          {sessions.map((s) => (
            <div className="checkbox" key={s.id}>
              <input type="checkbox" id={`change-session-${s.id}`} name="sessionIds" value={s.id} defaultChecked={picked.has(String(s.id))} />
              <label htmlFor={`change-session-${s.id}`}>
                {s.label}
                {s.full && " (full)"}
              </label>
            </div>
          ))}
        </fieldset>
      )}
      <button type="submit" disabled={pending}>
        Save changes
      </button>
    </form>
  );
}

export function MoveBookingForm({ action, token, options }: { action: Action; token: string; options: { value: string; label: string }[] }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} noValidate key={JSON.stringify(state.values ?? {})}>
      <ErrorSummary state={state} labels={{ openDayId: "New date" }} idPrefix="move" />
      <input type="hidden" name="token" value={token} />
      <SelectField
        name="openDayId"
        label="New date"
        hint="Your session choices do not carry over: choose sessions again after moving."
        state={state}
        idPrefix="move"
        options={[{ value: "", label: "Choose a date" }, ...options]}
      />
      <button type="submit" disabled={pending}>
        Move my booking
      </button>
    </form>
  );
}

export function CancelBookingForm({ action, token, backHref, dayTitle }: { action: Action; token: string; backHref: string; dayTitle: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="confirm-panel">
      <ErrorSummary state={state} labels={{}} />
      <input type="hidden" name="token" value={token} />
      <p>
        <strong>Are you sure you want to cancel your registration for {dayTitle}?</strong> Your place (and your guests&apos; places) will be offered to
        the waiting list.
      </p>
      <button type="submit" className="button button--danger" disabled={pending}>
        Yes, cancel my registration
      </button>{" "}
      <a href={backHref}>No, keep it</a>
    </form>
  );
}
