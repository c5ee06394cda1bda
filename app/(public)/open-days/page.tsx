import type { Metadata } from "next";
import { OpenDayCard } from "@/components/open-days/open-day-card";
import { FinderForm } from "@/components/open-days/finder-form";
import { formatMonth, monthKey } from "@/lib/dates";
import { findOpenDays, listCampuses, listSubjects } from "@/lib/open-days/public";

export const metadata: Metadata = {
  title: "Open days",
  description: "Find an undergraduate or postgraduate open day by campus, subject and month, and register.",
};

type Search = { level?: string | string[]; campus?: string | string[]; subject?: string | string[]; month?: string | string[] };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function OpenDaysPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const filters = { level: one(sp.level), campus: one(sp.campus), subject: one(sp.subject), month: one(sp.month) };
  const [days, all, campuses, subjects] = await Promise.all([findOpenDays(filters), findOpenDays(), listCampuses(), listSubjects()]);
  const months = [...new Map(all.map((d) => [monthKey(d.startsAt), formatMonth(d.startsAt)])).entries()].map(([value, label]) => ({ value, label }));
  const filtered = Object.values(filters).some(Boolean);
  return (
    <div className="container">
      <h1>Open days</h1>
      <p className="standfirst">Visit us, meet students and staff, and see where you would study. Find an open day and register: it takes a minute.</p>
      <FinderForm filters={filters} campuses={campuses} subjects={subjects} months={months} />
      <section className="section" aria-labelledby="results-heading">
        <div className="section__head">
          <h2 id="results-heading">{filtered ? "Open days matching your search" : "Upcoming open days"}</h2>
          <p className="meta" role="status">
            {days.length === 1 ? "1 open day" : `${days.length} open days`}
          </p>
        </div>
        {days.length === 0 ? (
          <div className="notice">
            <p>There are no open days {filtered ? "matching your search" : "with registration open"} at the moment.</p>
            {filtered && (
              <p>
                <a href="/open-days">See all open days</a>
              </p>
            )}
          </div>
        ) : (
          <ul className="card-grid">
            {days.map((d) => (
              <OpenDayCard key={d.id} day={d} />
            ))}
          </ul>
        )}
      </section>
      <p className="meta">
        How we use your details: <a href="/privacy">privacy notice</a>.
      </p>
    </div>
  );
}
