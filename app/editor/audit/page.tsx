import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/editor/data-table";
import { requirePageUser } from "@/lib/auth/page-guard";
import { actionLabel } from "@/lib/audit/labels";
import { listAuditActions, listAuditEntries } from "@/lib/audit/log";
import { formatDateTime, isoDateTime } from "@/lib/dates";
import { listUserOptions } from "@/lib/users/editor";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function one(v: string | string[] | undefined): string {
  return (Array.isArray(v) ? v[0] : v) ?? "";
}

export default async function AuditPage({ searchParams }: Props) {
  await requirePageUser("admin");
  const params = await searchParams;
  const filter = {
    actor: one(params.actor),
    action: one(params.action),
    from: one(params.from),
    to: one(params.to),
  };
  const page = Number(one(params.page)) || 1;
  const [result, actions, people] = await Promise.all([
    listAuditEntries({ actorId: Number(filter.actor) || undefined, action: filter.action || undefined, from: filter.from, to: filter.to, page }),
    listAuditActions(),
    listUserOptions(),
  ]);
  const pageHref = (n: number) => `/editor/audit?${new URLSearchParams({ ...filter, page: String(n) })}`;
  return (
    <>
      <h1>Audit log</h1>
      <form method="get" className="filter-form" aria-label="Filter the audit log">
        <div className="field">
          <label htmlFor="actor">User</label>
          <select id="actor" name="actor" defaultValue={filter.actor}>
            <option value="">Anyone</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.email})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="action">Action</label>
          <select id="action" name="action" defaultValue={filter.action}>
            <option value="">Any action</option>
            {actions
              .map((a) => ({ value: a, label: actionLabel(a) }))
              .sort((x, y) => x.label.localeCompare(y.label))
              .map((a) => (
                <option key={a.value} value={a.value}>
                  {a.label}
                </option>
              ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="from">From</label>
          <input type="date" id="from" name="from" defaultValue={filter.from} />
        </div>
        <div className="field">
          <label htmlFor="to">To</label>
          <input type="date" id="to" name="to" defaultValue={filter.to} />
        </div>
        <button type="submit">Filter</button> <Link href="/editor/audit">Clear</Link>
      </form>
      <p role="status">
        {result.total === 1 ? "1 entry" : `${result.total} entries`}, newest first. Page {result.page} of {result.pageCount}.
      </p>
      <DataTable
        caption="Audit entries"
        rows={result.entries}
        rowKey={(e) => e.id}
        columns={[
          { header: "When", cell: (e) => <time dateTime={isoDateTime(e.at)}>{formatDateTime(e.at)}</time> },
          { header: "Who", cell: (e) => e.actorName ?? (e.actorId === null && e.actorEmail === null ? "Public or system" : "—") },
          { header: "What", cell: (e) => actionLabel(e.action) },
          { header: "Record", cell: (e) => (e.record ? e.record.href ? <Link href={e.record.href}>{e.record.label}</Link> : e.record.label : "—") },
          { header: "From", cell: (e) => e.ip ?? "—" },
          {
            header: "Details",
            cell: (e) =>
              e.detailLines.length > 0 && (
                <ul className="audit-details">
                  {e.detailLines.map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
                </ul>
              ),
          },
        ]}
      />
      {result.pageCount > 1 ? (
        <nav className="pagination" aria-label="Audit log pages">
          <ul>
            {result.page > 1 ? (
              <li>
                <Link href={pageHref(result.page - 1)}>Newer</Link>
              </li>
            ) : null}
            <li>
              <span aria-current="page">{result.page}</span>
            </li>
            {result.page < result.pageCount ? (
              <li>
                <Link href={pageHref(result.page + 1)}>Older</Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </>
  );
}
