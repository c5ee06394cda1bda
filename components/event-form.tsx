"use client";

import { useActionState, type ReactNode } from "react";
import { ErrorSummary, Field, FormNotice, type FormState, type InputProps } from "@/components/form/fields";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

type Props = {
  action: Action;
  /** Values to start from (the saved event when editing). */
  initial: Record<string, string>;
  submitLabel: string;
  timeZone: string;
  suggestions: { campuses: string[]; categories: string[] };
};

const LABELS: Record<string, string> = {
  title: "Title",
  slug: "Web address",
  summary: "Summary",
  body: "Description",
  startsAt: "Starts",
  endsAt: "Ends",
  startDate: "First day",
  endDate: "Last day",
  venue: "Venue",
  campus: "Campus",
  category: "Category",
  bookingUrl: "Booking link",
  imageId: "Image",
  status: "Status",
};

/**
 * The event editor form. Posts to a server action, so it works without
 * JavaScript; on a refused save the action returns what was typed and the
 * form shows it again with a message per field.
 */
export function EventForm({ action, initial, submitLabel, timeZone, suggestions }: Props) {
  const [state, formAction, pending] = useActionState(action, { values: initial });
  const values = state.values ?? initial;
  const errors = state.errors ?? {};
  const value = (name: string) => {
    const v = values[name];
    return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
  };

  const field = (name: string, input: (props: InputProps) => ReactNode, hint?: string) => (
    <Field name={name} label={LABELS[name]} hint={hint} error={errors[name]}>
      {input}
    </Field>
  );

  return (
    <form action={formAction} noValidate className="event-form">
      {state.ok ? <FormNotice message={state.message} role="alert" /> : <ErrorSummary state={state} />}
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      {/* The version the editor started from: a save based on an older one is refused. */}
      {initial.version && <input type="hidden" name="version" value={value("version") || initial.version} />}

      {field("title", (p) => <input type="text" {...p} defaultValue={value("title")} required maxLength={200} />)}
      {field("slug", (p) => <input type="text" {...p} defaultValue={value("slug")} maxLength={80} />, "The end of the page address, e.g. degree-show-2026. Leave empty to make one from the title.")}
      {field("summary", (p) => <textarea {...p} rows={3} defaultValue={value("summary")} maxLength={500} />, "One or two sentences for listings and calendar apps.")}
      {field("body", (p) => <textarea {...p} rows={12} defaultValue={value("body")} />, "Written in Markdown, like stories.")}

      <fieldset className="field">
        <legend>When</legend>
        <div className="field">
          <input type="checkbox" id="field-allDay" name="allDay" defaultChecked={value("allDay") === "on"} aria-describedby="field-allDay-hint" />{" "}
          <label htmlFor="field-allDay" className="inline-label">
            All-day event
          </label>
          <p className="field-hint" id="field-allDay-hint">
            Ticked: the first and last day are used. Not ticked: the start and end times are used. Times are in {timeZone}.
          </p>
        </div>
        {field("startsAt", (p) => <input type="datetime-local" {...p} defaultValue={value("startsAt")} />)}
        {field("endsAt", (p) => <input type="datetime-local" {...p} defaultValue={value("endsAt")} />)}
        {field("startDate", (p) => <input type="date" {...p} defaultValue={value("startDate")} />, "For all-day events.")}
        {field("endDate", (p) => <input type="date" {...p} defaultValue={value("endDate")} />, "For all-day events. Leave empty for a one-day event.")}
      </fieldset>

      {field("venue", (p) => <input type="text" {...p} defaultValue={value("venue")} maxLength={200} />)}
      {field("campus", (p) => <input type="text" {...p} list="campus-options" defaultValue={value("campus")} maxLength={100} />)}
      <datalist id="campus-options">
        {suggestions.campuses.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      {field("category", (p) => <input type="text" {...p} list="category-options" defaultValue={value("category")} maxLength={100} />)}
      <datalist id="category-options">
        {suggestions.categories.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      {field("bookingUrl", (p) => <input type="url" {...p} defaultValue={value("bookingUrl")} />, "Optional. Without one the page says “Free, no booking needed”.")}
      {field("imageId", (p) => <input type="text" inputMode="numeric" {...p} defaultValue={value("imageId")} />, "Optional: the number of an image in the media library.")}
      {field("status", (p) => (
        <select {...p} defaultValue={value("status") || "draft"}>
          <option value="draft">Draft (not public)</option>
          <option value="published">Published</option>
          <option value="cancelled">Cancelled (still listed, marked cancelled)</option>
        </select>
      ))}
      <button type="submit" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
