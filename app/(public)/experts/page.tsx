import type { Metadata } from "next";
import { ExpertCard } from "@/components/expert-card";
import { firstParam } from "@/lib/pagination";
import { listExpertFacets, listExperts } from "@/lib/people/public";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function readFilters(searchParams: SearchParams) {
  const raw = await searchParams;
  const clean = (v: string | undefined) => v?.trim().slice(0, 200) || undefined;
  return {
    expertise: clean(firstParam(raw.expertise)),
    department: clean(firstParam(raw.department)),
    available: firstParam(raw.available) === "yes",
  };
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const f = await readFilters(searchParams);
  const filtered = f.expertise || f.department || f.available;
  return {
    title: f.expertise ? `Experts on ${f.expertise}` : "Find an expert",
    description: "Academics at the university who comment on the news: search by expertise and department, and see who is available for media interviews.",
    alternates: { canonical: "/experts" },
    robots: filtered ? { index: false, follow: true } : undefined,
  };
}

export default async function ExpertsPage({ searchParams }: { searchParams: SearchParams }) {
  const filters = await readFilters(searchParams);
  const [experts, facets] = await Promise.all([listExperts(filters), listExpertFacets()]);
  const filtered = Boolean(filters.expertise || filters.department || filters.available);

  return (
    <div className="container">
      <h1>Find an expert</h1>
      <p className="standfirst">Our academics comment on the news. Journalists can contact them through the press office.</p>
      <form method="get" action="/experts" className="filters" aria-label="Filter experts">
        <div className="field">
          <label htmlFor="filter-expertise">Expertise</label>
          <select id="filter-expertise" name="expertise" defaultValue={filters.expertise ?? ""}>
            <option value="">Any expertise</option>
            {facets.expertise.map((e) => <option key={e} value={e}>{e}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-department">Department</label>
          <select id="filter-department" name="department" defaultValue={filters.department ?? ""}>
            <option value="">Any department</option>
            {facets.departments.map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        </div>
        <div className="field filters__check">
          <input type="checkbox" id="filter-available" name="available" value="yes" defaultChecked={filters.available} />
          <label htmlFor="filter-available">Available for media comment</label>
        </div>
        <div className="field filters__submit">
          <button type="submit">Show experts</button>
        </div>
      </form>
      <p className="result-count" role="status">
        {experts.length === 1 ? "1 expert" : `${experts.length} experts`}
        {filtered ? <> {experts.length === 1 ? "matches" : "match"} these filters. <a href="/experts">Clear filters</a></> : null}
      </p>
      {experts.length ? (
        <ul className="card-grid">
          {experts.map((e) => <li key={e.id}><ExpertCard expert={e} /></li>)}
        </ul>
      ) : (
        <p className="empty-state">No experts match these filters. Try fewer filters, or <a href="/search">search the newsroom</a>.</p>
      )}
    </div>
  );
}
