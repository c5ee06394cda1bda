"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/form";
import { CheckboxField, ErrorSummary, SelectField, TextField } from "@/components/form/fields";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export type PromoFormValues = {
  id?: number;
  slot: string;
  title: string;
  text: string;
  linkUrl: string;
  linkLabel: string;
  imageUrl: string;
  imageAlt: string;
  position: number;
  active: boolean;
};

const SLOT_OPTIONS = [
  { value: "open-days", label: "Open days" },
  { value: "research", label: "Research" },
  { value: "newspaper", label: "University newspaper" },
  { value: "student-life", label: "Student life" },
] as const;

/** One promo's fields; `legend` names it so several forms on a page stay distinguishable. */
export function PromoForm({ action, promo, legend }: { action: Action; promo: PromoFormValues; legend: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  const p = `promo-${promo.id ?? "new"}`;
  return (
    <form action={formAction} noValidate className="admin-card">
      <fieldset>
        <legend>{legend}</legend>
        <ErrorSummary notice state={state} idPrefix={p} />
        {promo.id ? <input type="hidden" name="id" value={promo.id} /> : null}
        <SelectField idPrefix={p} name="slot" label="Slot" options={SLOT_OPTIONS} defaultValue={promo.slot} state={state} />
        <TextField idPrefix={p} name="title" label="Title" defaultValue={promo.title} state={state} />
        <TextField idPrefix={p} name="text" label="Text" multiline rows={3} defaultValue={promo.text} state={state} />
        <TextField idPrefix={p} name="linkUrl" label="Link" hint="A path on this site (/open-days) or a full https:// address." defaultValue={promo.linkUrl} state={state} />
        <TextField idPrefix={p} name="linkLabel" label="Link text" defaultValue={promo.linkLabel} state={state} />
        <TextField idPrefix={p} name="imageUrl" label="Image address (optional)" defaultValue={promo.imageUrl} state={state} />
        <TextField idPrefix={p} name="imageAlt" label="Image alt text" hint="Required when there is an image." defaultValue={promo.imageAlt} state={state} />
        <TextField idPrefix={p} name="position" label="Position" type="number" hint="Lower numbers come first within the slot." defaultValue={String(promo.position)} state={state} />
        <CheckboxField idPrefix={p} name="active" label="Show on the site" defaultChecked={promo.active} state={state} />
        <button type="submit" disabled={pending}>{promo.id ? "Save promo" : "Add promo"}</button>
      </fieldset>
    </form>
  );
}
