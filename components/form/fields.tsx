import type { ReactNode, Ref } from "react";

/**
 * The one form-field kit: every form in the portal draws its fields, their
 * errors and its error summary with these, so labels, hints and errors are
 * linked the same way everywhere (WCAG 1.3.1, 3.3.1).
 *
 * Ids are `${idPrefix}-${name}` ("field-email"); pass an idPrefix when the
 * same form appears more than once on a page. The summary links use the
 * same scheme, so a link always lands on its field.
 */

/** Mirrors lib/form.ts FormState structurally so client components import no server module. */
export type FormState = {
  ok?: boolean;
  message?: string;
  errors?: Record<string, string>;
  values?: Record<string, string | string[]>;
};

export type InputProps = { id: string; name: string; "aria-invalid"?: true; "aria-describedby"?: string };

/** The id of a field's input; "sessions.0.title" becomes "field-sessions-0-title". */
export function fieldId(name: string, idPrefix = "field"): string {
  return `${idPrefix}-${name.replace(/\./g, "-")}`;
}

/** The first error for a field, including errors on its items (sessionIds.0 → sessionIds). */
export function errorFor(errors: Record<string, string> | undefined, name: string): string | undefined {
  if (!errors) return undefined;
  return errors[name] ?? Object.entries(errors).find(([k]) => k.startsWith(`${name}.`))?.[1];
}

/** The value to show: what was typed last (kept by the action) or the fallback (the stored one). */
export function valueOf(values: FormState["values"], name: string, fallback = ""): string {
  const v = values?.[name];
  return Array.isArray(v) ? (v[0] ?? fallback) : (v ?? fallback);
}

export function listOf(values: FormState["values"], name: string): string[] {
  const v = values?.[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
}

function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p className="field-error" id={`${id}-error`}>
      <span className="visually-hidden">Error: </span>
      {error}
    </p>
  );
}

function FieldHint({ id, hint }: { id: string; hint?: ReactNode }) {
  if (!hint) return null;
  return (
    <p className="field-hint" id={`${id}-hint`}>
      {hint}
    </p>
  );
}

type FieldBase = { name: string; label: ReactNode; hint?: ReactNode; error?: string; idPrefix?: string };

/**
 * Label, hint and error linked to the input by aria-describedby; the error
 * also sets aria-invalid. `children` receives the props the input must spread.
 */
export function Field({ name, label, hint, error, idPrefix, children }: FieldBase & { children: (props: InputProps) => ReactNode }) {
  const id = fieldId(name, idPrefix);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <FieldHint id={id} hint={hint} />
      <FieldError id={id} error={error} />
      {children({ id, name, "aria-describedby": describedBy(id, hint, error), ...(error ? { "aria-invalid": true as const } : {}) })}
    </div>
  );
}

/** Field values and errors either from the form state or given directly. */
type StateProps = { state?: FormState; defaultValue?: string };

function fromState(state: FormState | undefined, name: string, error: string | undefined) {
  return error ?? errorFor(state?.errors, name);
}

/** A text input (or textarea with `multiline`). Passwords never come back filled in. */
export function TextField({
  state,
  defaultValue = "",
  type = "text",
  autoComplete,
  required,
  multiline,
  rows,
  ...field
}: FieldBase &
  StateProps & { type?: "text" | "email" | "password" | "url" | "number"; autoComplete?: string; required?: boolean; multiline?: boolean; rows?: number }) {
  const value = type === "password" ? undefined : valueOf(state?.values, field.name, defaultValue);
  return (
    <Field {...field} error={fromState(state, field.name, field.error)}>
      {(p) => (multiline ? <textarea {...p} defaultValue={value} required={required} rows={rows ?? 6} /> : <input {...p} type={type} defaultValue={value} autoComplete={autoComplete} required={required} />)}
    </Field>
  );
}

export type Option = { value: string; label: string };

/** The <option>s of a select, one per choice. */
export function OptionList({ options }: { options: readonly Option[] }) {
  return options.map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ));
}

export function SelectField({ state, defaultValue = "", options, ...field }: FieldBase & StateProps & { options: readonly Option[] }) {
  return (
    <Field {...field} error={fromState(state, field.name, field.error)}>
      {(p) => (
        <select {...p} defaultValue={valueOf(state?.values, field.name, defaultValue)}>
          <OptionList options={options} />
        </select>
      )}
    </Field>
  );
}

/** A single checkbox with its label after it; a refused form keeps what was ticked ("on"). */
export function CheckboxField({ name, label, hint, error, idPrefix, state, defaultChecked }: FieldBase & { state?: FormState; defaultChecked: boolean }) {
  const id = fieldId(name, idPrefix);
  const message = fromState(state, name, error);
  const checked = state?.values ? state.values[name] === "on" : defaultChecked;
  return (
    <div className="field field--checkbox">
      <FieldError id={id} error={message} />
      <input type="checkbox" id={id} name={name} defaultChecked={checked} aria-describedby={describedBy(id, hint, message)} aria-invalid={message ? true : undefined} />{" "}
      <label htmlFor={id}>{label}</label>
      <FieldHint id={id} hint={hint} />
    </div>
  );
}

/** A success message (role status unless the form wants it announced at once). */
export function FormNotice({ message, role = "status", noticeRef }: { message?: string; role?: "status" | "alert"; noticeRef?: Ref<HTMLDivElement> }) {
  if (!message) return null;
  return (
    <div className="notice notice--success" role={role} tabIndex={-1} ref={noticeRef}>
      <p className="pre-line">{message}</p>
    </div>
  );
}

/**
 * The summary at the top of a refused form, linking each message to its
 * field. With `notice`, an accepted form's message is shown as a success
 * notice in the same place. `labels` prefixes a message with its field's
 * label; `targets` gives the id a field's link goes to when it is not the
 * field's own (a picker's select).
 */
export function ErrorSummary({
  state,
  labels = {},
  targets = {},
  idPrefix,
  summaryRef,
  notice = false,
}: {
  state: FormState;
  labels?: Record<string, string>;
  targets?: Record<string, string>;
  idPrefix?: string;
  summaryRef?: Ref<HTMLDivElement>;
  notice?: boolean;
}) {
  if (!state.message) return null;
  if (state.ok) return notice ? <FormNotice message={state.message} noticeRef={summaryRef} /> : null;
  const entries = Object.entries(state.errors ?? {});
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
      <h2>There is a problem</h2>
      <p className="pre-line">{state.message}</p>
      {entries.length > 0 && (
        <ul>
          {entries.map(([name, message]) => {
            // "sessionIds.0" is an item of a group: link to the group.
            const group = name.replace(/\.\d+$/, "");
            const label = labels[name] ?? labels[group];
            return (
              <li key={name}>
                <a href={`#${targets[name] ?? fieldId(group, idPrefix)}`}>
                  {label ? `${label}: ` : ""}
                  {message}
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
