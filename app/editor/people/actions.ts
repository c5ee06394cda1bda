"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { savePerson, updateProfile } from "@/lib/people/editor";
import { personSchema, profileSchema } from "@/lib/people/schema";

/** Editors: create or edit any expert, including guest experts. */
export const savePersonAction = defineAction({ role: "editor", schema: personSchema }, async (input, ctx) => {
  const { id } = await savePerson(input, ctx);
  revalidatePath("/editor/people");
  return input.id ? { ok: true, message: `Profile of ${input.name} saved.` } : { redirectTo: `/editor/people/${id}?created=1` };
});

/** Bio, expertise, photo and media availability: anyone on a profile they may edit (updateProfile decides). */
export const updateProfileAction = defineAction({ role: "contributor", schema: profileSchema }, async (input, ctx) => {
  await updateProfile(input, ctx);
  revalidatePath(`/editor/people/${input.personId}`);
  return { ok: true, message: "Profile saved." };
});
