"use client";

import { useActionState } from "react";

type State = { ok?: boolean; message?: string };

/** One "Restore this version" button; a restore is itself saved as a new revision. */
export function RestoreForm({ storyId, revisionId, version, action }: { storyId: number; revisionId: number; version: number; action: (s: State, f: FormData) => Promise<State> }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="id" value={storyId} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <button type="submit" className="button button--secondary button--small" disabled={pending}>
        Restore<span className="visually-hidden"> version {version}</span>
      </button>
      {state.message ? (
        <p className="field-error" role="alert">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
