import { FilterSelect } from "@/components/filter-select";

type Option = { value: string; label: string };

/** The finder's filters: a GET form, so results have a shareable URL and work without JavaScript. */
export function FinderForm({
  filters,
  campuses,
  subjects,
  months,
}: {
  filters: { level: string; campus: string; subject: string; month: string };
  campuses: string[];
  subjects: string[];
  months: Option[];
}) {
  const select = (name: keyof typeof filters, label: string, anyLabel: string, options: Option[]) => (
    <FilterSelect id={`filter-${name}`} name={name} label={label} allLabel={anyLabel} options={options} value={filters[name]} />
  );
  const plain = (xs: string[]) => xs.map((x) => ({ value: x, label: x }));
  return (
    <form method="get" action="/open-days" className="finder-form" role="search" aria-label="Find an open day">
      {select("level", "Level", "Any level", [
        { value: "undergraduate", label: "Undergraduate" },
        { value: "postgraduate", label: "Postgraduate" },
      ])}
      {select("campus", "Campus", "Any campus", plain(campuses))}
      {select("subject", "Subject", "Any subject", plain(subjects))}
      {select("month", "Month", "Any month", months)}
      <div className="finder-form__submit">
        <button type="submit">Find open days</button>
      </div>
    </form>
  );
}
