import { parse as parseCookies, serialize } from 'cookie';
import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { hashToken, sameSecret } from '../auth/secrets';
import type { IdentityRepository, User } from '../db/store';
import { ApiError } from './errors';

/** Sessions live in identity's repository. */
type Sessions = Pick<IdentityRepository, 'sessions'>;

/**
 * Browser sessions for the review pages: a random id in an httpOnly, SameSite=Lax cookie, and a
 * per-session CSRF token the page sends back in X-CSRF-Token on every state-changing request
 * (a cross-site form can neither read the token nor set the header).
 */
export const SESSION_COOKIE = 'govcat_session';
export const CSRF_HEADER = 'x-csrf-token';

/** How long a session lasts: `idleMs` without a request, `absoluteMs` in any case (bureau settings, see config.ts). */
export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

/** The expiry is written at most this often (a tenth of the idle time, at most 5 minutes), not on every request. */
const extendEvery = (policy: SessionPolicy) => Math.min(5 * 60_000, policy.idleMs / 10);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function startSession(store: Sessions, policy: SessionPolicy, req: Request, res: Response, userId: number): Promise<{ csrfToken: string }> {
  const id = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await store.sessions.create({ idHash: hashToken(id), userId, csrfToken, expiresAt: new Date(Date.now() + Math.min(policy.idleMs, policy.absoluteMs)).toISOString() });
  res.append('Set-Cookie', sessionCookie(req, id, Math.floor(policy.absoluteMs / 1000)));
  return { csrfToken };
}

export async function endSession(store: Sessions, req: Request, res: Response): Promise<void> {
  const id = sessionId(req);
  if (id) await store.sessions.delete(hashToken(id));
  res.append('Set-Cookie', sessionCookie(req, '', 0));
}

/** The session's user, or null without a live session. Refuses a state-changing request without the right CSRF token. */
export async function sessionUser(store: Sessions, policy: SessionPolicy, req: Request): Promise<{ user: User; csrfToken: string; idHash: string } | null> {
  const id = sessionId(req);
  if (!id) return null;
  const idHash = hashToken(id);
  const found = await store.sessions.find(idHash);
  if (!found) return null;
  const { session, user } = found;
  if (!SAFE_METHODS.has(req.method)) {
    const sent = req.get(CSRF_HEADER);
    if (!sent || !sameSecret(sent, session.csrfToken)) {
      throw new ApiError(403, 'csrf-failed', '页面已过期或请求来源不可信，请刷新页面后重试');
    }
  }
  const nowMs = Date.now();
  const next = Math.min(nowMs + policy.idleMs, Date.parse(session.createdAt) + policy.absoluteMs);
  if (next - Date.parse(session.expiresAt) >= extendEvery(policy)) await store.sessions.extend(idHash, new Date(next).toISOString());
  return { user, csrfToken: session.csrfToken, idHash };
}

function sessionId(req: Request): string | null {
  const header = req.get('cookie');
  if (!header) return null;
  const value = parseCookies(header)[SESSION_COOKIE];
  return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}

function sessionCookie(req: Request, value: string, maxAgeSeconds: number): string {
  // Secure whenever the page itself is on HTTPS (directly or behind a trusted proxy).
  return serialize(SESSION_COOKIE, value, { httpOnly: true, sameSite: 'lax', path: '/', secure: req.secure, maxAge: maxAgeSeconds });
}
