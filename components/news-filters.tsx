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
      <div className="field">
        <label htmlFor="filter-type">Type</label>
        <select id="filter-type" name="type" defaultValue={type ?? ""}>
          <option value="">All types</option>
          {STORY_TYPES.map((t) => (
            <option key={t} value={t}>{STORY_TYPE_LABELS[t]}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-topic">Topic</label>
        <select id="filter-topic" name="topic" defaultValue={topic ?? ""}>
          <option value="">All topics</option>
          {topics.map((t) => (
            <option key={t.slug} value={t.slug}>{t.name}</option>
          ))}
        </select>
      </div>
      <div className="field filters__submit">
        <button type="submit">Show stories</button>
      </div>
    </form>
  );
}
