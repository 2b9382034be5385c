/**
 * Credentials that end and sign-in that tells nothing: the same argon2 work for unknown names
 * and disabled users, only failures counted per address, wrong current passwords counted toward
 * the account lock, tokens that expire, and every token of a user revoked when their password
 * changes or their account is disabled (and not revived when it is enabled again).
 */
import argon2 = require('@node-rs/argon2');
import request from 'supertest';
import { hashPassword, newToken } from '../../server/src/auth/secrets';
import { resetPassword } from '../../server/src/modules/identity/accounts';
import { backends, expectError } from './helpers';
import { startHarness, type Harness } from './harness';

const DAY_MS = 86_400_000;

describe.each(backends)('credentials on %s', (backend) => {
  let h: Harness;
  let seq = 0;
  // Each test signs in from an address of its own (TRUST_PROXY lets X-Forwarded-For name it):
  // the per-address limit is what some of them test, and others must not exhaust it.
  const address = () => `198.51.100.${++seq}`;
  const signIn = (ip: string, username: string, password: string, path = '/api/session', extra: Record<string, unknown> = {}) =>
    request(h.app).post(path).set('X-Forwarded-For', ip).send({ username, password, ...extra });
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const me = (token: string) => request(h.app).get('/api/me').set(bearer(token));
  const admin = () => bearer(h.tokens.admin);

  /** A clerk of department A with a known password and a token of their own (made by the store, default lifetime). */
  async function clerk(name: string) {
    const password = `${name}-password-1`;
    const user = await h.store.users.create({ username: name, displayName: name, role: 'clerk', departmentId: h.departments.a, passwordHash: await hashPassword(password) });
    const t = newToken();
    await h.store.tokens.create({ userId: user.id, name: 'test', prefix: t.prefix, tokenHash: t.hash });
    return { ...user, password, token: t.token };
  }

  /** A cookie session; the agent carries it, `csrf` goes with every change. */
  async function session(username: string, password: string) {
    const agent = request.agent(h.app);
    const res = await agent.post('/api/session').set('X-Forwarded-For', address()).send({ username, password });
    expect(res.status).toBe(201);
    return { agent, csrf: res.body.csrfToken as string, user: res.body.user };
  }

  beforeAll(async () => {
    h = await startHarness({ SIGN_IN_LIMIT: '3', ACCOUNT_LOCK_ATTEMPTS: '3', TRUST_PROXY: 'loopback' }, backend);
  });
  afterAll(async () => h.close());

  describe('signing in', () => {
    test('an unknown name, a disabled user and a wrong password each cost one argon2 verify', async () => {
      const gone = await clerk(`gone-${backend}`);
      await h.store.users.update(gone.id, { active: false });
      const verify = jest.spyOn(argon2, 'verify');
      try {
        // The disabled user with their right password: verified, and refused like a wrong one.
        for (const [username, password] of [['nobody-by-this-name', 'some-password-1'], [gone.username, gone.password], ['clerka', 'wrong-password-1']]) {
          verify.mockClear();
          expectError(await signIn(address(), username, password), 401, 'bad-credentials');
          expect(verify).toHaveBeenCalledTimes(1);
        }
      } finally {
        verify.mockRestore();
      }
    });

    test('successful sign-ins do not count toward the per-address limit; failures still do', async () => {
      const ip = address();
      for (let i = 0; i < 12; i++) {
        const res = await signIn(ip, 'clerkb', h.passwords.clerkb, i % 2 ? '/api/session' : '/api/auth/token');
        expect(res.status).toBe(201);
      }
      for (let i = 0; i < 3; i++) expectError(await signIn(ip, `nobody-${i}`, 'wrong-password-1'), 401, 'bad-credentials');
      expectError(await signIn(ip, 'clerkb', h.passwords.clerkb), 429, 'too-many-attempts');
      // Another address is not held back by this one's failures.
      expect((await signIn(address(), 'clerkb', h.passwords.clerkb)).status).toBe(201);
    });

    test('wrong current passwords on /me/password count toward the account lock; locked, not even the right one changes it', async () => {
      const u = await clerk(`guessed-${backend}`);
      const { agent, csrf } = await session(u.username, u.password);
      const change = (currentPassword: string) => agent.put('/api/me/password').set('X-CSRF-Token', csrf).send({ currentPassword, newPassword: 'a-new-password-22' });
      for (let i = 0; i < 3; i++) expectError(await change(`guess-number-${i}`), 400, 'wrong-password');
      expectError(await change(u.password), 429, 'account-locked');
      expectError(await signIn(address(), u.username, u.password), 429, 'account-locked');
    });
  });

  describe('token expiry', () => {
    test('180 days unless chosen otherwise (30, 90, 180 or 365), shown in the lists', async () => {
      const made = await request(h.app).post('/api/tokens').set(bearer(h.tokens.clerkA)).send({ name: '默认有效期' });
      expect(made.status).toBe(201);
      expect(Date.parse(made.body.expiresAt) - Date.parse(made.body.createdAt)).toBe(180 * DAY_MS);
      const mine = (await request(h.app).get('/api/tokens').set(bearer(h.tokens.clerkA))).body;
      expect(mine.find((t: { id: number }) => t.id === made.body.id).expiresAt).toBe(made.body.expiresAt);
      const everyone = (await request(h.app).get('/api/tokens?all=true').set(admin())).body;
      expect(everyone.find((t: { id: number }) => t.id === made.body.id).expiresAt).toBe(made.body.expiresAt);

      const month = await request(h.app).post('/api/tokens').set(bearer(h.tokens.clerkA)).send({ name: '一个月', expiresInDays: 30 });
      expect(Date.parse(month.body.expiresAt) - Date.parse(month.body.createdAt)).toBe(30 * DAY_MS);
      expectError(await request(h.app).post('/api/tokens').set(bearer(h.tokens.clerkA)).send({ name: '四十五天', expiresInDays: 45 }), 400, 'invalid-request');

      const signedIn = await signIn(address(), 'clerka', h.passwords.clerka, '/api/auth/token', { expiresInDays: 90 });
      expect(signedIn.status).toBe(201);
      expect(Date.parse(signedIn.body.tokenInfo.expiresAt) - Date.parse(signedIn.body.tokenInfo.createdAt)).toBe(90 * DAY_MS);
    });

    test('an expired token: 401 saying it expired', async () => {
      const t = newToken();
      await h.store.tokens.create({ userId: h.users.clerkA, name: '过期的', prefix: t.prefix, tokenHash: t.hash, lifetimeDays: -1 });
      const res = await me(t.token);
      expectError(res, 401, 'token-expired');
      expect(res.body.error.message).toContain('已过期');
    });
  });

  describe('revoking a user’s tokens', () => {
    test('changing one’s own password revokes every token, in the same audited change; the page session goes on', async () => {
      const u = await clerk(`changer-${backend}`);
      const addin = (await signIn(address(), u.username, u.password, '/api/auth/token')).body.token as string;
      expect((await me(addin)).status).toBe(200);
      const { agent, csrf } = await session(u.username, u.password);
      const ok = await agent.put('/api/me/password').set('X-CSRF-Token', csrf).send({ currentPassword: u.password, newPassword: 'changed-password-1' });
      expect(ok.body).toEqual({ ok: true, sessionsEnded: 0, tokensRevoked: 2 });
      expectError(await me(u.token), 401, 'unauthenticated');
      expectError(await me(addin), 401, 'unauthenticated');
      expect((await agent.get('/api/session')).status).toBe(200);
      const [entry] = await h.store.audit.list({ action: 'user.password-change', entityId: String(u.id) });
      expect(entry.details).toEqual({ sessionsEnded: 0, tokensRevoked: 2 });
    });

    test('an admin’s reset revokes them with the sessions; the new password signs in', async () => {
      const u = await clerk(`reset-${backend}`);
      const { agent } = await session(u.username, u.password);
      const res = await request(h.app).patch(`/api/users/${u.id}`).set(admin()).send({ password: 'set-by-admin-1' });
      expect(res.body).toMatchObject({ id: u.id, sessionsEnded: 1, tokensRevoked: 1 });
      expectError(await me(u.token), 401, 'unauthenticated');
      expectError(await agent.get('/api/session'), 401, 'unauthenticated');
      expect((await signIn(address(), u.username, 'set-by-admin-1')).status).toBe(201);
      const [entry] = await h.store.audit.list({ action: 'user.update', entityId: String(u.id) });
      expect(entry.details).toEqual({ fields: ['password'], sessionsEnded: 1, tokensRevoked: 1 });
    });

    test('disabling revokes them; enabling again revives none, and no token is made for a disabled user', async () => {
      const u = await clerk(`leaver-${backend}`);
      const off = await request(h.app).patch(`/api/users/${u.id}`).set(admin()).send({ active: false });
      expect(off.body).toMatchObject({ active: false, sessionsEnded: 0, tokensRevoked: 1 });
      expectError(await me(u.token), 401, 'unauthenticated');
      expectError(await request(h.app).post('/api/tokens').set(admin()).send({ name: '停用期间', userId: u.id }), 409, 'user-inactive');
      const on = await request(h.app).patch(`/api/users/${u.id}`).set(admin()).send({ active: true });
      expect(on.body.active).toBe(true);
      expect(on.body.tokensRevoked).toBeUndefined();
      expectError(await me(u.token), 401, 'unauthenticated');
      const fresh = await request(h.app).post('/api/tokens').set(admin()).send({ name: '重新启用后', userId: u.id });
      expect((await me(fresh.body.token)).status).toBe(200);
    });
  });

  test('a one-time password opens only the page that replaces it', async () => {
    const u = await clerk(`forgetful-${backend}`);
    const reset = await resetPassword(h.store, u.username);
    expect(reset).toMatchObject({ tokensRevoked: 1, sessionsEnded: 0 });
    const oneTime = reset!.password;
    expectError(await signIn(address(), u.username, oneTime, '/api/auth/token'), 403, 'password-change-required');
    const { agent, csrf, user } = await session(u.username, oneTime);
    expect(user.mustChangePassword).toBe(true);
    expectError(await agent.get('/api/submissions'), 403, 'password-change-required');
    expect((await agent.get('/api/session')).status).toBe(200);
    const changed = await agent.put('/api/me/password').set('X-CSRF-Token', csrf).send({ currentPassword: oneTime, newPassword: 'my-own-password-1' });
    expect(changed.status).toBe(200);
    expect((await agent.get('/api/session')).body.user.mustChangePassword).toBe(false);
    expect((await agent.get('/api/submissions')).status).toBe(200);
    expect((await signIn(address(), u.username, 'my-own-password-1', '/api/auth/token')).status).toBe(201);
  });
});
