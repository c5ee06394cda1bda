import { icsResponse } from "@/lib/ical";
import { bookingCalendar } from "@/lib/open-days/booking";
import { getRegistrationByToken } from "@/lib/open-days/registrations";

/** The registrant's calendar file (open day + chosen sessions). Personal: never cached by shared caches. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const booking = getRegistrationByToken((await params).token);
  if (!booking) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  const response = icsResponse(bookingCalendar(booking), booking.day.slug);
  response.headers.set("Cache-Control", "private, no-store");
  response.headers.set("X-Robots-Tag", "noindex");
  response.headers.set("Referrer-Policy", "no-referrer");
  return response;
}
