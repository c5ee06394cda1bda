"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/form";
import { CheckboxField, ErrorSummary, SelectField, TextField } from "@/components/form/fields";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export type PersonFormValues = {
  id?: number;
  name: string;
  slug: string;
  jobTitle: string;
  department: string;
  institution: string;
  bio: string;
  expertise: string[];
  photoUrl: string;
  availableForMedia: boolean;
  mediaEmail: string;
  isGuest: boolean;
  userId: number | null;
};

function ProfileFields({ state, person }: { state: FormState; person: Pick<PersonFormValues, "bio" | "expertise" | "photoUrl" | "availableForMedia"> }) {
  return (
    <>
      <TextField name="bio" label="Biography" multiline rows={8} hint="Markdown is allowed." defaultValue={person.bio} state={state} />
      <TextField name="expertise" label="Areas of expertise" multiline rows={4} hint="One per line." defaultValue={person.expertise.join("\n")} state={state} />
      <TextField name="photoUrl" label="Photo address (optional)" hint="A path on this site or a full https:// address." defaultValue={person.photoUrl} state={state} />
      <CheckboxField name="availableForMedia" label="Available for media interviews" defaultChecked={person.availableForMedia} state={state} />
    </>
  );
}

/** Editors: every field, including whether this is a guest expert and which account it belongs to. */
export function PersonForm({ action, person, accounts }: { action: Action; person: PersonFormValues; accounts: { id: number; name: string; email: string }[] }) {
  const [state, formAction, pending] = useActionState(action, {});
  const accountOptions = [{ value: "", label: "No account" }, ...accounts.map((a) => ({ value: String(a.id), label: `${a.name} (${a.email})` }))];
  return (
    <form action={formAction} noValidate>
      <ErrorSummary notice state={state} />
      {person.id ? <input type="hidden" name="id" value={person.id} /> : null}
      <TextField name="name" label="Name" defaultValue={person.name} state={state} />
      <TextField name="slug" label="Web address" hint="Lower-case letters, numbers and hyphens. Leave blank to make one from the name." defaultValue={person.slug} state={state} />
      <TextField name="jobTitle" label="Job title" defaultValue={person.jobTitle} state={state} />
      <TextField name="department" label="Department" defaultValue={person.department} state={state} />
      <TextField name="institution" label="Institution" defaultValue={person.institution} state={state} />
      <ProfileFields state={state} person={person} />
      <TextField name="mediaEmail" label="Media contact email (optional)" type="email" defaultValue={person.mediaEmail} state={state} />
      <CheckboxField name="isGuest" label="Guest expert (from another institution, no account)" defaultChecked={person.isGuest} state={state} />
      <SelectField name="userId" label="Linked staff account" options={accountOptions} defaultValue={person.userId ? String(person.userId) : ""} state={state} />
      <button type="submit" disabled={pending}>{person.id ? "Save expert" : "Create expert"}</button>
    </form>
  );
}

/** A contributor's own profile: only the fields they may change. */
export function ProfileForm({ action, person }: { action: Action; person: PersonFormValues & { id: number } }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} noValidate>
      <ErrorSummary notice state={state} />
      <input type="hidden" name="personId" value={person.id} />
      <ProfileFields state={state} person={person} />
      <button type="submit" disabled={pending}>Save profile</button>
    </form>
  );
}
