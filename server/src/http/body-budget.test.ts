import { EventEmitter } from 'node:events';
import type { Request, Response } from 'express';
import { BodyBudget } from './body-budget';
import { ApiError } from './errors';

/** A request declaring `length` bytes (or none), and a response that can finish or close. */
function exchange(length: number | null) {
  const req = { get: (h: string) => (h === 'content-length' && length !== null ? String(length) : undefined) } as unknown as Request;
  const res = Object.assign(new EventEmitter(), { set: jest.fn() }) as unknown as Response & EventEmitter;
  return { req, res };
}

function admit(budget: BodyBudget, length: number | null, undeclared = 1000): { admitted: boolean; error?: ApiError; res: EventEmitter } {
  const { req, res } = exchange(length);
  let outcome: { admitted: boolean; error?: ApiError } = { admitted: false };
  budget.reserve(undeclared)(req, res, (err?: unknown) => {
    outcome = err ? { admitted: false, error: err as ApiError } : { admitted: true };
  });
  return { ...outcome, res };
}

test('admits bodies up to the bound, refuses past it with 503, and frees the room when a response ends', () => {
  const budget = new BodyBudget(1000);
  const a = admit(budget, 600);
  expect(a.admitted).toBe(true);
  const b = admit(budget, 600);
  expect(b.admitted).toBe(false);
  expect(b.error).toMatchObject({ status: 503, code: 'server-busy' });
  expect(admit(budget, 400).admitted).toBe(true);
  expect(budget.inUse).toBe(1000);
  a.res.emit('finish');
  a.res.emit('close'); // both events come for one response: freed once
  expect(budget.inUse).toBe(400);
  expect(admit(budget, 600).admitted).toBe(true);
});

test('one request is let in alone even when larger than the bound; an undeclared size counts as the largest allowed', () => {
  const budget = new BodyBudget(1000);
  const big = admit(budget, 5000);
  expect(big.admitted).toBe(true);
  expect(admit(budget, 1).admitted).toBe(false);
  big.res.emit('close');
  expect(budget.inUse).toBe(0);
  admit(budget, null, 800);
  expect(budget.inUse).toBe(800);
  expect(admit(budget, 300).admitted).toBe(false);
});
