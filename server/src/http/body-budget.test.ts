import { EventEmitter } from 'node:events';
import type { Request, Response } from 'express';
import { BodyBudget } from './body-budget';
import type { BodyLimit } from './body';
import { ApiError } from './errors';

/** A route taking bodies of at most `maxBytes`. */
const route = (maxBytes: number): BodyLimit => ({ maxBytes, tooLarge: () => new ApiError(413, 'payload-too-large', `请求内容超过上限（${maxBytes} 字节）`) });

/** A request declaring `length` bytes (or none), and a response that can finish or close. */
function exchange(length: number | null, headers: Record<string, string> = {}) {
  const req = { headers: { ...headers, ...(length === null ? {} : { 'content-length': String(length) }) } } as unknown as Request;
  const res = Object.assign(new EventEmitter(), { set: jest.fn() }) as unknown as Response & EventEmitter;
  return { req, res };
}

function admit(budget: BodyBudget, length: number | null, { holder = 'a', limit = route(100_000), headers = {} }: { holder?: string; limit?: BodyLimit; headers?: Record<string, string> } = {}) {
  const { req, res } = exchange(length, headers);
  let outcome: { admitted: boolean; error?: ApiError } = { admitted: false };
  budget.reserve(
    () => limit,
    () => holder,
  )(req, res, (err?: unknown) => {
    outcome = err ? { admitted: false, error: err as ApiError } : { admitted: true };
  });
  return { ...outcome, res };
}

test('admits bodies up to the bound, refuses past it with 503, and frees the room when a response ends', () => {
  const budget = new BodyBudget(1000);
  const a = admit(budget, 600, { holder: 'a' });
  expect(a.admitted).toBe(true);
  const b = admit(budget, 600, { holder: 'b' });
  expect(b.admitted).toBe(false);
  expect(b.error).toMatchObject({ status: 503, code: 'server-busy' });
  expect(admit(budget, 400, { holder: 'b' }).admitted).toBe(true);
  expect(budget.inUse).toBe(1000);
  a.res.emit('finish');
  a.res.emit('close'); // both events come for one response: freed once
  expect(budget.inUse).toBe(400);
  expect(budget.heldBy('a')).toBe(0);
  expect(admit(budget, 600, { holder: 'c' }).admitted).toBe(true);
});

test('one request is let in alone even when larger than the bound; an undeclared or compressed size counts as the route’s limit', () => {
  const budget = new BodyBudget(1000);
  const big = admit(budget, 5000, { limit: route(5000) });
  expect(big.admitted).toBe(true);
  expect(admit(budget, 1, { holder: 'b' }).error).toMatchObject({ status: 503 });
  big.res.emit('close');
  expect(budget.inUse).toBe(0);
  const chunked = admit(budget, null, { limit: route(800) });
  expect(budget.inUse).toBe(800);
  expect(admit(budget, 300, { holder: 'b' }).admitted).toBe(false);
  chunked.res.emit('close');
  admit(budget, 10, { limit: route(800), headers: { 'content-encoding': 'gzip' } });
  expect(budget.inUse).toBe(800);
});

test('a declared size over the route’s limit is refused with its 413 before anything is reserved, even when the budget is idle', () => {
  const budget = new BodyBudget(1000);
  const huge = admit(budget, 1e12, { limit: route(500) });
  expect(huge.error).toMatchObject({ status: 413, code: 'payload-too-large', message: expect.stringContaining('500 字节') });
  expect(budget.inUse).toBe(0);
  expect(admit(budget, 500, { holder: 'b', limit: route(500) }).admitted).toBe(true);
});

test('one holder has at most a quarter of the budget (or one body of the route) at once; others still get in', () => {
  const budget = new BodyBudget(1000);
  const small = route(100);
  for (let i = 0; i < 2; i++) expect(admit(budget, 100, { limit: small }).admitted).toBe(true);
  const third = admit(budget, 100, { limit: small });
  expect(third.error).toMatchObject({ status: 429, code: 'too-many-pending' });
  expect(budget.heldBy('a')).toBe(200);
  expect(admit(budget, 50, { limit: small }).admitted).toBe(true); // 250: exactly the share
  expect(admit(budget, 1, { limit: small }).admitted).toBe(false);
  for (let i = 0; i < 7; i++) expect(admit(budget, 100, { holder: `other-${i}`, limit: small }).admitted).toBe(true);

  // A route whose one body is more than a quarter: the share is that body, so a holder has one at a time.
  const roomy = new BodyBudget(1000);
  expect(admit(roomy, 600, { limit: route(600) }).admitted).toBe(true);
  expect(admit(roomy, 10, { limit: route(600) }).error).toMatchObject({ status: 429 });
  expect(admit(roomy, 300, { holder: 'b', limit: route(600) }).admitted).toBe(true);
});

test('a request the route reads no body for reserves nothing; a holder that cannot be named is refused before any reservation', () => {
  const budget = new BodyBudget(1000);
  const { req, res } = exchange(900);
  const next = jest.fn();
  budget.reserve(() => null, () => 'a')(req, res, next);
  expect(next).toHaveBeenCalledWith();
  expect(budget.inUse).toBe(0);
  const refused = new ApiError(401, 'unauthenticated', '请先登录');
  expect(() =>
    budget.reserve(
      () => route(1000),
      () => {
        throw refused;
      },
    )(req, res, next),
  ).toThrow(refused);
  expect(budget.inUse).toBe(0);
});
