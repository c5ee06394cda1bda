import type { ReactNode } from "react";

/** Mirrors lib/form.ts FormState structurally so client components import no server module. */
export type FormState = {
  ok?: boolean;
  message?: string;
  errors?: Record<string, string>;
  values?: Record<string, string | string[]>;
};

export type InputProps = { id: string; name: string; "aria-invalid"?: true; "aria-describedby"?: string };

/** The first error for a field, including errors on its items (sessionIds.0 → sessionIds). */
export function errorFor(errors: Record<string, string> | undefined, name: string): string | undefined {
  if (!errors) return undefined;
  return errors[name] ?? Object.entries(errors).find(([k]) => k.startsWith(`${name}.`))?.[1];
}

export function valueOf(values: FormState["values"], name: string, fallback = ""): string {
  const v = values?.[name];
  return Array.isArray(v) ? (v[0] ?? fallback) : (v ?? fallback);
}

export function listOf(values: FormState["values"], name: string): string[] {
  const v = values?.[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** Label, hint and error linked to the input by aria-describedby; the error also sets aria-invalid. */
export function Field({
  name,
  label,
  hint,
  error,
  idPrefix = "field",
  children,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  idPrefix?: string;
  children: (props: InputProps) => ReactNode;
}) {
  const id = `${idPrefix}-${name.replace(/\./g, "-")}`;
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      {children({ id, name, "aria-describedby": describedBy, ...(error ? { "aria-invalid": true as const } : {}) })}
    </div>
  );
}

/** The summary at the top of a refused form, linking each message to its field. */
export function ErrorSummary({
  state,
  labels,
  idPrefix = "field",
  summaryRef,
}: {
  state: FormState;
  labels: Record<string, string>;
  idPrefix?: string;
  summaryRef?: React.Ref<HTMLDivElement>;
}) {
  if (state.ok || !state.message) return null;
  const entries = Object.entries(state.errors ?? {});
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
      <h2>There is a problem</h2>
      <p>{state.message}</p>
      {entries.length > 0 && (
        <ul>
          {entries.map(([name, message]) => {
            // "sessionIds.0" is an item of a group: link to the group.
            const target = name.replace(/\.\d+$/, "");
            const label = labels[name] ?? labels[target];
            return (
              <li key={name}>
                <a href={`#${idPrefix}-${target.replace(/\./g, "-")}`}>
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
