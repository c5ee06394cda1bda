/**
 * Page numbers from the query string. Anything that is not a plain positive
 * whole number (e.g. "-1", "2.5", "abc", "1e9") is junk: the page answers
 * 404 rather than guessing, and nothing reaches the database unchecked.
 */
export const PAGE_SIZE = 12;
const MAX_PAGE = 100_000;

export type Paged<T> = { items: T[]; total: number; page: number; pageSize: number; totalPages: number };

/** undefined → 1; junk → null. */
export function parsePage(raw: string | string[] | undefined): number | null {
  if (raw === undefined) return 1;
  if (Array.isArray(raw) || !/^[1-9]\d{0,5}$/.test(raw)) return null;
  const page = Number(raw);
  return page <= MAX_PAGE ? page : null;
}

/** A safe page number for queries, whatever a caller passes. */
export function clampPage(page: number): number {
  return Number.isFinite(page) ? Math.min(Math.max(1, Math.floor(page)), MAX_PAGE) : 1;
}

export function totalPages(total: number, pageSize = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** The first value of a query-string parameter. */
export function firstParam(raw: string | string[] | undefined): string | undefined {
  return Array.isArray(raw) ? raw[0] : raw;
}

/**
 * The page a list query should read: the requested page clamped to the
 * pages there are (junk or past the end gives the nearest real page), the
 * page count (at least 1, so "Page 1 of 1" for an empty list) and the row
 * offset. Every paged editor and public list does its maths here.
 */
export function pageOf(total: number, requested: number | undefined, pageSize: number): { page: number; pageCount: number; offset: number } {
  const pageCount = totalPages(total, pageSize);
  const wanted = Number.isFinite(requested) ? Math.floor(requested as number) : 1;
  const page = Math.min(Math.max(1, wanted), pageCount);
  return { page, pageCount, offset: (page - 1) * pageSize };
}
