/**
 * Formula injection: a spreadsheet program reads a text cell that starts with = + - or @ (or a
 * tab or carriage return, or the full-width forms of those signs) as a formula, and a formula can
 * open links or, in old Excel, run commands (`=HYPERLINK(...)`, `+cmd|' /C calc'!A0`,
 * `@SUM(...)`). Every text cell Backchain writes to a CSV or an XLSX file goes through this one
 * helper, which puts an apostrophe in front of such text: the spreadsheet shows it as text, and
 * the apostrophe shows the coach it was escaped. The whole cell is checked, line breaks included
 * (papaparse's own escape misses a cell with a line break).
 */

const FORMULA_START = /^[\p{Zs}\r\n]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/u;

/** The text as it is safe to write into a spreadsheet cell. */
export function spreadsheetText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell of any kind: text is escaped, numbers, dates and empty cells pass as they are. */
export function spreadsheetCell<T>(value: T): T | string {
  return typeof value === 'string' ? spreadsheetText(value) : value;
}
