import "server-only";
import { config } from "@/lib/config";
import { formatDayDate, formatTime } from "@/lib/dates";
import { icsFileName } from "@/lib/ical";
import { sendMail, type Mail } from "@/lib/mail";
import { takeToken } from "@/lib/rate-limit";
import { bookingCalendar, manageUrl, type Booking } from "./booking";
import { fullSessionsNote } from "./notices";

type Kind = "confirmed" | "waitlisted" | "duplicate" | "promoted" | "updated" | "moved" | "reminder" | "cancelled";

const subjects: Record<Kind, (b: Booking) => string> = {
  confirmed: (b) => `You're booked: ${b.day.title}`,
  waitlisted: (b) => `You're on the waiting list: ${b.day.title}`,
  duplicate: (b) => `You're already registered: ${b.day.title}`,
  promoted: (b) => `A place is now yours: ${b.day.title}`,
  updated: (b) => `Your booking has changed: ${b.day.title}`,
  moved: (b) => `Your new date: ${b.day.title}`,
  reminder: (b) => `See you tomorrow: ${b.day.title}`,
  cancelled: (b) => `Registration cancelled: ${b.day.title}`,
};

const openings: Record<Kind, string> = {
  confirmed: "Thank you for registering. Your place is confirmed.",
  waitlisted: "Thank you for registering. The open day (or a session you chose) is full, so you are on the waiting list. We will e-mail you if a place becomes free.",
  duplicate:
    "You are already registered for this open day, so we have not registered you again. Someone (probably you) used this e-mail address on the registration form. Your booking is below; nothing has changed.",
  promoted: "Good news: a place has become free and is now yours. Your booking is below.",
  updated: "Your booking has been updated.",
  moved: "Your registration has been moved to a new date.",
  reminder: "A reminder that your open day is tomorrow.",
  cancelled: "Your registration has been cancelled. We hope to see you at another open day.",
};

function statusLine(b: Booking): string {
  if (b.status === "confirmed") return "Status: confirmed";
  if (b.status === "waitlisted") return "Status: on the waiting list";
  return "Status: cancelled";
}

function programme(b: Booking): string[] {
  if (b.sessions.length === 0) return ["Your programme: no sessions chosen (you are welcome at the general activities)."];
  return [
    "Your programme:",
    ...b.sessions.map((s) => `  ${formatTime(s.startsAt)}–${formatTime(s.endsAt)}  ${s.title}${s.room ? ` (${s.room})` : ""}${s.waitlisted ? " (waiting list)" : ""}`),
  ];
}

/** The text of every open-day e-mail: what, when, where, who, the programme and how to manage it. */
export function bookingMailText(kind: Kind, b: Booking, token?: string): string {
  const { siteName, siteUrl, mediaEmail } = config();
  // Anyone can type any address into the public form, so nothing the form's
  // user wrote (name, subject, access needs) is echoed into the e-mail: it
  // must not become a way to send someone else a message or a link from us.
  const lines = [
    "Hello,",
    "",
    openings[kind],
    ...(kind === "cancelled" ? [] : [fullSessionsNote(b)].filter((x): x is string => x !== null)),
    "",
    b.day.title,
    `${formatDayDate(b.day.startsAt)}, ${formatTime(b.day.startsAt)}–${formatTime(b.day.endsAt)}`,
    `Campus: ${b.day.campus}`,
    `Party: you${b.guests ? ` and ${b.guests} guest${b.guests === 1 ? "" : "s"}` : ""}`,
    statusLine(b),
    "",
    ...(kind === "cancelled" ? [] : [...programme(b), ""]),
  ];
  if (token) {
    lines.push("To see, change or cancel your booking, use this private link (do not share it):", manageUrl(token), "");
  } else if (kind !== "cancelled") {
    lines.push(
      `To change or cancel, use the private link in the first e-mail we sent you. If you cannot find it, write to ${mediaEmail} and we will help.`,
      "",
    );
  }
  lines.push(`Programme, travel and accessibility: ${siteUrl}/open-days/${b.day.slug}`, `Privacy notice: ${siteUrl}/privacy`, "", siteName);
  return lines.join("\n");
}

export function bookingMail(kind: Kind, b: Booking, token?: string): Mail {
  const mail: Mail = { to: b.email, subject: subjects[kind](b), text: bookingMailText(kind, b, token) };
  if (kind !== "cancelled") {
    mail.attachments = [{ filename: icsFileName(b.day.slug), content: bookingCalendar(b), contentType: "text/calendar; charset=utf-8; method=PUBLISH" }];
  }
  return mail;
}

/** Mails that anyone can trigger by typing an address into the public form (the others need the private link or come from us). */
const FORM_TRIGGERED: ReadonlySet<Kind> = new Set(["confirmed", "waitlisted", "duplicate"]);
const RECIPIENT_LIMIT = 5;
const RECIPIENT_WINDOW_MS = 24 * 60 * 60_000;

/**
 * Sends after the transaction has committed. A failure is logged rather than
 * thrown: the booking itself is safe in the database and the registrant can
 * get a new link by registering again.
 */
export async function sendBookingMail(kind: Kind, b: Booking | null, token?: string): Promise<boolean> {
  if (!b) return false;
  // Per recipient, not per IP: rotating addresses or open days must not let
  // the form be used to flood one inbox. The booking is stored either way
  // and the registrant sees it on the confirmation page.
  if (FORM_TRIGGERED.has(kind) && !(await takeToken("booking-mail-recipient", b.email.trim().toLowerCase(), RECIPIENT_LIMIT, RECIPIENT_WINDOW_MS))) {
    console.warn(`[open-days] not sending the ${kind} e-mail for registration ${b.id}: too many e-mails to this address today`);
    return false;
  }
  try {
    await sendMail(bookingMail(kind, b, token));
    return true;
  } catch (error) {
    console.error(`[open-days] could not send the ${kind} e-mail for registration ${b.id}:`, error);
    return false;
  }
}
