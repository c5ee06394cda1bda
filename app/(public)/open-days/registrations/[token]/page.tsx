import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { levelLabel } from "@/components/open-days/open-day-card";
import { CancelBookingForm, ChangeBookingForm, MoveBookingForm } from "@/components/open-days/manage-forms";
import { formatDate, formatDayDate, formatTime, isoDateTime } from "@/lib/dates";
import { fullSessionsNote } from "@/lib/open-days/notices";
import { getOpenDayBySlug } from "@/lib/open-days/public";
import { getRegistrationByToken, isChangeable, listMoveTargets } from "@/lib/open-days/registrations";
import { cancelBookingAction, moveBookingAction, updateBookingAction } from "./actions";

// The URL is a secret: keep it out of search engines and other sites' logs.
export const metadata: Metadata = { title: "Your open-day booking", robots: { index: false, follow: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ done?: string; cancel?: string }> };

const notices: Record<string, string> = {
  updated: "Your booking has been updated. We have e-mailed you the new details.",
  moved: "Your booking has been moved. We have e-mailed you the new details.",
  cancelled: "Your registration has been cancelled. We have e-mailed you a confirmation.",
};

const statusText = { confirmed: "Confirmed", waitlisted: "On the waiting list", cancelled: "Cancelled" } as const;

export default async function ManageBookingPage({ params, searchParams }: Props) {
  const { token } = await params;
  const { done, cancel } = await searchParams;
  const b = await getRegistrationByToken(token);
  if (!b) notFound();
  const base = `/open-days/registrations/${encodeURIComponent(token)}`;
  const changeable = isChangeable(b);
  const day = changeable ? await getOpenDayBySlug(b.day.slug) : null;
  const targets = changeable ? await listMoveTargets(b.day.level, b.day.id) : [];
  return (
    <div className="container narrow manage-booking">
      <h1>Your open-day booking</h1>
      {done === "registered" && b.status !== "cancelled" && (
        // The confirmation after registering (Post/Redirect/Get): this URL can be reloaded or bookmarked safely.
        <div className="notice notice--success registration-confirmation" role="status">
          <h2>{b.status === "confirmed" ? "You're booked" : "You're on the waiting list"}</h2>
          <p>
            {b.status === "confirmed"
              ? `Your place on ${b.day.title} is confirmed. We have e-mailed you the details, your programme, a calendar file and the link to this page.`
              : `${b.day.title} is full, so you are on the waiting list. We have e-mailed you the details, and we will e-mail you again if a place becomes free.`}
          </p>
          {fullSessionsNote(b) && <p>{fullSessionsNote(b)}</p>}
          <p>This page is your private link to see, change or cancel your booking: bookmark it, and do not share it.</p>
        </div>
      )}
      {done && notices[done] && (
        <p className="notice notice--success" role="status">
          {notices[done]}
        </p>
      )}
      <dl className="booking-details">
        <dt>Open day</dt>
        <dd>
          <a href={`/open-days/${b.day.slug}`}>{b.day.title}</a> ({levelLabel(b.day.level)})
        </dd>
        <dt>When</dt>
        <dd>
          <time dateTime={isoDateTime(b.day.startsAt)}>{formatDayDate(b.day.startsAt)}</time>, {formatTime(b.day.startsAt)}–{formatTime(b.day.endsAt)}
        </dd>
        <dt>Campus</dt>
        <dd>{b.day.campus}</dd>
        <dt>Status</dt>
        <dd>
          <strong>{statusText[b.status]}</strong>
        </dd>
        <dt>Name</dt>
        <dd>{b.name}</dd>
        <dt>Email</dt>
        <dd>{b.email}</dd>
        <dt>Party</dt>
        <dd>You{b.guests ? ` and ${b.guests} guest${b.guests === 1 ? "" : "s"}` : " (no guests)"}</dd>
        {b.subject && (
          <>
            <dt>Subject</dt>
            <dd>{b.subject}</dd>
          </>
        )}
        {b.accessNeeds && (
          <>
            <dt>Access needs</dt>
            <dd>{b.accessNeeds}</dd>
          </>
        )}
        <dt>Registered</dt>
        <dd>{formatDate(b.createdAt)}</dd>
      </dl>

      <h2 id="programme">Your programme</h2>
      {b.sessions.length === 0 ? (
        <p>You have not chosen any sessions.</p>
      ) : (
        <ul aria-labelledby="programme">
          {b.sessions.map((s) => (
            <li key={s.id}>
              {formatTime(s.startsAt)}–{formatTime(s.endsAt)}: {s.title}
              {s.room && `, ${s.room}`}
              {s.waitlisted && " (waiting list)"}
            </li>
          ))}
        </ul>
      )}
      {b.status !== "cancelled" && (
        <p>
          <a href={`${base}/calendar.ics`} className="button button--secondary" download>
            Add to your calendar (.ics)
          </a>
        </p>
      )}

      {changeable && day && (
        <>
          <h2>Change guests or sessions</h2>
          <ChangeBookingForm
            action={updateBookingAction}
            token={token}
            guests={b.guests}
            chosen={b.sessions.map((s) => s.id)}
            sessions={day.sessions.map((s) => ({ id: s.id, label: `${formatTime(s.startsAt)}–${formatTime(s.endsAt)}: ${s.title}${s.room ? `, ${s.room}` : ""}`, full: s.full }))}
          />
          <h2>Move to another date</h2>
          {targets.length === 0 ? (
            <p>There are no other {levelLabel(b.day.level).toLowerCase()} open days open for registration.</p>
          ) : (
            <MoveBookingForm
              action={moveBookingAction}
              token={token}
              options={targets.map((t) => ({ value: String(t.id), label: `${formatDayDate(t.startsAt)}: ${t.title}, ${t.campus}` }))}
            />
          )}
          <h2 id="cancel">Cancel your registration</h2>
          {cancel ? (
            <CancelBookingForm action={cancelBookingAction} token={token} backHref={base} dayTitle={b.day.title} />
          ) : (
            <p>
              <a href={`${base}?cancel=1#cancel`}>Cancel my registration…</a>
            </p>
          )}
        </>
      )}
      <p className="meta">
        Keep this page&apos;s address private: anyone with it can change your booking. <a href="/privacy">Privacy notice</a>.
      </p>
    </div>
  );
}
