import type { NextRequest } from "next/server";
import { config } from "@/lib/config";
import { eventsCalendar } from "@/lib/events/ical";
import { listEventsForCalendar } from "@/lib/events/public";
import { icsResponse } from "@/lib/ical";

/** All upcoming events as a subscribable calendar; ?category= and ?campus= narrow it. */
export async function GET(request: NextRequest) {
  const category = request.nextUrl.searchParams.get("category")?.trim() || undefined;
  const campus = request.nextUrl.searchParams.get("campus")?.trim() || undefined;
  const list = await listEventsForCalendar({ category, campus });
  const name = [`${config().siteName} events`, category, campus].filter(Boolean).join(" – ");
  const file = ["events", category, campus].filter(Boolean).join("-");
  return icsResponse(eventsCalendar(list, name), file);
}
