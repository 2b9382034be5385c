/**
 * exceljs cell values to the engine's CellValue, matching what Office.js `values` gives the add-in:
 * formulas as their cached result, rich text and hyperlinks as their text, errors as '#N/A' etc.,
 * dates as serial numbers.
 */
import type { CellValue } from '../../../shared/src/grid';
import { dateToSerial } from '../../../shared/src/dates';

const MS_PER_DAY = 86400000;

/**
 * Excel writes characters XML cannot hold as _xHHHH_ (most often _x000D_ for a carriage return);
 * exceljs's streaming reader leaves them escaped. _x005F_ escapes a literal underscore.
 */
const EXCEL_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

export function unescapeExcelText(s: string): string {
  return s.indexOf('_x') === -1 ? s : s.replace(EXCEL_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export type TextCopy = (s: string) => string;

/**
 * `text` is applied to every string kept (see detach-text.ts); `isBooleanCell` says whether the
 * cell was typed t="b", for formulas whose TRUE/FALSE exceljs gives as 1/0.
 */
export function toCellValue(v: unknown, text: TextCopy, isBooleanCell?: () => boolean): CellValue {
  switch (typeof v) {
    case 'string':
      return text(unescapeExcelText(v));
    case 'number':
      return Number.isFinite(v) ? v : null;
    case 'boolean':
      return v;
    case 'object':
      return v === null ? null : objectValue(v as Record<string, unknown>, text, isBooleanCell);
    default:
      return null;
  }
}

function objectValue(v: Record<string, unknown>, text: TextCopy, isBooleanCell?: () => boolean): CellValue {
  if (v instanceof Date) return dateValue(v);
  if (Array.isArray(v.richText)) return text(richText(v.richText));
  if ('formula' in v || 'sharedFormula' in v) {
    const result = v.result;
    if (typeof result === 'number' && isBooleanCell?.()) return result !== 0;
    if (result !== null && typeof result === 'object' && typeof (result as { error?: unknown }).error === 'string') {
      return (result as { error: string }).error;
    }
    return toCellValue(result, text);
  }
  if (typeof v.error === 'string') return v.error;
  if ('hyperlink' in v) return toCellValue(v.text, text);
  return null;
}

function richText(runs: unknown[]): string {
  let s = '';
  for (const run of runs) {
    const part = (run as { text?: unknown } | null)?.text;
    if (typeof part === 'string') s += part;
  }
  return unescapeExcelText(s);
}

/** Date serial with the time of day as its fraction, as Excel stores it. */
function dateValue(d: Date): number | null {
  const t = d.getTime();
  if (Number.isNaN(t)) return null;
  const midnight = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return dateToSerial(d) + (t - midnight) / MS_PER_DAY;
}
