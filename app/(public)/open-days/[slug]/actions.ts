"use server";

import type { RegistrationState } from "@/components/open-days/registration-form";
import { getDb } from "@/db/client";
import { formatDayDate, formatTime } from "@/lib/dates";
import { FormError, handleForm } from "@/lib/form";
import { loadBooking, manageUrl } from "@/lib/open-days/booking";
import { getOpenDayBySlug } from "@/lib/open-days/public";
import { register } from "@/lib/open-days/registrations";
import { clientIp } from "@/lib/request";
import { registrationSchema } from "@/lib/validation/registration";

const messages = {
  confirmed: "Your place is confirmed. We have e-mailed you the details, your programme, a calendar file and a private link to manage your booking.",
  waitlisted:
    "The open day (or a session you chose) is full, so you are on the waiting list. We have e-mailed you the details, and we will e-mail you again if a place becomes free.",
  duplicate: "You are already registered for this open day, so we have not registered you twice. We have re-sent the link to manage your booking to your e-mail address.",
  ignored: "Thank you. Please check your e-mail.",
} as const;

/** Public registration (no sign-in): rate-limited per IP and guarded by a honeypot inside register(). */
export async function registerAction(slug: string, _prev: RegistrationState, formData: FormData): Promise<RegistrationState> {
  return handleForm({
    role: null,
    schema: registrationSchema,
    formData,
    write: async (input): Promise<RegistrationState> => {
      const day = await getOpenDayBySlug(slug);
      if (!day) throw new FormError("This open day no longer exists.");
      const result = await register({ ...input, openDayId: day.id }, { ip: await clientIp() });
      if (!("token" in result)) return { ok: true, outcome: result.outcome, message: messages[result.outcome] };
      // A new booking: show its details and personal programme (never for a duplicate, which anyone knowing the e-mail could send).
      const booking = loadBooking(getDb(), { id: result.registrationId });
      const details = booking && {
        when: `${formatDayDate(booking.day.startsAt)}, ${formatTime(booking.day.startsAt)}–${formatTime(booking.day.endsAt)}`,
        campus: booking.day.campus,
        party: `You${booking.guests ? ` and ${booking.guests} guest${booking.guests === 1 ? "" : "s"}` : " (no guests)"}`,
        programme: booking.sessions.map((s) => `${formatTime(s.startsAt)}–${formatTime(s.endsAt)}: ${s.title}${s.room ? `, ${s.room}` : ""}`),
      };
      const manageHref = new URL(manageUrl(result.token)).pathname;
      return { ok: true, outcome: result.outcome, message: messages[result.outcome], manageHref, ...(details ? { details } : {}) };
    },
  });
}
