"use client";

import { useActionState } from "react";
import type { StoryFormState } from "@/lib/stories/form-state";

/** Creates an expiring preview link to share a draft with a journalist under embargo; the link is shown once. */
export function PreviewLinkForm({ storyId, action }: { storyId: number; action: (s: StoryFormState, f: FormData) => Promise<StoryFormState> }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="preview-link-form">
      <input type="hidden" name="id" value={storyId} />
      <div className="field">
        <label htmlFor="preview-hours">Link works for</label>
        <select id="preview-hours" name="hours" defaultValue="48" aria-describedby={state.errors?.hours ? "preview-hours-error" : undefined}>
          <option value="24">1 day</option>
          <option value="48">2 days</option>
          <option value="168">1 week</option>
          <option value="336">2 weeks</option>
        </select>
        {state.errors?.hours ? (
          <p className="field-error" id="preview-hours-error">
            {state.errors.hours}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button button--secondary" disabled={pending}>
        Create preview link
      </button>
      <div role="status">
        {state.message ? <p className={state.ok ? "" : "field-error"}>{state.message}</p> : null}
        {state.previewUrl ? (
          <div className="field">
            <label htmlFor="preview-url">Preview link (read-only, hidden from search engines)</label>
            <input id="preview-url" readOnly value={state.previewUrl} className="input--wide" onFocus={(e) => e.currentTarget.select()} />
            {state.previewExpiresAt ? (
              <p className="field-hint">Works until {new Date(state.previewExpiresAt).toLocaleString("en-GB", { dateStyle: "long", timeStyle: "short" })}.</p>
            ) : null}
          </div>
        ) : null}
      </div>
    </form>
  );
}
