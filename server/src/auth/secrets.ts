import { hash, verify } from '@node-rs/argon2';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Secrets are stored only as hashes: passwords with argon2id (slow on purpose), API tokens with
 * SHA-256 (they are 256 random bits, so a fast hash is as safe and lets every request look one up).
 */
export const TOKEN_PREFIX = 'gct_';

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

let dummyHash: Promise<string> | undefined;

/**
 * A hash of no one's password, made once per process with the same parameters as real ones, so
 * that checking a name nobody has costs what checking a real one does. Sign-in makes it when its
 * routes are built, so not even the first attempt answers faster.
 */
export function dummyPasswordHash(): Promise<string> {
  return (dummyHash ??= hash(randomBytes(16).toString('base64url')));
}

/**
 * Whether `password` is the one `stored` was made from. With no stored hash (no such user) it
 * still runs one argon2 verify, against the dummy hash, and answers false.
 */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  const against = stored ?? (await dummyPasswordHash());
  let ok = false;
  try {
    ok = await verify(against, password);
  } catch {
    // A malformed stored hash matches nothing.
  }
  return stored !== null && ok;
}

/** A fresh API token: shown to the user once; only its hash and prefix are kept. */
export function newToken(): { token: string; hash: string; prefix: string } {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A readable random password for demo and first-admin accounts. */
export function newPassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(14);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}
