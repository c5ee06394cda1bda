import { stringify, type Options } from "csv-stringify/sync";

/**
 * CSV that opens correctly in Excel and cannot run formulas, written by
 * csv-stringify: a UTF-8 BOM (so Excel does not guess a legacy code page),
 * every field quoted with inner quotes doubled, CRLF line ends. Ours is only
 * the formula guard: any cell that a spreadsheet would read as a formula
 * (=, +, -, @, or a leading tab or CR) is prefixed with an apostrophe
 * (OWASP "CSV injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

type Cell = string | number | null | undefined;

const options: Options = {
  quoted: true,
  quoted_empty: true,
  record_delimiter: "windows",
  cast: { string: neutralise, number: (value) => String(value) },
};

/** One cell as it appears in the file (quoted, guarded). */
export function csvCell(value: Cell): string {
  return stringify([[value ?? ""]], { ...options, record_delimiter: "" }).replace(/\r\n$/, "");
}

export function toCsv(rows: Cell[][]): string {
  return stringify(rows, { ...options, bom: true });
}
