import type { z } from 'zod';
import { badRequest } from './errors';

/** Parses a request part with its schema, or refuses with a 400 naming each field in Chinese. */
export function parse<S extends z.ZodType>(schema: S, value: unknown, where = '请求内容'): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message }));
  const first = problems[0];
  throw badRequest('invalid-request', `${where}不符合要求：${first.path ? `“${first.path}” ` : ''}${first.message}`, problems);
}

export function idParam(raw: string | string[] | undefined): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw badRequest('invalid-id', '编号应为正整数');
  return n;
}
