/**
 * The contract of identity's repositories, run against both backends (SQLite and PostgreSQL; test/store-backends.ts).
 */
import { ConflictError, InvalidReferenceError } from '../../db/errors';
import { describeStore } from '../../../../test/store-backends';

describeStore('identity repositories', (fx) => {
  const { store, unique, world } = fx;

  describe('departments', () => {
    it('creates, reads, lists and renames', async () => {
      const name = unique('统计局');
      const dept = await store.departments.create({ name, code: 'TJJ' });
      expect(dept).toEqual({ id: expect.any(Number), name, code: 'TJJ', createdAt: expect.any(String) });
      expect(new Date(dept.createdAt).toISOString()).toBe(dept.createdAt);
      expect(await store.departments.get(dept.id)).toEqual(dept);
      expect(await store.departments.list()).toContainEqual(dept);

      const renamed = await store.departments.rename(dept.id, { name: `${name}（新）` });
      expect(renamed).toEqual({ ...dept, name: `${name}（新）` });
      expect(await store.departments.rename(dept.id, { name: `${name}（新）`, code: null })).toEqual({ ...dept, name: `${name}（新）`, code: null });
      expect(await store.departments.get(999_999)).toBeNull();
      expect(await store.departments.rename(999_999, { name: unique('无') })).toBeNull();
    });

    it('reports a taken name as ConflictError', async () => {
      const name = unique('教育局');
      const first = await store.departments.create({ name });
      const err = await store.departments.create({ name }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConflictError);
      expect(err).toMatchObject({ entity: 'department', field: 'name' });
      const other = await store.departments.create({ name: unique('卫健委') });
      await expect(store.departments.rename(other.id, { name })).rejects.toMatchObject({ name: 'ConflictError', field: 'name' });
      expect(await store.departments.get(first.id)).toEqual(first);
    });
  });

  describe('users', () => {
    it('creates, reads, lists by filter and updates', async () => {
      const dept = await store.departments.create({ name: unique('民政局') });
      const username = unique('lisi');
      const user = await store.users.create({ username, displayName: '李四', role: 'clerk', departmentId: dept.id, passwordHash: 'argon2$x' });
      expect(user).toEqual({ id: expect.any(Number), username, displayName: '李四', role: 'clerk', departmentId: dept.id, active: true, mustChangePassword: false, createdAt: expect.any(String) });
      expect(user).not.toHaveProperty('passwordHash');
      expect(await store.users.get(user.id)).toEqual(user);
      expect(await store.users.findForSignIn(username)).toEqual({ ...user, passwordHash: 'argon2$x' });
      expect(await store.users.findForSignIn(unique('nobody'))).toBeNull();

      const lead = await store.users.create({ username: unique('wangwu'), displayName: '王五', role: 'lead', departmentId: dept.id, passwordHash: 'h' });
      expect((await store.users.list({ departmentId: dept.id })).map((u) => u.id)).toEqual([user.id, lead.id]);
      expect((await store.users.list({ departmentId: dept.id, role: 'lead' })).map((u) => u.id)).toEqual([lead.id]);

      const updated = await store.users.update(user.id, { displayName: '李四（离职）', active: false, role: 'lead', departmentId: null, passwordHash: 'new', mustChangePassword: true });
      expect(updated).toEqual({ ...user, displayName: '李四（离职）', active: false, role: 'lead', departmentId: null, mustChangePassword: true });
      expect((await store.users.findForSignIn(username))?.passwordHash).toBe('new');
      expect(await store.users.update(user.id, {})).toEqual(updated);
      expect(await store.users.update(999_999, { active: true })).toBeNull();
    });

    it('reports a taken username as ConflictError and a missing department as InvalidReferenceError', async () => {
      const username = unique('zhaoliu');
      await store.users.create({ username, displayName: '赵六', role: 'coordinator', departmentId: null, passwordHash: 'h' });
      const err = await store.users.create({ username, displayName: '赵六', role: 'clerk', departmentId: null, passwordHash: 'h' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConflictError);
      expect(err).toMatchObject({ entity: 'user', field: 'username', message: '用户名已被使用' });
      await expect(store.users.create({ username: unique('x'), displayName: 'x', role: 'clerk', departmentId: 999_999, passwordHash: 'h' })).rejects.toBeInstanceOf(InvalidReferenceError);
    });
  });

  describe('tokens', () => {
    it('finds the user of an active token and marks it used', async () => {
      const { clerkA } = await world();
      const hash = unique('sha256');
      const token = await store.tokens.create({ userId: clerkA.userId, name: '报送脚本', prefix: 'gct_ab12', tokenHash: hash });
      expect(token).toEqual({ id: expect.any(Number), userId: clerkA.userId, name: '报送脚本', prefix: 'gct_ab12', createdAt: expect.any(String), lastUsedAt: null, revokedAt: null, expiresAt: expect.any(String) });
      expect(token).not.toHaveProperty('tokenHash');
      // Without a chosen expiry: the default lifetime from its creation.
      expect(Date.parse(token.expiresAt) - Date.parse(token.createdAt)).toBe(180 * 86_400_000);

      const found = await store.tokens.findUser(hash);
      if (!found || found === 'expired') throw new Error('token not found');
      // The user and the token as stored, each with its own id and creation time.
      expect(found.user).toEqual(await store.users.get(clerkA.userId));
      expect(found.token).toMatchObject({ id: token.id, createdAt: token.createdAt, name: '报送脚本', expiresAt: token.expiresAt });
      expect(found.token.lastUsedAt).toEqual(expect.any(String));
      expect((await store.tokens.list(clerkA.userId))[0].lastUsedAt).toBe(found.token.lastUsedAt);
      expect(await store.tokens.findUser(unique('unknown'))).toBeNull();
    });

    it('tells an expired token apart, and does not mark it used', async () => {
      const { clerkA } = await world();
      const hash = unique('h');
      const token = await store.tokens.create({ userId: clerkA.userId, name: 'a', prefix: 'p', tokenHash: hash, lifetimeDays: -1 });
      expect(Date.parse(token.expiresAt) - Date.parse(token.createdAt)).toBe(-86_400_000);
      expect(await store.tokens.findUser(hash)).toBe('expired');
      expect((await store.tokens.list(clerkA.userId))[0].lastUsedAt).toBeNull();
    });

    it('revokes every working token of one user at once, and counts them', async () => {
      const { clerkA, clerkB } = await world();
      const live = [unique('h'), unique('h')];
      for (const tokenHash of live) await store.tokens.create({ userId: clerkA.userId, name: 'a', prefix: 'p', tokenHash });
      const gone = await store.tokens.create({ userId: clerkA.userId, name: 'b', prefix: 'p', tokenHash: unique('h') });
      await store.tokens.revoke(gone.id);
      await store.tokens.create({ userId: clerkA.userId, name: 'c', prefix: 'p', tokenHash: unique('h'), lifetimeDays: -1 });
      const othersHash = unique('h');
      await store.tokens.create({ userId: clerkB.userId, name: 'd', prefix: 'p', tokenHash: othersHash });

      // The revoked and the expired one are not counted again.
      expect(await store.tokens.revokeForUser(clerkA.userId)).toBe(2);
      for (const h of live) expect(await store.tokens.findUser(h)).toBeNull();
      expect(await store.tokens.revokeForUser(clerkA.userId)).toBe(0);
      expect(await store.tokens.findUser(othersHash)).not.toBeNull();
    });

    it('revokes once and lists tokens per user', async () => {
      const { clerkA, clerkB } = await world();
      const revoked = await store.tokens.create({ userId: clerkA.userId, name: 'a', prefix: 'p', tokenHash: unique('h') });
      const kept = await store.tokens.create({ userId: clerkA.userId, name: 'b', prefix: 'p', tokenHash: unique('h') });
      const other = await store.tokens.create({ userId: clerkB.userId, name: 'c', prefix: 'p', tokenHash: unique('h') });

      expect(await store.tokens.revoke(revoked.id)).toBe(true);
      const [first] = await store.tokens.list(clerkA.userId);
      expect(first.revokedAt).toEqual(expect.any(String));
      expect(await store.tokens.revoke(revoked.id)).toBe(true);
      expect((await store.tokens.list(clerkA.userId))[0].revokedAt).toBe(first.revokedAt);
      expect(await store.tokens.revoke(999_999)).toBe(false);

      expect((await store.tokens.list(clerkA.userId)).map((t) => t.id)).toEqual([revoked.id, kept.id]);
      expect((await store.tokens.list()).map((t) => t.id)).toEqual(expect.arrayContaining([revoked.id, kept.id, other.id]));
    });

    it('returns null for a revoked token and for an inactive user', async () => {
      const { clerkA } = await world();
      const revokedHash = unique('h');
      const t = await store.tokens.create({ userId: clerkA.userId, name: 'a', prefix: 'p', tokenHash: revokedHash });
      await store.tokens.revoke(t.id);
      expect(await store.tokens.findUser(revokedHash)).toBeNull();

      const liveHash = unique('h');
      await store.tokens.create({ userId: clerkA.userId, name: 'b', prefix: 'p', tokenHash: liveHash });
      expect(await store.tokens.findUser(liveHash)).not.toBeNull();
      await store.users.update(clerkA.userId, { active: false });
      expect(await store.tokens.findUser(liveHash)).toBeNull();
    });

    it('reports a duplicate token hash as ConflictError', async () => {
      const { clerkA } = await world();
      const hash = unique('h');
      await store.tokens.create({ userId: clerkA.userId, name: 'a', prefix: 'p', tokenHash: hash });
      await expect(store.tokens.create({ userId: clerkA.userId, name: 'b', prefix: 'p', tokenHash: hash })).rejects.toMatchObject({ name: 'ConflictError', field: 'tokenHash' });
    });
  });

  describe('settings', () => {
    it('returns the fallback until a value is set, then the JSON value', async () => {
      const key = unique('review');
      expect(await store.settings.get(key, { leadStep: true })).toEqual({ leadStep: true });
      await store.settings.set(key, { leadStep: false, bureau: '市数据局', holidays: ['2025-10-01'], limit: null });
      expect(await store.settings.get(key, {})).toEqual({ leadStep: false, bureau: '市数据局', holidays: ['2025-10-01'], limit: null });
      await store.settings.set(key, 42);
      expect(await store.settings.get(key, 0)).toBe(42);
      await store.settings.set(key, false);
      expect(await store.settings.get(key, true)).toBe(false);
    });
  });

  describe('rate limits', () => {
    it('counts hits in a window, atomically from many callers, and starts again when it ends', async () => {
      const key = unique('sign-in:127.0.0.1');
      const hits = await Promise.all(Array.from({ length: 8 }, () => store.rateLimits.hit(key, 60_000)));
      expect(hits.map((h) => h.hits).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(new Set(hits.map((h) => h.resetAt.getTime())).size).toBe(1);
      await store.rateLimits.undo(key);
      expect((await store.rateLimits.hit(key, 60_000)).hits).toBe(8);
      await store.rateLimits.reset(key);
      expect((await store.rateLimits.hit(key, 60_000)).hits).toBe(1);

      const short = unique('sign-in:10.0.0.1');
      // A second long: two hits back to back land in it even on a loaded machine (40 ms did not, once).
      await store.rateLimits.hit(short, 1000);
      expect((await store.rateLimits.hit(short, 1000)).hits).toBe(2);
      await new Promise((r) => setTimeout(r, 1100));
      const again = await store.rateLimits.hit(short, 1000);
      expect(again.hits).toBe(1);
      expect(again.resetAt.getTime()).toBeGreaterThan(Date.now());
    });
  });
});
