/**
 * Text written to a file people open in a spreadsheet (CSV, xlsx exports) must not run as a
 * formula: a cell such as `=HYPERLINK(...)` or `@SUM(...)` typed by one user would otherwise
 * execute on a reviewer's machine. Such text is prefixed with an apostrophe, which spreadsheets
 * show as plain text (OWASP's advice for CSV injection).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
