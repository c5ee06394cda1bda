
/** Previous / numbered / next links; nothing when everything fits on one page. */
export function EventsPagination({ page, totalPages, hrefFor }: { page: number; totalPages: number; hrefFor: (page: number) => string }) {
  if (totalPages <= 1) return null;
  const pages = Array.from({ length: totalPages }, (_, i) => i + 1).filter((n) => n === 1 || n === totalPages || Math.abs(n - page) <= 2);
  return (
    <nav className="pagination" aria-label="Pages of events">
      <ul>
        {page > 1 && (
          <li>
            <a href={hrefFor(page - 1)} rel="prev">
              Previous<span className="visually-hidden"> page</span>
            </a>
          </li>
        )}
        {pages.map((n, i) => (
          <li key={n}>
            {i > 0 && n - (pages[i - 1] ?? n) > 1 && <span aria-hidden="true">…</span>}
            {n === page ? (
              <span aria-current="page">
                <span className="visually-hidden">Page </span>
                {n}
              </span>
            ) : (
              <a href={hrefFor(n)}>
                <span className="visually-hidden">Page </span>
                {n}
              </a>
            )}
          </li>
        ))}
        {page < totalPages && (
          <li>
            <a href={hrefFor(page + 1)} rel="next">
              Next<span className="visually-hidden"> page</span>
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
