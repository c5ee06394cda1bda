import { FilterSelect } from "@/components/filter-select";
import { STORY_TYPES, type StoryType } from "@/lib/stories/labels";
import { STORY_TYPE_LABELS } from "@/lib/stories/labels";

type Props = {
  topics: { slug: string; name: string }[];
  type?: StoryType;
  topic?: string;
};

/** A plain GET form: type and topic combine, work without JavaScript, and the URL can be shared. */
export function NewsFilters({ topics, type, topic }: Props) {
  return (
    <form method="get" action="/news" className="filters" aria-labelledby="news-filters-heading">
      <h2 id="news-filters-heading" className="visually-hidden">Filter stories</h2>
      <FilterSelect
        id="filter-type"
        name="type"
        label="Type"
        allLabel="All types"
        options={STORY_TYPES.map((t) => ({ value: t, label: STORY_TYPE_LABELS[t] }))}
        value={type}
      />
      <FilterSelect
        id="filter-topic"
        name="topic"
        label="Topic"
        allLabel="All topics"
        options={topics.map((t) => ({ value: t.slug, label: t.name }))}
        value={topic}
      />
      <div className="field filters__submit">
        <button type="submit">Show stories</button>
      </div>
    </form>
  );
}
