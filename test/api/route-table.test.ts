/**
 * The OpenAPI document equals the route table, and the table equals what Express serves: a route
 * registered past the table, or declared and never served, fails here.
 */
import request from 'supertest';
import { ROUTES } from '../../shared/src/api/routes';
import { startHarness, type Harness } from './harness';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  /** Mounted at the root (the help pages), not at /api. */
  slash?: boolean;
}

/** METHOD /path (OpenAPI style) of every route Express registered, routers included (mounted at /api, or at the root). */
function served(stack: Layer[], prefix = ''): string[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      const path = `${prefix}${layer.route.path}`.replace(/:(\w+)/g, '{$1}');
      return Object.keys(layer.route.methods).filter((m) => m !== '_all').map((m) => `${m.toUpperCase()} ${path}`);
    }
    return layer.handle?.stack ? served(layer.handle.stack, layer.slash ? '' : '/api') : [];
  });
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

test('every /api route Express serves is in the table, and every route in the table is served', () => {
  const api = served((h.app as unknown as { router: { stack: Layer[] } }).router.stack).filter((r) => r.split(' ')[1].startsWith('/api/'));
  const table = Object.values(ROUTES).map((r) => `${r.method.toUpperCase()} /api${r.path}`);
  expect(new Set(api).size).toBe(api.length);
  expect([...api].sort()).toEqual([...table].sort());
});

test('the OpenAPI document lists exactly the table, with its summaries and who may call', async () => {
  const doc = (await request(h.app).get('/api/openapi.json')).body as { paths: Record<string, Record<string, { summary: string; security?: unknown[] }>> };
  const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
  expect(documented.sort()).toEqual(Object.values(ROUTES).map((r) => `${r.method.toUpperCase()} /api${r.path}`).sort());
  for (const r of Object.values(ROUTES)) {
    const op = doc.paths[`/api${r.path}`][r.method];
    expect(op.summary).toBe(r.summary);
    expect(op.security === undefined).toBe(r.access === 'public');
  }
});

test('a role the table does not name is refused before the handler runs', async () => {
  const clerk = { Authorization: `Bearer ${h.tokens.clerkA}` };
  for (const [name, r] of Object.entries(ROUTES)) {
    if (r.access === 'public' || r.access === 'signed-in' || (r.access as readonly string[]).includes('clerk')) continue;
    const path = `/api${r.path}`.replace(/\{\w+\}/g, (p) => (p === '{year}' ? '2030' : '1'));
    const res = await request(h.app)[r.method](path).set(clerk).send({});
    expect([name, res.status]).toEqual([name, 403]);
  }
});
