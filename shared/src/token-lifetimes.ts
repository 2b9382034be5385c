/**
 * How long a personal access token lasts, chosen when it is made: the server refuses it
 * afterwards, and the lists show when. One list for the API's schema and the pages' choice.
 */
export const TOKEN_LIFETIME_DAYS = [30, 90, 180, 365] as const;
export type TokenLifetimeDays = (typeof TOKEN_LIFETIME_DAYS)[number];
export const DEFAULT_TOKEN_LIFETIME_DAYS: TokenLifetimeDays = 180;

// The migration that gave old tokens an expiry imports it by this name; applied migrations are never edited.
export { MS_PER_DAY as DAY_MS } from './dates';
import { MS_PER_DAY as DAY_MS } from './dates';

/** The expiry, as stored (ISO text), of a token made at `fromMs` to last `days`. */
export function tokenExpiry(days: number, fromMs: number): string {
  return new Date(fromMs + days * DAY_MS).toISOString();
}
