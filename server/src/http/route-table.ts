/**
 * Registers handlers from the route table (shared/src/api/routes.ts) and writes the OpenAPI
 * document from the same table, so an endpoint cannot be served without being documented, nor
 * documented with other roles than it enforces.
 */
import { OpenApiGeneratorV3, OpenAPIRegistry, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { Request, RequestHandler, Response, Router } from 'express';
import { z } from 'zod';
import { ErrorSchema } from '../../../shared/src/api/schemas';
import { ROUTES, type RouteName, type RouteSpec } from '../../../shared/src/api/routes';
import { caller, requireRole, type Caller } from './auth';

type CallerOf<N extends RouteName> = (typeof ROUTES)[N]['access'] extends 'public' ? Caller | undefined : Caller;
export type RouteHandler<N extends RouteName> = (req: Request, res: Response, caller: CallerOf<N>) => unknown;

/** Express's form of the table's path, relative to the router mounted at /api. */
export function expressPath(spec: Pick<RouteSpec, 'path'>): string {
  return spec.path.replace(/\{(\w+)\}/g, ':$1');
}

/**
 * Serves route `name` on `router` (mounted at /api). The role check runs right before the handler,
 * after `middlewares` (a body's budget and parser), as it always did inside the handlers.
 */
export function on<N extends RouteName>(router: Router, name: N, handler: RouteHandler<N>): void;
export function on<N extends RouteName>(router: Router, name: N, middlewares: RequestHandler[], handler: RouteHandler<N>): void;
export function on<N extends RouteName>(router: Router, name: N, a: RequestHandler[] | RouteHandler<N>, b?: RouteHandler<N>): void {
  const [middlewares, handler] = typeof a === 'function' ? [[], a] : [a, b!];
  const spec: RouteSpec = ROUTES[name];
  router[spec.method](expressPath(spec), ...middlewares, (req: Request, res: Response) => handler(req, res, allowed(spec, req) as CallerOf<N>));
}

function allowed(spec: RouteSpec, req: Request): Caller | undefined {
  if (spec.access === 'public') return req.caller;
  if (spec.access === 'signed-in') return caller(req);
  return requireRole(req, ...spec.access);
}

/** The OpenAPI document of every route in the table. */
export function openApiDocument(): ReturnType<OpenApiGeneratorV3['generateDocument']> {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: '个人访问令牌（gct_…）' });
  const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
  const refusal = (description: string) => json(ErrorSchema, description);
  const signedInRefusals = { 401: refusal('未登录或令牌无效'), 403: refusal('角色无权操作'), 404: refusal('不存在或无权查看') };
  for (const spec of Object.values(ROUTES) as RouteSpec[]) {
    const isPublic = spec.access === 'public';
    const body = spec.body === undefined ? undefined : 'content' in spec.body && !(spec.body instanceof z.ZodType) ? spec.body.content : { 'application/json': spec.body as z.ZodType };
    const ok = spec.ok.schema === undefined ? { description: spec.ok.description } : { description: spec.ok.description, content: { [spec.ok.contentType ?? 'application/json']: { schema: spec.ok.schema } } };
    const route: RouteConfig = {
      method: spec.method,
      path: `/api${spec.path}`,
      summary: spec.summary,
      ...(isPublic ? {} : { security: [{ [bearer.name]: [] }] }),
      request: {
        ...(spec.params ? { params: spec.params } : {}),
        ...(spec.query ? { query: spec.query as z.ZodObject } : {}),
        ...(spec.headers ? { headers: spec.headers } : {}),
        ...(body ? { body: { content: Object.fromEntries(Object.entries(body).map(([type, schema]) => [type, { schema }])) } } : {}),
      },
      responses: {
        [spec.ok.status]: ok,
        400: refusal('请求不符合要求'),
        ...(isPublic ? {} : signedInRefusals),
        ...Object.fromEntries(Object.entries(spec.refusals ?? {}).map(([status, description]) => [status, refusal(description!)])),
      },
    };
    registry.registerPath(route);
  }
  return new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: '3.0.3',
    info: { title: 'govcat 政务数据资源目录服务 API', version: '1.0.0', description: '提交、校验、审核政务数据资源目录。所有错误均为 JSON：{ error: { code, message } }，message 为中文。' },
    servers: [{ url: '/' }],
  });
}
