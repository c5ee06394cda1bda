"use client";

import { useActionState, useRef, useState } from "react";
import type { StoryFormState } from "@/lib/stories/form-state";
import { ACTION_LABELS, type StoryAction } from "@/lib/stories/workflow";
import { AuthorsPicker, type PickablePerson } from "./authors-picker";
import { BodyEditor } from "./body-editor";
import { ConflictPanel } from "./conflict-panel";
import { CheckboxField, ErrorSummary, Field, FormNotice } from "@/components/form/fields";
import { useAutosave } from "./use-autosave";

type Values = Record<string, string | string[]>;

export type StoryFormProps = {
  action: (state: StoryFormState, formData: FormData) => Promise<StoryFormState>;
  /** The saved story as form values (checkboxes "on" when ticked). */
  initial: Values;
  storyId: number | null;
  version: number;
  pressOffice: boolean;
  /** Workflow buttons this user may press. */
  actions: StoryAction[];
  autosave: boolean;
  /** A success message after a redirect (e.g. "Saved."). */
  notice?: string;
  storyTypes: { value: string; label: string }[];
  people: PickablePerson[];
  topics: { id: number; name: string; kind: string }[];
  media: { id: number; altText: string }[];
};

const A11Y_CHECKED: StoryAction[] = ["submit", "publish", "schedule"];

/**
 * The story editor. One <form> posting to one server action; the button
 * pressed says whether to just save or also take a workflow step. Works
 * without JavaScript; with it, adds the toolbar, live preview, byline
 * ordering and autosave.
 */
export function StoryForm(props: StoryFormProps) {
  const { storyId, pressOffice, actions } = props;
  const [state, formAction, pending] = useActionState(props.action, {});
  const [version, setVersion] = useState(props.version);
  const [generation, setGeneration] = useState(0);
  const [seen, setSeen] = useState(state);
  // A refused save hands back the other person's version: the next save is
  // then knowingly based on it. Remount the stateful editors with what was posted.
  if (state !== seen) {
    setSeen(state);
    setGeneration(generation + 1);
    if (state.conflict) setVersion(state.conflict.version);
  }
  const formRef = useRef<HTMLFormElement>(null);
  const autosaveStatus = useAutosave({
    formRef,
    url: storyId ? `/editor/stories/${storyId}/autosave` : null,
    enabled: props.autosave && !state.conflict,
    version,
    onVersion: setVersion,
  });

  const values: Values = state.values ?? props.initial;
  const errors = state.errors ?? {};
  const text = (name: string) => {
    const v = values[name];
    return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
  };
  const list = (name: string) => [values[name] ?? []].flat().filter((v) => v !== "");
  const ticked = (name: string) => text(name) === "on" || text(name) === "true";
  const people = state.addedPerson && !props.people.some((p) => p.id === state.addedPerson?.id)
    ? [...props.people, { ...state.addedPerson, isGuest: true }]
    : props.people;
  const checked = actions.filter((a) => A11Y_CHECKED.includes(a));

  return (
    <form action={formAction} ref={formRef} noValidate className="story-form">
      {storyId ? <input type="hidden" name="id" value={storyId} /> : null}
      <input type="hidden" name="version" value={version} />

      <div className="story-form__bar">
        <button type="submit" name="intent" value="save" disabled={pending} className="button">
          {storyId ? "Save" : "Create draft"}
        </button>
        <p className="story-form__status" role="status">
          {pending ? "Saving…" : autosaveStatus || (props.autosave ? "Drafts are saved automatically every 30 seconds." : "")}
        </p>
      </div>

      {props.notice && !state.message ? (
        <div className="notice notice--success" role="status">
          <p>{props.notice}</p>
        </div>
      ) : null}
      {state.ok ? <FormNotice message={state.message} role="alert" /> : null}
      <ErrorSummary state={state} targets={{ authorIds: "add-author" }} />
      {state.conflict ? (
        <ConflictPanel
          theirs={state.conflict}
          savedAt={new Date(state.conflict.updatedAt).toLocaleString("en-GB", { dateStyle: "long", timeStyle: "short" })}
          yours={{ title: text("title"), standfirst: text("standfirst"), body: text("body") }}
        />
      ) : null}

      <div key={generation}>
        <Field name="type" label="Type of story" error={errors.type}>
          {(p) => (
            <select {...p} defaultValue={text("type")}>
              {props.storyTypes.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="title" label="Headline" hint="Between 3 and 200 characters." error={errors.title}>
          {(p) => <input {...p} defaultValue={text("title")} maxLength={200} className="input--wide" />}
        </Field>
        <Field
          name="slug"
          label="Web address"
          hint="The last part of the story's address, for example why-rivers-flood. Leave empty to make it from the headline. If you change it later, the old address keeps working."
          error={errors.slug}
        >
          {(p) => <input {...p} defaultValue={text("slug")} spellCheck={false} autoCapitalize="none" />}
        </Field>
        <Field name="standfirst" label="Standfirst" hint="One or two sentences under the headline that sum up the story. Up to 400 characters." error={errors.standfirst}>
          {(p) => <textarea {...p} defaultValue={text("standfirst")} rows={3} />}
        </Field>
        <Field
          name="body"
          label="Article"
          hint="Written in Markdown: use the buttons to add sub-headings, lists, quotes, links and figures. The preview shows how readers will see it."
          error={errors.body}
        >
          {(p) => <BodyEditor defaultValue={text("body")} input={p} />}
        </Field>
        <Field name="heroImageId" label="Main picture" hint="Shown at the top of the story and on cards. Upload pictures in the media library." error={errors.heroImageId}>
          {(p) => (
            <select {...p} defaultValue={text("heroImageId")}>
              <option value="">No picture</option>
              {props.media.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.altText}
                </option>
              ))}
            </select>
          )}
        </Field>
        <AuthorsPicker
          people={people}
          initialIds={list("authorIds").map(Number)}
          error={errors.authorIds}
          guestErrors={{ guestName: errors.guestName, guestJobTitle: errors.guestJobTitle, guestInstitution: errors.guestInstitution }}
          guestValues={{ guestName: text("guestName"), guestJobTitle: text("guestJobTitle"), guestInstitution: text("guestInstitution") }}
        />
        <fieldset className="story-form__topics" aria-describedby={errors.topicIds ? "field-topicIds-error" : undefined}>
          <legend>Topics</legend>
          {errors.topicIds ? (
            <p className="field-error" id="field-topicIds-error">
              {errors.topicIds}
            </p>
          ) : null}
          <ul className="checkbox-list">
            {props.topics.map((t) => (
              <li key={t.id}>
                <input type="checkbox" id={`topic-${t.id}`} name="topicIds" value={t.id} defaultChecked={list("topicIds").includes(String(t.id))} />{" "}
                <label htmlFor={`topic-${t.id}`}>
                  {t.name} <span className="meta">({t.kind})</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <fieldset>
          <legend>Republished from another outlet</legend>
          <p className="field-hint">Fill these in only if the piece first appeared elsewhere, for example in The Conversation.</p>
          <Field name="syndicationSource" label="Originally published by" error={errors.syndicationSource}>
            {(p) => <input {...p} defaultValue={text("syndicationSource")} />}
          </Field>
          <Field name="syndicationUrl" label="Web address of the original" error={errors.syndicationUrl}>
            {(p) => <input {...p} type="url" defaultValue={text("syndicationUrl")} className="input--wide" />}
          </Field>
          <Field name="syndicationLicence" label="Licence of the original" hint="For example CC BY-ND 4.0." error={errors.syndicationLicence}>
            {(p) => <input {...p} defaultValue={text("syndicationLicence")} />}
          </Field>
        </fieldset>
        <fieldset>
          <legend>Video or audio</legend>
          <Field name="mediaUrl" label="Web address of the video or audio" hint="Required for video and audio stories." error={errors.mediaUrl}>
            {(p) => <input {...p} type="url" defaultValue={text("mediaUrl")} className="input--wide" />}
          </Field>
          <Field name="transcript" label="Transcript" hint="A full transcript makes the clip usable for everyone." error={errors.transcript}>
            {(p) => <textarea {...p} defaultValue={text("transcript")} rows={6} />}
          </Field>
        </fieldset>
        <Field name="seoDescription" label="Description for search engines" hint="Up to 160 characters. Leave empty to use the standfirst." error={errors.seoDescription}>
          {(p) => <input {...p} defaultValue={text("seoDescription")} maxLength={160} className="input--wide" />}
        </Field>
        <Field name="republishLicence" label="Licence for others to republish this story" error={errors.republishLicence}>
          {(p) => <input {...p} defaultValue={text("republishLicence")} />}
        </Field>
        <CheckboxField name="commentsEnabled" label="Allow readers' comments" defaultChecked={ticked("commentsEnabled")} error={errors.commentsEnabled} />
        {pressOffice ? (
          <CheckboxField name="featured" label="Feature this story on the home page" defaultChecked={ticked("featured")} error={errors.featured} />
        ) : null}

        {actions.length > 0 ? (
          <fieldset className="story-form__workflow">
            <legend>Review and publishing</legend>
            {actions.includes("submit") || actions.includes("return") ? (
              <Field name="note" label={pressOffice ? "Note (sent with “Return to author” or “Submit for review”)" : "Note for the press office (optional)"} error={errors.note}>
                {(p) => <textarea {...p} defaultValue={text("note")} rows={3} />}
              </Field>
            ) : null}
            {actions.includes("schedule") ? (
              <Field name="publishAt" label="Publish at (for “Schedule”)" hint="Date and time in UK time." error={errors.publishAt}>
                {(p) => <input {...p} type="datetime-local" defaultValue={text("publishAt")} />}
              </Field>
            ) : null}
            {actions.includes("schedule-unpublish") ? (
              <Field name="unpublishAt" label="Unpublish at (for “Schedule unpublish”)" hint="Date and time in UK time, when the story should stop being public." error={errors.unpublishAt}>
                {(p) => <input {...p} type="datetime-local" defaultValue={text("unpublishAt")} />}
              </Field>
            ) : null}
            {checked.length > 0 ? (
              <CheckboxField
                name="a11yOverride"
                label={pressOffice ? "Publish anyway, even if the accessibility check finds problems (this is recorded)" : "Submit anyway: the press office will help fix the accessibility problems"}
                defaultChecked={false}
                error={errors.a11yOverride}
              />
            ) : null}
            <div className="editor-actions">
              {actions.map((a) => (
                <button key={a} type="submit" name="intent" value={a} disabled={pending} className={a === "unpublish" || a === "return" ? "button button--secondary" : "button"}>
                  {ACTION_LABELS[a]}
                </button>
              ))}
            </div>
          </fieldset>
        ) : null}
      </div>
    </form>
  );
}
