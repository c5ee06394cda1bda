"use server";

import { defineAction } from "@/lib/action";
import { cancelRegistration, moveRegistration, updateRegistration } from "@/lib/open-days/registrations";
import { cancelRegistrationSchema, moveRegistrationSchema, updateRegistrationSchema } from "@/lib/open-days/schema";

/**
 * The registrant's own changes. No sign-in: the private token in the form is
 * the authority (only its hash is stored); lib/open-days rate-limits per IP.
 * Each redirects back to the manage page with a notice, so the page is
 * re-read after the change.
 */
const back = (token: string, done: string) => ({ redirectTo: `/open-days/registrations/${encodeURIComponent(token)}?done=${done}` });

export const updateBookingAction = defineAction({ role: null, schema: updateRegistrationSchema }, async (input, ctx) => {
  await updateRegistration(input, ctx);
  return back(input.token, "updated");
});

export const moveBookingAction = defineAction({ role: null, schema: moveRegistrationSchema }, async (input, ctx) => {
  await moveRegistration(input, ctx);
  return back(input.token, "moved");
});

export const cancelBookingAction = defineAction({ role: null, schema: cancelRegistrationSchema }, async (input, ctx) => {
  await cancelRegistration(input, ctx);
  return back(input.token, "cancelled");
});
