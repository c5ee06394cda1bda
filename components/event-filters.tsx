type Props = {
  categories: string[];
  campuses: string[];
  category?: string;
  campus?: string;
  when: "upcoming" | "past";
};

/** A plain GET form, so filtering works without JavaScript and the URL can be shared. */
export function EventFilters({ categories, campuses, category, campus, when }: Props) {
  return (
    <form method="get" action="/events" className="event-filters" aria-label="Filter events">
      {when === "past" && <input type="hidden" name="when" value="past" />}
      <div className="field">
        <label htmlFor="filter-category">Category</label>
        <select id="filter-category" name="category" defaultValue={category ?? ""}>
          <option value="">All categories</option>
          {categories.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-campus">Campus</label>
        <select id="filter-campus" name="campus" defaultValue={campus ?? ""}>
          <option value="">All campuses</option>
          {campuses.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <button type="submit">Show events</button>
      </div>
    </form>
  );
}
