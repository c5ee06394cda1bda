"use client";

import { useActionState, useEffect, useRef } from "react";
import { ErrorSummary, Field, errorFor, valueOf, type FormState } from "@/components/form/fields";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** Flat form values to start from: the saved open day when editing (`sessions.<n>.<field>` for the programme). */
  initial: Record<string, string>;
  sessionRows: number;
  submitLabel: string;
  timeZone: string;
};

const LABELS: Record<string, string> = {
  title: "Title",
  slug: "Web address",
  level: "Level",
  campus: "Campus",
  summary: "Summary",
  travelInfo: "Travel and accessibility",
  subjects: "Subjects",
  startsAt: "Starts",
  endsAt: "Ends",
  capacity: "Places",
  status: "Status",
};

const SESSION_FIELDS = [
  { key: "title", label: "Title", type: "text" },
  { key: "start", label: "Starts (hh:mm)", type: "time" },
  { key: "end", label: "Ends (hh:mm)", type: "time" },
  { key: "room", label: "Room", type: "text" },
  { key: "capacity", label: "Places (blank: no limit)", type: "number" },
  { key: "description", label: "Description", type: "text" },
] as const;

/** The editor's open-day form with a fixed number of programme rows, so it needs no JavaScript. */
export function OpenDayForm({ action, initial, sessionRows, submitLabel, timeZone }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.message) summary.current?.focus();
  }, [state]);
  const v = state.values ?? initial;
  const e = state.errors;
  const text = (name: string, type = "text", hint?: string) => (
    <Field name={name} label={LABELS[name]} hint={hint} error={errorFor(e, name)}>
      {(p) => <input {...p} type={type} defaultValue={valueOf(v, name)} />}
    </Field>
  );
  return (
    <form action={formAction} noValidate className="open-day-form" key={JSON.stringify(state.values ?? {})}>
      <ErrorSummary state={state} labels={LABELS} summaryRef={summary} />
      <input type="hidden" name="version" value={valueOf(v, "version", "0")} />
      {text("title")}
      {text("slug", "text", "Lower-case letters, numbers and hyphens. Leave blank to make one from the title.")}
      <Field name="level" label={LABELS.level} error={errorFor(e, "level")}>
        {(p) => (
          <select {...p} defaultValue={valueOf(v, "level", "undergraduate")}>
            <option value="undergraduate">Undergraduate</option>
            <option value="postgraduate">Postgraduate</option>
          </select>
        )}
      </Field>
      {text("campus")}
      {text("startsAt", "datetime-local", `Date and time in ${timeZone}.`)}
      {text("endsAt", "datetime-local", `Date and time in ${timeZone}.`)}
      {text("capacity", "number", "People the day can take: each registrant plus their guests.")}
      <Field name="subjects" label={LABELS.subjects} hint="Separate subjects with commas." error={errorFor(e, "subjects")}>
        {(p) => <input {...p} type="text" defaultValue={valueOf(v, "subjects")} />}
      </Field>
      <Field name="summary" label={LABELS.summary} error={errorFor(e, "summary")}>
        {(p) => <textarea {...p} rows={3} defaultValue={valueOf(v, "summary")} />}
      </Field>
      <Field name="travelInfo" label={LABELS.travelInfo} hint="Markdown: directions, parking, step-free access, quiet rooms." error={errorFor(e, "travelInfo")}>
        {(p) => <textarea {...p} rows={6} defaultValue={valueOf(v, "travelInfo")} />}
      </Field>
      <Field name="status" label={LABELS.status} hint="Only open days that are open appear in the finder and take registrations." error={errorFor(e, "status")}>
        {(p) => (
          <select {...p} defaultValue={valueOf(v, "status", "draft")}>
            <option value="draft">Draft</option>
            <option value="open">Open for registration</option>
            <option value="closed">Registration closed</option>
            <option value="cancelled">Cancelled</option>
          </select>
        )}
      </Field>
      <h2>Programme</h2>
      <p className="field-hint">Up to {sessionRows} sessions, on the open day&apos;s date. Leave a row empty to remove that session.</p>
      {Array.from({ length: sessionRows }, (_, i) => (
        <fieldset key={i} className="session-row">
          <legend>Session {i + 1}</legend>
          <input type="hidden" name={`sessions.${i}.id`} value={valueOf(v, `sessions.${i}.id`)} />
          {SESSION_FIELDS.map((f) => {
            const name = `sessions.${i}.${f.key}`;
            return (
              <Field key={name} name={name} label={f.label} error={errorFor(e, name)}>
                {(p) => <input {...p} type={f.type} defaultValue={valueOf(v, name)} {...(f.type === "number" ? { min: 1 } : {})} />}
              </Field>
            );
          })}
        </fieldset>
      ))}
      <button type="submit" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
