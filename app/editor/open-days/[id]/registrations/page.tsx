import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DataTable } from "@/components/editor/data-table";
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
  const day = Number.isInteger(id) && id > 0 ? await getOpenDayForEditor(id) : null;
  if (!day) notFound();
  const { q = "", cancel, cancelled, promoted } = await searchParams;
  const [totals, rows] = await Promise.all([registrationTotals(day.id), listRegistrations(day.id, q)]);
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
        <DataTable
          caption="Confirmed people per session"
          showCaption
          rows={totals.sessions}
          rowKey={(s) => s.id}
          columns={[
            { header: "Session", rowHeader: true, cell: (s) => s.title },
            { header: "Time", cell: (s) => formatTime(s.startsAt) },
            { header: "People", cell: (s) => s.people },
            { header: "Places", cell: (s) => s.capacity ?? "No limit" },
          ]}
        />
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
      <DataTable
        caption={
          <>
            {rows.length === 1 ? "1 registration" : `${rows.length} registrations`}
            {q && ` matching “${q}”`}, in booking order
          </>
        }
        showCaption
        rows={rows}
        rowKey={(r) => r.id}
        empty={q ? "No registrations match your search." : "No registrations yet."}
        columns={[
          { header: "Name", rowHeader: true, cell: (r) => r.name },
          { header: "Email", cell: (r) => r.email },
          { header: "Guests", cell: (r) => r.guests },
          { header: "Status", cell: (r) => STATUS[r.status] ?? r.status },
          { header: "Sessions", cell: (r) => r.sessions.join(", ") || "None" },
          { header: "Access needs", cell: (r) => r.accessNeeds || "None" },
          { header: "Registered", cell: (r) => formatDateTime(r.createdAt) },
          {
            header: "Actions",
            cell: (r) =>
              r.status !== "cancelled" && (
                <Link href={`${base}?${new URLSearchParams({ ...(q ? { q } : {}), cancel: String(r.id) })}#confirm-cancel`}>
                  Cancel<span className="visually-hidden"> {r.name}&apos;s registration</span>
                </Link>
              ),
          },
        ]}
      />
    </div>
  );
}
