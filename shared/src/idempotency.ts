/**
 * A fresh Idempotency-Key for one submission: 128 random bits as hex. getRandomValues, not
 * randomUUID, because the review pages are often served over plain HTTP on intranets, where
 * browsers offer randomUUID only to secure pages.
 */
export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
