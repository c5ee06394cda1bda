import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EventActionButton } from "@/components/event-action-button";
import { NotAllowed } from "@/components/not-allowed";
import { formatDateTime, formatTime } from "@/lib/dates";
import { getOpenDayForEditor, listRegistrations, registrationTotals } from "@/lib/open-days/editor-reads";
import { cancelRegistrationAction } from "../../actions";
import { pageAccess } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Registrations", robots: { index: false } };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ q?: string; cancel?: string; cancelled?: string; promoted?: string }>;
};

const STATUS = { confirmed: "Confirmed", waitlisted: "Waiting list", cancelled: "Cancelled" } as Record<string, string>;

export default async function RegistrationsPage({ params, searchParams }: Props) {
  if (!(await pageAccess("open-days.manage")).allowed) return <NotAllowed heading="Registrations" reason="Only editors and administrators can manage open days and see registrations." />;
  const id = Number((await params).id);
  const day = Number.isInteger(id) && id > 0 ? getOpenDayForEditor(id) : null;
  if (!day) notFound();
  const { q = "", cancel, cancelled, promoted } = await searchParams;
  const totals = registrationTotals(day.id);
  const rows = listRegistrations(day.id, q);
  const toCancel = cancel ? rows.find((r) => r.id === Number(cancel) && r.status !== "cancelled") : undefined;
  const base = `/editor/open-days/${day.id}/registrations`;
  return (
    <div className="container">
      <h1>Registrations: {day.title}</h1>
      <p className="meta">
        {formatDateTime(day.startsAt)} · {day.campus} · <Link href={`/editor/open-days/${day.id}/edit`}>Edit open day</Link>
      </p>
      {cancelled && (
        <p className="notice notice--success" role="status">
          The registration was cancelled{Number(promoted) > 0 ? ` and ${promoted} from the waiting list ${Number(promoted) === 1 ? "was" : "were"} given a place (and e-mailed)` : ""}.
        </p>
      )}
      {toCancel && (
        <div className="notice confirm-panel" role="region" aria-labelledby="confirm-cancel">
          <h2 id="confirm-cancel">Cancel {toCancel.name}&apos;s registration?</h2>
          <p>They will be e-mailed, and their places offered to the waiting list.</p>
          <EventActionButton
            action={cancelRegistrationAction}
            fields={{ id: String(toCancel.id), openDayId: String(day.id) }}
            label="Yes, cancel this registration"
            className="button button--danger"
          />{" "}
          <Link href={base}>No, keep it</Link>
        </div>
      )}
      <h2>Totals</h2>
      <ul className="totals">
        <li>
          Confirmed: <strong>{totals.confirmed}</strong> registrations, {totals.confirmedPeople} people of {day.capacity} places ({totals.guests} guests)
        </li>
        <li>
          Waiting list: <strong>{totals.waiting}</strong> registrations, {totals.waitingPeople} people
        </li>
        <li>
          Cancelled: <strong>{totals.cancelled}</strong>
        </li>
      </ul>
      {totals.sessions.length > 0 && (
        <div className="table-scroll">
          <table>
            <caption>Confirmed people per session</caption>
            <thead>
              <tr>
                <th scope="col">Session</th>
                <th scope="col">Time</th>
                <th scope="col">People</th>
                <th scope="col">Places</th>
              </tr>
            </thead>
            <tbody>
              {totals.sessions.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.title}</th>
                  <td>{formatTime(s.startsAt)}</td>
                  <td>{s.people}</td>
                  <td>{s.capacity ?? "No limit"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <a href={`/editor/open-days/${day.id}/registrations.csv`} className="button button--secondary" download>
          Export as CSV
        </a>
      </p>
      <form method="get" action={base} role="search" aria-label="Search registrations" className="inline-form">
        <div className="field">
          <label htmlFor="registrations-q">Search by name or email</label>
          <input id="registrations-q" type="search" name="q" defaultValue={q} />
        </div>
        <button type="submit">Search</button>
      </form>
      {rows.length === 0 ? (
        <p>{q ? "No registrations match your search." : "No registrations yet."}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>
              {rows.length === 1 ? "1 registration" : `${rows.length} registrations`}
              {q && ` matching “${q}”`}, in booking order
            </caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Guests</th>
                <th scope="col">Status</th>
                <th scope="col">Sessions</th>
                <th scope="col">Access needs</th>
                <th scope="col">Registered</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.name}</th>
                  <td>{r.email}</td>
                  <td>{r.guests}</td>
                  <td>{STATUS[r.status] ?? r.status}</td>
                  <td>{r.sessions.join(", ") || "None"}</td>
                  <td>{r.accessNeeds || "None"}</td>
                  <td>{formatDateTime(r.createdAt)}</td>
                  <td>
                    {r.status !== "cancelled" && (
                      <Link href={`${base}?${new URLSearchParams({ ...(q ? { q } : {}), cancel: String(r.id) })}#confirm-cancel`}>
                        Cancel<span className="visually-hidden"> {r.name}&apos;s registration</span>
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
