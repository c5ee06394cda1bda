import { errorResponse, NotFoundError } from "@/lib/errors";
import { icsResponse } from "@/lib/ical";
import { bookingCalendar } from "@/lib/open-days/booking";
import { getRegistrationByToken } from "@/lib/open-days/registrations";

/**
 * The registrant's calendar file (open day + chosen sessions). No sign-in:
 * the private token in the URL is the authority. Personal: never cached by
 * shared caches, never indexed, never sent on as a referrer.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const booking = await getRegistrationByToken((await params).token);
  if (!booking) return errorResponse(new NotFoundError("This link is not valid. Please use the link in your latest e-mail."), { "Cache-Control": "no-store" });
  const response = icsResponse(bookingCalendar(booking), booking.day.slug);
  response.headers.set("Cache-Control", "private, no-store");
  response.headers.set("X-Robots-Tag", "noindex");
  response.headers.set("Referrer-Policy", "no-referrer");
  return response;
}
