import type { z } from 'zod';
import { badRequest } from './errors';
// zod's messages in Chinese wherever the server parses a request, whichever module imported the schemas first.
import '../zod-zh';

/** Parses a request part with its schema, or refuses with a 400 naming each field in Chinese. */
export function parse<S extends z.ZodType>(schema: S, value: unknown, where = '请求内容'): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message }));
  const first = problems[0];
  throw badRequest('invalid-request', `${where}不符合要求：${first.path ? `“${first.path}” ` : ''}${first.message}`, problems);
}

/** Ids are PostgreSQL `integer`s: a longer one would fail in the database instead of being refused here. */
const MAX_ID = 2_147_483_647;

export function idParam(raw: string | string[] | undefined): number {
  // Digits only: Number() would also take "1e3", " 7" and "0x10".
  const n = typeof raw === 'string' && /^[1-9][0-9]{0,9}$/.test(raw) ? Number(raw) : NaN;
  if (!(n <= MAX_ID)) throw badRequest('invalid-id', '编号应为正整数');
  return n;
}
