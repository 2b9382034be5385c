import type { z } from 'zod';
import { hashPassword, newToken } from '../../auth/secrets';
import { ApiError, badRequest, conflict, notFound } from '../../http/errors';
import type { DepartmentInputSchema, TokenInputSchema, UserInputSchema, UserUpdateSchema } from '../../../../shared/src/api/schemas';
import { recordAudit } from '../audit/service';
import { accountLockKey, endAccess, type AccessEnded, type IdentityData } from './accounts';
import type { ApiToken, Department, User } from './repository';

/**
 * Who is who, as admins keep it: departments, users, tokens and the bureau's settings. Every write
 * lands with its audit entry in one transaction.
 */

type DepartmentInput = z.infer<typeof DepartmentInputSchema>;

/** Runs `work` and audits what it returned (its id), both in one transaction. */
function audited<T extends { id: number }>(data: IdentityData, userId: number, action: string, entity: string, work: (tx: IdentityData) => Promise<T>, details: Record<string, unknown> = {}): Promise<T> {
  return data.transaction(async (tx) => {
    const result = await work(tx);
    await recordAudit(tx, { userId, action, entity, entityId: String(result.id), details });
    return result;
  });
}

export function createDepartment(data: IdentityData, adminId: number, input: DepartmentInput): Promise<Department> {
  return audited(data, adminId, 'department.create', 'department', (tx) => tx.departments.create(input), input);
}

export function renameDepartment(data: IdentityData, adminId: number, id: number, input: DepartmentInput): Promise<Department> {
  return audited(data, adminId, 'department.update', 'department', async (tx) => (await tx.departments.rename(id, input)) ?? Promise.reject(notFound('部门')), input);
}

export async function createUser(data: IdentityData, adminId: number, { password, ...input }: z.infer<typeof UserInputSchema>): Promise<User> {
  await checkDepartment(data, input.role, input.departmentId);
  const passwordHash = await hashPassword(password);
  return audited(data, adminId, 'user.create', 'user', (tx) => tx.users.create({ ...input, passwordHash }), { username: input.username, role: input.role });
}

/**
 * Changes a user; the last active admin cannot stop being one. A new password or a disabled
 * account ends the user's sessions and revokes their tokens, so re-enabling the account later
 * revives none of them; a new password also lifts a lock.
 */
export async function updateUser(data: IdentityData, adminId: number, id: number, { password, ...input }: z.infer<typeof UserUpdateSchema>): Promise<User & Partial<AccessEnded>> {
  const current = await data.users.get(id);
  if (!current) throw notFound('用户');
  await checkDepartment(data, input.role ?? current.role, input.departmentId === undefined ? current.departmentId : input.departmentId);
  const stopsBeingAdmin = current.role === 'admin' && current.active && ((input.role !== undefined && input.role !== 'admin') || input.active === false);
  if (stopsBeingAdmin && !(await data.users.list({ role: 'admin' })).some((u) => u.active && u.id !== id)) {
    throw new ApiError(409, 'last-admin', '这是唯一启用的管理员，不能停用或改为其他角色；请先另设一名管理员');
  }
  const update = { ...input, ...(password ? { passwordHash: await hashPassword(password) } : {}) };
  const fields = Object.keys(update).map((k) => (k === 'passwordHash' ? 'password' : k));
  return data.transaction(async (tx) => {
    const user = await tx.users.update(id, update);
    if (!user) throw notFound('用户');
    const ended = password || input.active === false ? await endAccess(tx, id) : {};
    if (password) await tx.rateLimits.reset(accountLockKey(user.username));
    await recordAudit(tx, { userId: adminId, action: 'user.update', entity: 'user', entityId: String(id), details: { fields, ...ended } });
    return { ...user, ...ended };
  });
}

/** A token for an active user (one for a disabled account would start working the day it is enabled again); the secret is shown once. */
export async function createToken(data: IdentityData, creatorId: number, userId: number, input: z.infer<typeof TokenInputSchema>): Promise<ApiToken & { token: string }> {
  const owner = await data.users.get(userId);
  if (!owner) throw notFound('用户');
  if (!owner.active) throw conflict('user-inactive', '该用户已停用，不能为其生成令牌');
  const t = newToken();
  const token = await audited(data, creatorId, 'token.create', 'token', (tx) => tx.tokens.create({ userId, name: input.name, prefix: t.prefix, tokenHash: t.hash, lifetimeDays: input.expiresInDays }), { userId, name: input.name, expiresInDays: input.expiresInDays });
  return { ...token, token: t.token };
}

/** Revokes one's own token, or as an admin anyone's; not found otherwise. */
export async function revokeToken(data: IdentityData, caller: { userId: number; role: string }, id: number): Promise<void> {
  // An admin may revoke any token: only anyone else's own tokens need looking up.
  if (caller.role !== 'admin' && !(await data.tokens.list(caller.userId)).some((t) => t.id === id)) throw notFound('令牌');
  const revoked = await data.transaction(async (tx) => {
    const ok = await tx.tokens.revoke(id);
    if (ok) await recordAudit(tx, { userId: caller.userId, action: 'token.revoke', entity: 'token', entityId: String(id) });
    return ok;
  });
  if (!revoked) throw notFound('令牌');
}

export async function updateSettings(data: IdentityData, adminId: number, settings: { leadConfirmation: boolean }): Promise<void> {
  await data.transaction(async (tx) => {
    await tx.settings.set('leadConfirmation', settings.leadConfirmation);
    await recordAudit(tx, { userId: adminId, action: 'settings.update', entity: 'settings', entityId: null, details: settings });
  });
}

/** Clerks and leads belong to a department that exists; coordinators and admins to none. */
async function checkDepartment(data: Pick<IdentityData, 'departments'>, role: string, departmentId: number | null): Promise<void> {
  const needs = role === 'clerk' || role === 'lead';
  if (needs && departmentId === null) throw badRequest('department-required', '填报人员和部门领导必须属于一个部门');
  if (!needs && departmentId !== null) throw badRequest('department-not-allowed', '审核人员和管理员不属于任何部门');
  if (departmentId !== null && !(await data.departments.get(departmentId))) throw badRequest('unknown-department', `部门编号 ${departmentId} 不存在`);
}
