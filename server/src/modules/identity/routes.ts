import { Router } from 'express';
import { hashPassword, newToken } from '../../auth/secrets';
import { requireRole } from '../../http/auth';
import { on } from '../../http/route-table';
import { ApiError, badRequest, conflict, notFound } from '../../http/errors';
import { accountLockKey, endAccess, type IdentityData } from './accounts';
import { jsonBody, MiB } from '../../http/body';
import { idParam, parse } from '../../http/parse';
import { DepartmentInputSchema, SettingsSchema, TokenInputSchema, UserInputSchema, UserUpdateSchema } from '../../../../shared/src/api/schemas';
import { recordAudit } from '../audit/service';

/** Who is who: the caller, departments, users, tokens, and the bureau's settings. Every write leaves an audit entry. */
export function identityRoutes(store: IdentityData): Router {
  const r = Router();
  r.use(jsonBody(MiB));

  const audited = async <T>(userId: number, action: string, entity: string, work: (tx: IdentityData) => Promise<T & { id: number }>, details: Record<string, unknown> = {}) =>
    store.transaction(async (tx) => {
      const result = await work(tx);
      await recordAudit(tx, { userId, action, entity, entityId: String(result.id), details });
      return result;
    });

  on(r, 'me', (_req, res, c) => {
    res.json(c.user);
  });

  on(r, 'departments', async (_req, res) => {
    res.json(await store.departments.list());
  });
  on(r, 'createDepartment', async (req, res, admin) => {
    const body = parse(DepartmentInputSchema, req.body);
    res.status(201).json(await audited(admin.userId, 'department.create', 'department', (tx) => tx.departments.create(body), body));
  });
  on(r, 'updateDepartment', async (req, res, admin) => {
    const body = parse(DepartmentInputSchema, req.body);
    const id = idParam(req.params.id);
    const updated = await audited(admin.userId, 'department.update', 'department', async (tx) => (await tx.departments.rename(id, body)) ?? Promise.reject(notFound('部门')), body);
    res.json(updated);
  });

  on(r, 'users', async (_req, res) => {
    res.json(await store.users.list());
  });
  on(r, 'createUser', async (req, res, admin) => {
    const { password, ...body } = parse(UserInputSchema, req.body);
    await checkDepartment(store, body.role, body.departmentId);
    const passwordHash = await hashPassword(password);
    res.status(201).json(await audited(admin.userId, 'user.create', 'user', (tx) => tx.users.create({ ...body, passwordHash }), { username: body.username, role: body.role }));
  });
  on(r, 'updateUser', async (req, res, admin) => {
    const id = idParam(req.params.id);
    const { password, ...body } = parse(UserUpdateSchema, req.body);
    const current = await store.users.get(id);
    if (!current) throw notFound('用户');
    await checkDepartment(store, body.role ?? current.role, body.departmentId === undefined ? current.departmentId : body.departmentId);
    const stopsBeingAdmin = current.role === 'admin' && current.active && ((body.role !== undefined && body.role !== 'admin') || body.active === false);
    if (stopsBeingAdmin && !(await store.users.list({ role: 'admin' })).some((u) => u.active && u.id !== id)) {
      throw new ApiError(409, 'last-admin', '这是唯一启用的管理员，不能停用或改为其他角色；请先另设一名管理员');
    }
    const update = { ...body, ...(password ? { passwordHash: await hashPassword(password) } : {}) };
    const fields = Object.keys(update).map((k) => (k === 'passwordHash' ? 'password' : k));
    const updated = await store.transaction(async (tx) => {
      const user = await tx.users.update(id, update);
      if (!user) throw notFound('用户');
      // A new password or a disabled account ends the user's sessions and revokes their tokens,
      // so re-enabling the account later revives none of them; a new password also lifts a lock.
      const ended = password || body.active === false ? await endAccess(tx, id) : {};
      if (password) await tx.rateLimits.reset(accountLockKey(user.username));
      await recordAudit(tx, { userId: admin.userId, action: 'user.update', entity: 'user', entityId: String(id), details: { fields, ...ended } });
      return { ...user, ...ended };
    });
    res.json(updated);
  });

  on(r, 'tokens', async (req, res, c) => {
    res.json(await store.tokens.list(c.role === 'admin' && req.query.all === 'true' ? undefined : c.userId));
  });
  on(r, 'createToken', async (req, res, c) => {
    const body = parse(TokenInputSchema, req.body);
    // Anyone may make a token for themselves; only an admin for someone else.
    const userId = body.userId ?? c.userId;
    if (userId !== c.userId) requireRole(req, 'admin');
    const owner = await store.users.get(userId);
    if (!owner) throw notFound('用户');
    // It would start working the day the account is enabled again.
    if (!owner.active) throw conflict('user-inactive', '该用户已停用，不能为其生成令牌');
    const t = newToken();
    const token = await audited(c.userId, 'token.create', 'token', (tx) => tx.tokens.create({ userId, name: body.name, prefix: t.prefix, tokenHash: t.hash, lifetimeDays: body.expiresInDays }), { userId, name: body.name, expiresInDays: body.expiresInDays });
    res.status(201).json({ ...token, token: t.token });
  });
  on(r, 'revokeToken', async (req, res, c) => {
    const id = idParam(req.params.id);
    const mine = (await store.tokens.list(c.userId)).some((t) => t.id === id);
    if (!mine && c.role !== 'admin') throw notFound('令牌');
    const revoked = await store.transaction(async (tx) => {
      const ok = await tx.tokens.revoke(id);
      if (ok) await recordAudit(tx, { userId: c.userId, action: 'token.revoke', entity: 'token', entityId: String(id) });
      return ok;
    });
    if (!revoked) throw notFound('令牌');
    res.status(204).end();
  });

  on(r, 'settings', async (_req, res) => {
    res.json({ leadConfirmation: await store.settings.get('leadConfirmation', false) });
  });
  on(r, 'updateSettings', async (req, res, admin) => {
    const body = parse(SettingsSchema, req.body);
    await store.transaction(async (tx) => {
      await tx.settings.set('leadConfirmation', body.leadConfirmation);
      await recordAudit(tx, { userId: admin.userId, action: 'settings.update', entity: 'settings', entityId: null, details: body });
    });
    res.json(body);
  });
  return r;
}

/** Clerks and leads belong to a department that exists; coordinators and admins to none. */
async function checkDepartment(store: Pick<IdentityData, 'departments'>, role: string, departmentId: number | null): Promise<void> {
  const needs = role === 'clerk' || role === 'lead';
  if (needs && departmentId === null) throw badRequest('department-required', '填报人员和部门领导必须属于一个部门');
  if (!needs && departmentId !== null) throw badRequest('department-not-allowed', '审核人员和管理员不属于任何部门');
  if (departmentId !== null && !(await store.departments.get(departmentId))) throw badRequest('unknown-department', `部门编号 ${departmentId} 不存在`);
}
