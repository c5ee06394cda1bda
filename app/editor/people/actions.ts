"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { hasRole } from "@/lib/auth/guard";
import { revalidate, tags } from "@/lib/cache";
import { FormError, handleForm, type FormState } from "@/lib/form";
import { getPersonForEditor, savePerson, updateProfile } from "@/lib/people/editor";
import { clientIp } from "@/lib/request";
import { ownProfileSchema, personSchema } from "@/lib/validation/person";

/** Editors: create or edit any expert, including guest experts. */
export async function savePersonAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return handleForm({
    role: "editor",
    schema: personSchema,
    formData,
    write: async (input, user) => {
      const { id, slugs } = savePerson(input, user!, await clientIp());
      revalidate(tags.people, ...slugs.map((slug) => tags.person(slug)));
      revalidatePath("/editor/people");
      return input.id ? { ok: true, message: `Profile of ${input.name} saved.` } : { redirectTo: `/editor/people/${id}?created=1` };
    },
  });
}

const profileSchema = ownProfileSchema.extend({
  personId: z.coerce.number({ error: "Choose a profile." }).int().positive("Choose a profile."),
});

/**
 * Bio, expertise, photo and media availability. Editors may change any
 * profile; a contributor only the one linked to their own account — the
 * posted id is checked against the session, never trusted.
 */
export async function updateProfileAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return handleForm({
    role: "contributor",
    schema: profileSchema,
    formData,
    write: async ({ personId, ...input }, user) => {
      const person = getPersonForEditor(personId);
      if (!person || (!hasRole(user!, "editor") && person.userId !== user!.id)) {
        throw new FormError("You can only edit your own expert profile.");
      }
      const { slug } = updateProfile(personId, input, user!, await clientIp());
      revalidate(tags.people, tags.person(slug));
      revalidatePath(`/editor/people/${personId}`);
      return { ok: true, message: "Profile saved." };
    },
  });
}
