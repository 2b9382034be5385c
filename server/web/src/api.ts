import { apiPath, ROUTES, type ResponseOf, type RouteName } from '../../../shared/src/api/routes';

/**
 * The pages' one way to the server: JSON in and out, the session cookie sent by the browser,
 * the CSRF token added to every state-changing request, and refusals turned into ApiFailure
 * with the server's Chinese message.
 */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  json?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? (options.json !== undefined || options.form ? 'POST' : 'GET');
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.form) {
    body = options.form;
  }
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiFailure(0, 'network', '无法连接服务器，请检查网络后重试');
  }
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const error = (data as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiFailure(res.status, error?.code ?? 'unknown', error?.message ?? `服务器返回错误（${res.status}）`);
  }
  return data as T;
}

/** A query string from the defined values only. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * A route of the table by name (shared/src/api/routes.ts): method and path from the table, the
 * answer typed by its declared schema, so a page cannot drift from what the server sends.
 */
export function call<N extends RouteName>(
  name: N,
  { params, search, ...options }: Omit<RequestOptions, 'method'> & { params?: Record<string, string | number | undefined>; search?: Parameters<typeof query>[0] } = {},
): Promise<ResponseOf<N>> {
  const method = ROUTES[name].method.toUpperCase() as NonNullable<RequestOptions['method']>;
  return api<ResponseOf<N>>(`${apiPath(name, params)}${search ? query(search) : ''}`, { ...options, method });
}
