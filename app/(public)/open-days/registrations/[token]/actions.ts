"use server";

import type { FormState } from "@/lib/form";
import { handleForm } from "@/lib/form";
import { cancelRegistration, moveRegistration, updateRegistration } from "@/lib/open-days/registrations";
import { clientIp } from "@/lib/request";
import { cancelRegistrationSchema, moveRegistrationSchema, updateRegistrationSchema } from "@/lib/validation/registration";

/**
 * The registrant's own changes. No sign-in: the private token in the form is
 * the authority (only its hash is stored). Each redirects back to the manage
 * page with a notice, so the page is re-read after the change.
 */
const back = (token: string, done: string) => ({ redirectTo: `/open-days/registrations/${encodeURIComponent(token)}?done=${done}` });

export async function updateBookingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm({
    role: null,
    schema: updateRegistrationSchema,
    formData,
    write: async ({ token, guests, sessionIds }) => {
      await updateRegistration(token, { guests, sessionIds }, { ip: await clientIp() });
      return back(token, "updated");
    },
  });
}

export async function moveBookingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm({
    role: null,
    schema: moveRegistrationSchema,
    formData,
    write: async ({ token, openDayId }) => {
      await moveRegistration(token, openDayId, { ip: await clientIp() });
      return back(token, "moved");
    },
  });
}

export async function cancelBookingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm({
    role: null,
    schema: cancelRegistrationSchema,
    formData,
    write: async ({ token }) => {
      await cancelRegistration(token, { ip: await clientIp() });
      return back(token, "cancelled");
    },
  });
}
