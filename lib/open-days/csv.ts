/**
 * CSV that opens correctly in Excel and cannot run formulas: a UTF-8 BOM (so
 * Excel does not guess a legacy code page), every field quoted with inner
 * quotes doubled, CRLF line ends, and any cell that a spreadsheet would read
 * as a formula (=, +, -, @, or a leading tab or CR) prefixed with an
 * apostrophe (OWASP "CSV injection").
 */
const BOM = "\uFEFF";
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? "" : String(value);
  return `"${neutralise(text).replace(/"/g, '""')}"`;
}

export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return BOM + rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
