import type { Key, ReactNode } from "react";

export type Column<T> = {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** The cell that names the row: drawn as <th scope="row"> so screen readers announce it with each cell. */
  rowHeader?: boolean;
  className?: string;
};

/**
 * The one editor list table: a caption (visually hidden unless the page has
 * no heading saying the same), column headers with scope, one row per item,
 * and a plain message instead of an empty table. `after` goes under the
 * table (a pagination nav), only when there are rows.
 */
export function DataTable<T>({
  caption,
  showCaption = false,
  columns,
  rows,
  rowKey,
  empty,
  className,
  after,
}: {
  caption: ReactNode;
  showCaption?: boolean;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => Key;
  /** Shown instead of the table when there are no rows; without it an empty table is drawn. */
  empty?: ReactNode;
  className?: string;
  after?: ReactNode;
}) {
  if (rows.length === 0 && empty !== undefined) return <p>{empty}</p>;
  return (
    <>
      <div className="table-scroll">
        <table className={className}>
          <caption className={showCaption ? undefined : "visually-hidden"}>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c, i) => (
                <th key={i} scope="col">
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((c, i) =>
                  c.rowHeader ? (
                    <th key={i} scope="row" className={c.className}>
                      {c.cell(row)}
                    </th>
                  ) : (
                    <td key={i} className={c.className}>
                      {c.cell(row)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > 0 ? after : null}
    </>
  );
}
