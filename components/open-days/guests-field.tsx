import { Field } from "@/components/form/fields";

/** How many guests come along (0–3), for registering and for changing a booking. */
export function GuestsField({ hint, error, defaultValue, idPrefix }: { hint: string; error?: string; defaultValue: string; idPrefix?: string }) {
  return (
    <Field name="guests" label="Number of guests" hint={hint} error={error} idPrefix={idPrefix}>
      {(p) => (
        <select {...p} defaultValue={defaultValue}>
          {[0, 1, 2, 3].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
