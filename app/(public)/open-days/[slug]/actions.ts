"use server";

import type { RegistrationState } from "@/components/open-days/registration-form";
import { FormError, handleForm } from "@/lib/form";
import { getOpenDayBySlug } from "@/lib/open-days/public";
import { register } from "@/lib/open-days/registrations";
import { clientIp } from "@/lib/request";
import { registrationSchema } from "@/lib/validation/registration";

const messages = {
  duplicate: "You are already registered for this open day, so we have not registered you twice. We have e-mailed you at that address about your booking.",
  ignored: "Thank you. Please check your e-mail.",
} as const;

/**
 * Public registration (no sign-in): rate-limited per IP and guarded by a
 * honeypot inside register(). A new booking redirects (Post/Redirect/Get) to
 * its private manage page with a "you are booked" notice: the confirmation
 * has its own URL, so a reload does not post the form again. A duplicate or
 * a bot gets a message in place and no link (whoever typed someone else's
 * address must not reach that booking).
 */
export async function registerAction(slug: string, _prev: RegistrationState, formData: FormData): Promise<RegistrationState> {
  return handleForm({
    role: null,
    schema: registrationSchema,
    formData,
    write: async (input) => {
      const day = await getOpenDayBySlug(slug);
      if (!day) throw new FormError("This open day no longer exists.");
      const result = await register({ ...input, openDayId: day.id }, { ip: await clientIp() });
      if (!("token" in result)) return { ok: true, outcome: result.outcome, message: messages[result.outcome] };
      return { redirectTo: `/open-days/registrations/${encodeURIComponent(result.token)}?done=registered` };
    },
  });
}
