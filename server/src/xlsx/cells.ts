/**
 * Excel's own escapes in cell text. Excel writes characters XML cannot hold as _xHHHH_ (most often
 * _x000D_ for a carriage return); _x005F_ escapes a literal underscore.
 */
// One fixed-length group, no nesting: linear on any text (see the ReDoS test).
const EXCEL_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

export function unescapeExcelText(s: string): string {
  return s.indexOf('_x') === -1 ? s : s.replace(EXCEL_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
