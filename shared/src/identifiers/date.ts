/** Calendar helpers shared by the ID-card checks; dates are compared as YYYYMMDD integers. */

export function dateKey(d: Date): number {
  return d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate();
}

// The clock only moves forward, so a date not after the cached "today" is not in the future;
// only later dates need a fresh reading. Keeps Date.now() and Date allocation off the hot path.
let todayCache = 0;

function todayKey(): number {
  todayCache = dateKey(new Date());
  return todayCache;
}

// Callers usually pass the same Date for a whole run; local-time getters are not cheap.
let givenDate: Date | undefined;
let givenTime = NaN;
let givenKey = 0;

/** Whether a YYYYMMDD date is after today (local time), or after `today` when given. */
export function isFuture(key: number, today?: Date): boolean {
  if (today === undefined) return key > todayCache && key > todayKey();
  const time = today.getTime();
  if (today !== givenDate || time !== givenTime) {
    givenDate = today;
    givenTime = time;
    givenKey = dateKey(today);
  }
  return key > givenKey;
}
