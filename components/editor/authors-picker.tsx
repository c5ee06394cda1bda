"use client";

import { useState } from "react";

export type PickablePerson = { id: number; name: string; jobTitle: string; institution: string; isGuest: boolean };

function describe(p: PickablePerson): string {
  return [p.name, p.jobTitle, p.institution].filter(Boolean).join(", ") + (p.isGuest ? " (guest)" : "");
}

/**
 * The byline: an ordered list of experts (hidden inputs carry the order),
 * moved with up/down buttons, plus "add a guest expert", which posts the
 * form to the server (so it works without JavaScript too).
 */
export function AuthorsPicker({
  people,
  initialIds,
  error,
  guestErrors,
  guestValues,
}: {
  people: PickablePerson[];
  initialIds: number[];
  error?: string;
  guestErrors: Record<string, string | undefined>;
  guestValues: Record<string, string>;
}) {
  const [ids, setIds] = useState(initialIds);
  const [choice, setChoice] = useState("");
  const byId = new Map(people.map((p) => [p.id, p]));
  const available = people.filter((p) => !ids.includes(p.id));
  const move = (from: number, to: number) =>
    setIds((list) => {
      const next = [...list];
      const [item] = next.splice(from, 1);
      if (item !== undefined) next.splice(to, 0, item);
      return next;
    });
  const errorId = error ? "field-authorIds-error" : undefined;

  return (
    <fieldset className="authors-picker" aria-describedby={["authors-hint", errorId].filter(Boolean).join(" ")}>
      <legend>Authors</legend>
      <p className="field-hint" id="authors-hint">
        The byline, in order. Add each expert who wrote the piece; if someone is not in the list, add them as a guest expert below.
      </p>
      {error ? (
        <p className="field-error" id={errorId}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      {ids.length === 0 ? <p>No authors yet.</p> : null}
      <ol className="authors-picker__list">
        {ids.map((id, i) => {
          const person = byId.get(id);
          const name = person ? person.name : `Expert ${id}`;
          return (
            <li key={id}>
              <input type="hidden" name="authorIds" value={id} />
              <span>{person ? describe(person) : name}</span>{" "}
              <button type="button" className="button button--secondary button--small" disabled={i === 0} onClick={() => move(i, i - 1)}>
                Up<span className="visually-hidden"> ({name})</span>
              </button>{" "}
              <button type="button" className="button button--secondary button--small" disabled={i === ids.length - 1} onClick={() => move(i, i + 1)}>
                Down<span className="visually-hidden"> ({name})</span>
              </button>{" "}
              <button type="button" className="button button--secondary button--small" onClick={() => setIds(ids.filter((x) => x !== id))}>
                Remove<span className="visually-hidden"> {name}</span>
              </button>
            </li>
          );
        })}
      </ol>
      <div className="field authors-picker__add">
        <label htmlFor="add-author">Add an expert to the byline</label>
        <select id="add-author" name="addAuthorId" value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">Choose an expert</option>
          {available.map((p) => (
            <option key={p.id} value={p.id}>
              {describe(p)}
            </option>
          ))}
        </select>{" "}
        {/* Without JavaScript this submits (intent add-author) and the server returns the form with the expert added. */}
        <button
          type="submit"
          name="intent"
          value="add-author"
          formNoValidate
          className="button button--secondary"
          onClick={(e) => {
            e.preventDefault();
            if (!choice) return;
            setIds([...ids, Number(choice)]);
            setChoice("");
          }}
        >
          Add
        </button>
      </div>
      <details className="authors-picker__guest" open={Object.values(guestErrors).some(Boolean)}>
        <summary>Add a guest expert (someone without a profile here)</summary>
        {(
          [
            ["guestName", "Name"],
            ["guestJobTitle", "Job title (optional)"],
            ["guestInstitution", "Institution (optional)"],
          ] as const
        ).map(([name, label]) => (
          <div className="field" key={name}>
            <label htmlFor={`field-${name}`}>{label}</label>
            {guestErrors[name] ? (
              <p className="field-error" id={`field-${name}-error`}>
                <span className="visually-hidden">Error: </span>
                {guestErrors[name]}
              </p>
            ) : null}
            <input
              id={`field-${name}`}
              name={name}
              defaultValue={guestValues[name] ?? ""}
              aria-invalid={guestErrors[name] ? true : undefined}
              aria-describedby={guestErrors[name] ? `field-${name}-error` : undefined}
            />
          </div>
        ))}
        <button type="submit" name="intent" value="add-guest" formNoValidate className="button button--secondary">
          Add guest expert to the byline
        </button>
      </details>
    </fieldset>
  );
}
