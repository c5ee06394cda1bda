import { FilterSelect } from "@/components/filter-select";

type Props = {
  categories: string[];
  campuses: string[];
  category?: string;
  campus?: string;
  when: "upcoming" | "past";
};

const asOptions = (values: string[]) => values.map((v) => ({ value: v, label: v }));

/** A plain GET form, so filtering works without JavaScript and the URL can be shared. */
export function EventFilters({ categories, campuses, category, campus, when }: Props) {
  return (
    <form method="get" action="/events" className="event-filters" aria-label="Filter events">
      {when === "past" && <input type="hidden" name="when" value="past" />}
      <FilterSelect id="filter-category" name="category" label="Category" allLabel="All categories" options={asOptions(categories)} value={category} />
      <FilterSelect id="filter-campus" name="campus" label="Campus" allLabel="All campuses" options={asOptions(campuses)} value={campus} />
      <div className="field">
        <button type="submit">Show events</button>
      </div>
    </form>
  );
}
