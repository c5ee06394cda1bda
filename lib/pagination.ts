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
