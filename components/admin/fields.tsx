import type { ReactNode } from "react";
import type { FormState } from "@/lib/form";

/** The value to show: what was typed last (kept by the action) or the stored one. */
export function valueOf(state: FormState, name: string, fallback = ""): string {
  const v = state.values?.[name];
  if (v === undefined) return fallback;
  return Array.isArray(v) ? v.join("\n") : v;
}

type FieldProps = {
  name: string;
  label: string;
  state: FormState;
  defaultValue?: string;
  hint?: ReactNode;
  type?: "text" | "email" | "password" | "url" | "number";
  autoComplete?: string;
  required?: boolean;
  multiline?: boolean;
  rows?: number;
  /** Makes ids unique when the same form appears several times on a page. */
  idPrefix?: string;
};

/** A labelled input whose hint and error are linked with aria-describedby. */
export function TextField({ name, label, state, defaultValue = "", hint, type = "text", autoComplete, required, multiline, rows, idPrefix = "" }: FieldProps) {
  const id = `${idPrefix}${name}`;
  const error = state.errors?.[name];
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name,
    defaultValue: type === "password" ? undefined : valueOf(state, name, defaultValue),
    "aria-describedby": describedBy,
    "aria-invalid": error ? true : undefined,
    required,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? <p className="field-hint" id={`${id}-hint`}>{hint}</p> : null}
      {error ? <p className="field-error" id={`${id}-error`}>{error}</p> : null}
      {multiline ? <textarea {...common} rows={rows ?? 6} /> : <input {...common} type={type} autoComplete={autoComplete} />}
    </div>
  );
}

export function CheckboxField({ name, label, state, defaultChecked, idPrefix = "" }: { name: string; label: string; state: FormState; defaultChecked: boolean; idPrefix?: string }) {
  const id = `${idPrefix}${name}`;
  const checked = state.values ? state.values[name] === "on" : defaultChecked;
  return (
    <div className="field field--checkbox">
      <input type="checkbox" id={id} name={name} defaultChecked={checked} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

type Option = { value: string; label: string };

export function SelectField({ name, label, state, options, defaultValue = "", idPrefix = "" }: { name: string; label: string; state: FormState; options: readonly Option[]; defaultValue?: string; idPrefix?: string }) {
  const id = `${idPrefix}${name}`;
  const error = state.errors?.[name];
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {error ? <p className="field-error" id={`${id}-error`}>{error}</p> : null}
      <select id={id} name={name} defaultValue={valueOf(state, name, defaultValue)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The form-level message: an error summary linking to each bad field, or a success notice. */
export function FormMessage({ state, idPrefix = "" }: { state: FormState; idPrefix?: string }) {
  if (!state.message) return null;
  if (state.ok) {
    return (
      <div className="notice notice--success" role="status">
        <p>{state.message}</p>
      </div>
    );
  }
  const errors = Object.entries(state.errors ?? {});
  return (
    <div className="error-summary" role="alert" tabIndex={-1}>
      <p>
        <strong>{state.message}</strong>
      </p>
      {errors.length > 0 ? (
        <ul>
          {errors.map(([name, message]) => (
            <li key={name}>
              <a href={`#${idPrefix}${name}`}>{message}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
