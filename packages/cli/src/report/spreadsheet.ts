/**
 * Cells of the files kaoping writes for spreadsheets (CSV now; any future .xlsx writer must use
 * {@link spreadsheetText} too).  A text beginning with `=`, `+`, `-`, `@`, a tab or a carriage
 * return is a formula to Excel, LibreOffice and Google Sheets — a unit called `=HYPERLINK(…)` would
 * run when the ranking is opened.  As OWASP recommends (CSV Injection), such a text gets a leading
 * single quote, which makes the spreadsheet show it as text, and its CSV field is quoted.  Numbers
 * are never altered: `-0.5` stays the number −0.5.
 */

/** The characters that start a formula (the full-width forms too: Excel in Chinese accepts them). */
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/** A decimal number as kaoping writes scores and ranks. */
const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * The text a spreadsheet cell should hold for `value`: unchanged, unless it is not a number and
 * would start a formula, then prefixed with `'`.
 */
export function spreadsheetText(value: string, numeric: boolean): string {
  if (numeric && NUMBER.test(value)) return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * A CSV field: neutralised ({@link spreadsheetText}), then quoted when it holds a quote, a comma or
 * a line break — or when it was neutralised (as OWASP recommends).
 */
export function csvField(value: string, numeric = false): string {
  const text = spreadsheetText(value, numeric);
  return text !== value || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
