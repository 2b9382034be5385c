/**
 * Dates as they arrive from Excel: serial numbers (1 = 1900-01-01, with Excel's phantom
 * 1900-02-29), numbers written YYYYMMDD, and text such as 2020-01-31, 2020/1/31, 2020年1月31日.
 */
const MAX_SERIAL = 2958465; // 9999-12-31
/** One calendar day; the one constant every date module counts with. */
export const MS_PER_DAY = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30); // serial 0, accounting for the 1900 leap-year bug after 60

/** Whether month `m` (1–12) of year `y` has a day `d`: the one leap-year rule, for cells and ID numbers alike. */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return d <= days;
}

/** A real date with a four-digit year (what a cell may hold). */
export function isValidYmd(y: number, m: number, d: number): boolean {
  return y >= 1000 && y <= 9999 && isRealDate(y, m, d);
}

export function isDateSerial(n: number): boolean {
  return n >= 1 && n <= MAX_SERIAL;
}

/** YYYYMMDD written as a number (a frequent Excel quirk) that names a real date. */
export function isYmdNumber(n: number): boolean {
  if (!Number.isInteger(n) || n < 10000101 || n > 99991231) return false;
  return isValidYmd(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100);
}

/** A date written 2020-01-31, 2020/1/31 or 2020年1月31日: year, month and day captured (the holiday notice reads its dates with it too). */
export const DATE_TEXT = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$/;
const DATE_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/**
 * Matched on the text with each run of white space made one space (spacedOnce): written with
 * `\s*` between every part, runs of spaces could be split between neighbouring `\s*` in countless
 * ways, and a 4,000-space cell took 28 s to reject. A space matched by ` ?` has at most two ways.
 */
const DATETIME_TEXT = /^(\d{4}) ?(?:[-/.]|年) ?(\d{1,2}) ?(?:[-/.]|月) ?(\d{1,2}) ?日?(?: |T)(\d{1,2}) ?[:：时] ?(\d{1,2}) ?分?(?: ?[:：]? ?(\d{1,2})(?:\.\d+)? ?秒?)? ?(?:Z|[+-]\d{2}:?\d{2})?$/;
const NOT_SPACED_ONCE = /\s\s|[^\S ]/;
const SPACE_RUN = /\s+/g;

function spacedOnce(s: string): string {
  return NOT_SPACED_ONCE.test(s) ? s.replace(SPACE_RUN, ' ') : s;
}

/** Fast path for the common YYYY-MM-DD; digits at fixed places, no regex. */
function isoYmd(s: string): boolean | null {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  const d = (i: number) => s.charCodeAt(i) - 48;
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) if (d(i) < 0 || d(i) > 9) return null;
  return isValidYmd(d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3), d(5) * 10 + d(6), d(8) * 10 + d(9));
}

export function isDateText(s: string): boolean {
  const fast = isoYmd(s);
  if (fast !== null) return fast;
  const m = DATE_TEXT.exec(s) ?? DATE_COMPACT.exec(s);
  return m !== null && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function isDateTimeText(s: string): boolean {
  const m = DATETIME_TEXT.exec(spacedOnce(s));
  if (!m) return isDateText(s);
  const h = Number(m[4]);
  const min = Number(m[5]);
  const sec = m[6] === undefined ? 0 : Number(m[6]);
  return isValidYmd(Number(m[1]), Number(m[2]), Number(m[3])) && h < 24 && min < 60 && sec < 60;
}

/** The calendar date (UTC midnight) of an Excel serial; serials below 61 precede the phantom 1900-02-29. */
export function serialToDate(serial: number): Date {
  const days = Math.floor(serial) + (serial < 61 ? 1 : 0);
  return new Date(EPOCH + days * MS_PER_DAY);
}

export function dateToSerial(date: Date): number {
  const utc = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const days = Math.round((utc - EPOCH) / MS_PER_DAY);
  return days < 61 ? days - 1 : days;
}
