import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FilterSelect } from "@/components/filter-select";
import { Pagination } from "@/components/pagination";
import { formatDate, formatDayDate, isoDateTime } from "@/lib/dates";
import { firstParam, parsePage } from "@/lib/pagination";
import { isSearchKind, search, SEARCH_COUNT_CAP, type SearchHit, type SearchKind } from "@/lib/search/public";
import { suggestQuery } from "@/lib/search/suggest";
import { isStoryType, STORY_TYPE_LABELS } from "@/lib/stories/labels";

/** Below this many results a "Did you mean" correction is looked for. */
const SUGGEST_BELOW = 3;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const KIND_OPTIONS: { value: SearchKind; label: string }[] = [
  { value: "story", label: "Stories" },
  { value: "event", label: "Events" },
  { value: "expert", label: "Experts" },
  { value: "open-day", label: "Open days" },
];

const TYPE_OPTIONS = Object.entries(STORY_TYPE_LABELS).map(([value, label]) => ({ value, label }));

/** Junk filter values are ignored (searching everything) rather than refused. */
async function readParams(searchParams: Props["searchParams"]) {
  const raw = await searchParams;
  const q = (firstParam(raw.q) ?? "").trim();
  const kind = firstParam(raw.kind);
  const type = firstParam(raw.type);
  return {
    q,
    kind: isSearchKind(kind) ? kind : undefined,
    type: isStoryType(type) ? type : undefined,
    page: parsePage(raw.page),
  };
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { q } = await readParams(searchParams);
  return {
    title: q ? `Search results for “${q.slice(0, 60)}”` : "Search",
    description: "Search news, features, expert comment, events, experts and open days.",
    alternates: { canonical: "/search" },
    // Result pages are endless variations of one page: keep them out of search engines.
    robots: q ? { index: false, follow: true } : undefined,
  };
}

function Result({ hit }: { hit: SearchHit }) {
  return (
    <article className="search-result">
      <p className="type-label">
        {hit.label}
        {hit.cancelled && <span className="search-result__cancelled"> · Cancelled</span>}
      </p>
      <h3>
        {/* titleHtml and snippetHtml are escaped text with <mark> only (lib/search/query.ts). */}
        <a href={hit.href}>
          <span dangerouslySetInnerHTML={{ __html: hit.titleHtml }} />
        </a>
      </h3>
      {hit.date !== null && (
        <p className="meta">
          <time dateTime={isoDateTime(hit.date)}>{hit.kind === "event" || hit.kind === "open-day" ? formatDayDate(hit.date) : formatDate(hit.date)}</time>
        </p>
      )}
      {hit.snippetHtml && <p className="search-result__snippet" dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} />}
    </article>
  );
}

export default async function SearchPage({ searchParams }: Props) {
  const { q, kind, type, page } = await readParams(searchParams);
  if (page === null) notFound();
  const results = q ? await search({ q, kind, type, page }) : null;
  // Few or no results: offer the query with misspelt words corrected from the index's vocabulary.
  const suggestion = results && results.total < SUGGEST_BELOW ? await suggestQuery(q, results.total) : null;
  const searchHref = (query: string) => `/search?${new URLSearchParams({ q: query, ...(kind && { kind }), ...(type && { type }) })}`;
  const plural = (n: number) => (n === 1 ? "result" : "results");

  return (
    <div className="container narrow">
      <h1>Search</h1>
      <form role="search" method="get" action="/search" className="search-form" aria-label="Search the newsroom">
        <div className="field">
          <label htmlFor="search-q">Search news, events and experts</label>
          <input type="search" id="search-q" name="q" defaultValue={q} maxLength={2000} autoComplete="off" />
        </div>
        <div className="search-form__filters">
          <FilterSelect id="search-kind" name="kind" label="Show" allLabel="Everything" options={KIND_OPTIONS} value={kind} />
          <FilterSelect id="search-type" name="type" label="Story type" allLabel="Any type" options={TYPE_OPTIONS} value={type} />
        </div>
        <button type="submit">Search</button>
      </form>

      {results === null ? (
        <p>Type a word or two: a headline, a subject, an expert&rsquo;s name or an event.</p>
      ) : (
        <section aria-labelledby="results-heading" className="section">
          <h2 id="results-heading">
            {results.total > SEARCH_COUNT_CAP ? `More than ${SEARCH_COUNT_CAP.toLocaleString("en-GB")}` : results.total} {plural(results.total)} for &ldquo;{q}&rdquo;
          </h2>
          {suggestion && (
            <p className="search-suggestion">
              Did you mean <a href={searchHref(suggestion)}>{suggestion}</a>?
            </p>
          )}
          {results.total === 0 ? (
            <div className="search-empty">
              <p>Nothing matched your search. Try fewer or different words, check the spelling, or remove a filter.</p>
              <p>
                <a href="/news">Browse all news</a> or <a href="/events">see upcoming events</a>.
              </p>
            </div>
          ) : results.hits.length === 0 ? (
            <p>
              There are no results on this page.{" "}
              <a href={searchHref(q)}>Go to the first page of results</a>.
            </p>
          ) : (
            <>
              <p className="meta">
                Page {results.page} of {results.pageCount}
              </p>
              <ol className="search-results">
                {results.hits.map((hit) => (
                  <li key={hit.href}>
                    <Result hit={hit} />
                  </li>
                ))}
              </ol>
            </>
          )}
          <Pagination page={results.page} totalPages={results.pageCount} basePath="/search" query={{ q, kind, type }} label="Search results pages" />
        </section>
      )}
    </div>
  );
}
