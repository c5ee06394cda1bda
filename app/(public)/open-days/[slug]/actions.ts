"use server";

import type { RegistrationState } from "@/components/open-days/registration-form";
import { defineAction } from "@/lib/action";
import { registerBySlug } from "@/lib/open-days/registrations";
import { registrationSchema } from "@/lib/open-days/schema";

const messages = {
  duplicate: "You are already registered for this open day, so we have not registered you twice. We have e-mailed you at that address about your booking.",
  ignored: "Thank you. Please check your e-mail.",
} as const;

/**
 * Public registration (no sign-in, bound to the day's slug): rate-limited
 * per IP and guarded by a honeypot inside lib/open-days. A new booking
 * redirects (Post/Redirect/Get) to its private manage page with a "you are
 * booked" notice: the confirmation has its own URL, so a reload does not
 * post the form again. A duplicate or a bot gets a message in place and no
 * link (whoever typed someone else's address must not reach that booking).
 */
export const registerAction = defineAction<typeof registrationSchema, null, [slug: string]>({ role: null, schema: registrationSchema }, async (input, ctx) => {
  const [slug] = ctx.args;
  const result = await registerBySlug({ ...input, slug }, ctx);
  if (!("token" in result)) return { ok: true, outcome: result.outcome, message: messages[result.outcome] } satisfies RegistrationState;
  return { redirectTo: `/open-days/registrations/${encodeURIComponent(result.token)}?done=registered` };
});
