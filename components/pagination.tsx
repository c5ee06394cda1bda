
type Query = Record<string, string | undefined>;

/** Builds "?type=x&page=2", keeping the other parameters; page 1 has no page parameter. */
export function pageHref(basePath: string, query: Query, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (key !== "page" && value) params.set(key, value);
  if (page > 1) params.set("page", String(page));
  const qs = params.toString();
  return qs ? `${basePath}?${qs}` : basePath;
}

/** Page numbers around the current one, with null for a gap ("…"). */
export function pageWindow(page: number, totalPages: number): (number | null)[] {
  const wanted = new Set([1, totalPages, page - 1, page, page + 1].filter((n) => n >= 1 && n <= totalPages));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((n, i) => {
    const prev = sorted[i - 1];
    if (prev !== undefined && n - prev > 1) out.push(n - prev === 2 ? n - 1 : null);
    out.push(n);
  });
  return out;
}

/** Numbered pagination with previous/next; renders nothing when there is one page. */
export function Pagination({ page, totalPages, basePath, query = {}, label = "Pagination" }: {
  page: number;
  totalPages: number;
  basePath: string;
  query?: Query;
  label?: string;
}) {
  if (totalPages <= 1) return null;
  return (
    <nav className="pagination" aria-label={label}>
      <ul>
        {page > 1 ? (
          <li>
            <a href={pageHref(basePath, query, page - 1)} rel="prev">
              Previous<span className="visually-hidden"> page</span>
            </a>
          </li>
        ) : null}
        {pageWindow(page, totalPages).map((n, i) =>
          n === null ? (
            <li key={`gap-${i}`} aria-hidden="true"><span className="pagination__gap">…</span></li>
          ) : (
            <li key={n}>
              <a href={pageHref(basePath, query, n)} aria-current={n === page ? "page" : undefined}>
                <span className="visually-hidden">Page </span>{n}
              </a>
            </li>
          ),
        )}
        {page < totalPages ? (
          <li>
            <a href={pageHref(basePath, query, page + 1)} rel="next">
              Next<span className="visually-hidden"> page</span>
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
