/**
 * Wording shared by the booking e-mails and the confirmation page. Pure, so
 * pages and e-mails say the same thing (no database, no config).
 */

/** Names each full session of a confirmed booking: the day is booked, only those sessions wait. Null when there is none. */
export function fullSessionsNote(b: { status: string; sessions: { title: string; waitlisted: boolean }[] }): string | null {
  const full = b.sessions.filter((s) => s.waitlisted).map((s) => `“${s.title}”`);
  if (b.status !== "confirmed" || full.length === 0) return null;
  const names = full.length === 1 ? full[0]! : `${full.slice(0, -1).join(", ")} and ${full.at(-1)!}`;
  return `${names} ${full.length === 1 ? "is" : "are"} full, so you are on the waiting list for ${full.length === 1 ? "that session" : "those sessions"}; your place on the open day itself is confirmed. We will e-mail you if a place becomes free.`;
}
