"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/form";
import { ErrorSummary } from "@/components/form/fields";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export type ModerationItem = {
  id: number;
  storyTitle: string;
  storySlug: string;
  name: string;
  body: string;
  status: string;
  /** Already formatted on the server in the site's time zone. */
  when: string;
};

/**
 * One form for the whole list: tick comments and press a bulk button, or
 * press a row's own button (its name/value carries that single id).
 */
export function ModerationForm({ action, items }: { action: Action; items: ModerationItem[] }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction}>
      <ErrorSummary notice state={state} />
      <div className="bulk-bar">
        <button type="submit" name="decision" value="approve" disabled={pending}>Approve ticked</button>{" "}
        <button type="submit" name="decision" value="reject" className="button button--danger" disabled={pending}>Reject ticked</button>
      </div>
      <ul className="moderation-list">
        {items.map((c) => (
          <li key={c.id} className={`moderation-item moderation-item--${c.status}`}>
            <div className="field--checkbox">
              <input type="checkbox" id={`comment-${c.id}`} name="commentIds" value={c.id} />
              <label htmlFor={`comment-${c.id}`}>
                {c.name} on “{c.storyTitle}”<span className="visually-hidden"> ({c.status})</span>
              </label>
            </div>
            <p className="meta">
              {c.when} · <span className="status-tag">{c.status}</span> · <a href={`/news/${c.storySlug}`}>View story</a>
            </p>
            <blockquote className="moderation-item__body">{c.body}</blockquote>
            <p className="moderation-item__actions">
              {c.status !== "approved" ? (
                <button type="submit" name="decision" value={`approve:${c.id}`} className="button button--secondary" disabled={pending}>
                  Approve<span className="visually-hidden"> comment by {c.name}</span>
                </button>
              ) : null}{" "}
              {c.status !== "rejected" ? (
                <button type="submit" name="decision" value={`reject:${c.id}`} className="button button--secondary" disabled={pending}>
                  Reject<span className="visually-hidden"> comment by {c.name}</span>
                </button>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
    </form>
  );
}
