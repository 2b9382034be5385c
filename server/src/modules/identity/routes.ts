import { Router } from 'express';
import { requireRole } from '../../http/auth';
import { on } from '../../http/route-table';
import type { IdentityData } from './accounts';
import { createDepartment, createToken, createUser, renameDepartment, revokeToken, updateSettings, updateUser } from './directory';
import { leadStepOn } from './service';
import { jsonBody, MiB } from '../../http/body';
import { idParam, parse } from '../../http/parse';
import { DepartmentInputSchema, SettingsSchema, TokenInputSchema, UserInputSchema, UserUpdateSchema } from '../../../../shared/src/api/schemas';

/** Who is who: the caller, departments, users, tokens, and the bureau's settings. Every write leaves an audit entry. */
export function identityRoutes(store: IdentityData): Router {
  const r = Router();
  // On the routes that take a body only: a router-wide parser would read the bodies of every /api
  // route mounted after this one, under this limit instead of theirs.
  const json = jsonBody(MiB);

  on(r, 'me', (_req, res, c) => {
    res.json(c.user);
  });

  on(r, 'departments', async (_req, res) => {
    res.json(await store.departments.list());
  });
  on(r, 'createDepartment', [json], async (req, res, admin) => {
    res.status(201).json(await createDepartment(store, admin.userId, parse(DepartmentInputSchema, req.body)));
  });
  on(r, 'updateDepartment', [json], async (req, res, admin) => {
    const body = parse(DepartmentInputSchema, req.body);
    res.json(await renameDepartment(store, admin.userId, idParam(req.params.id), body));
  });

  on(r, 'users', async (_req, res) => {
    res.json(await store.users.list());
  });
  on(r, 'createUser', [json], async (req, res, admin) => {
    res.status(201).json(await createUser(store, admin.userId, parse(UserInputSchema, req.body)));
  });
  on(r, 'updateUser', [json], async (req, res, admin) => {
    const id = idParam(req.params.id);
    res.json(await updateUser(store, admin.userId, id, parse(UserUpdateSchema, req.body)));
  });

  on(r, 'tokens', async (req, res, c) => {
    res.json(await store.tokens.list(c.role === 'admin' && req.query.all === 'true' ? undefined : c.userId));
  });
  on(r, 'createToken', [json], async (req, res, c) => {
    const body = parse(TokenInputSchema, req.body);
    // Anyone may make a token for themselves; only an admin for someone else.
    const userId = body.userId ?? c.userId;
    if (userId !== c.userId) requireRole(req, 'admin');
    res.status(201).json(await createToken(store, c.userId, userId, body));
  });
  on(r, 'revokeToken', async (req, res, c) => {
    await revokeToken(store, c, idParam(req.params.id));
    res.status(204).end();
  });

  on(r, 'settings', async (_req, res) => {
    res.json({ leadConfirmation: await leadStepOn(store) });
  });
  on(r, 'updateSettings', [json], async (req, res, admin) => {
    const body = parse(SettingsSchema, req.body);
    await updateSettings(store, admin.userId, body);
    res.json(body);
  });
  return r;
}
