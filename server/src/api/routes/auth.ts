import express, { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { newToken, verifyPassword } from '../../auth/secrets';
import type { Store } from '../../db/store';
import { ApiError, errorBody } from '../../http/errors';
import { parse } from '../../http/parse';
import { SignInSchema } from '../schemas';

/**
 * Signing in with a password to get a personal API token (the add-in asks once and keeps it).
 * Rate-limited per address, and the answer never says whether the user name exists.
 */
export function authRoutes(store: Store, perWindow: number): Router {
  const r = Router();
  const limiter = rateLimit({
    windowMs: 15 * 60 * 1000,
    limit: perWindow,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      res.status(429).json(errorBody(new ApiError(429, 'too-many-attempts', '登录尝试过于频繁，请 15 分钟后再试')));
    },
  });

  r.post('/auth/token', limiter, express.json({ limit: '16kb' }), async (req, res) => {
    const body = parse(SignInSchema.extend({ tokenName: SignInSchema.shape.username.optional() }), req.body);
    const user = await store.users.findForSignIn(body.username);
    const ok = user !== null && user.active && (await verifyPassword(user.passwordHash, body.password));
    if (!ok || !user) throw new ApiError(401, 'bad-credentials', '用户名或密码不正确');
    const t = newToken();
    const token = await store.transaction(async (tx) => {
      const created = await tx.tokens.create({ userId: user.id, name: body.tokenName ?? 'Excel 加载项', prefix: t.prefix, tokenHash: t.hash });
      await tx.audit.append({ userId: user.id, action: 'token.sign-in', entity: 'token', entityId: String(created.id) });
      return created;
    });
    const { passwordHash: _hidden, ...safeUser } = user;
    res.status(201).json({ token: t.token, tokenInfo: token, user: safeUser });
  });
  return r;
}
