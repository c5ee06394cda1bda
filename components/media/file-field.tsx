import type { ReactNode } from "react";

type Props = {
  id: string;
  label: string;
  accept: string;
  hint: ReactNode;
  error?: string;
};

/** A required file input named "file", with its hint and error tied to it for screen readers. */
export function FileField({ id, label, accept, hint, error }: Props) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p className="field-hint" id={`${id}-hint`}>
        {hint}
      </p>
      {error ? <p className="field-error" id={`${id}-error`}>{error}</p> : null}
      <input
        type="file"
        id={id}
        name="file"
        accept={accept}
        required
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={error ? true : undefined}
      />
    </div>
  );
}
