/**
 * The security headers as a browser and Office see them: HTTPS-only headers only when the
 * request really came over HTTPS, framing by Office on the task pane only, icons Office can
 * load from its own pages, and a pane that may call the server addresses a bureau names.
 */
import request from 'supertest';
import { loadConfig } from '../server/src/config';
import { OFFICE_FRAME_ANCESTORS } from '../server/src/http/security-headers';
import { startHarness, type Harness } from './api/harness';
import { buildFrontEnds } from './e2e/front-end-build';

const harnesses: Harness[] = [];
async function app(env: Record<string, string> = {}) {
  const h = await startHarness(env);
  harnesses.push(h);
  return h.app;
}

beforeAll(() => buildFrontEnds());
afterAll(() => Promise.all(harnesses.map((h) => h.close())));

/** The CSP as directive name → its values. */
function csp(res: request.Response): Map<string, string[]> {
  const header = String(res.headers['content-security-policy'] ?? '');
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name, values]),
  );
}

describe('HTTPS-only headers', () => {
  test('over plain HTTP: no upgrade-insecure-requests and no HSTS, even if the request claims https without TRUST_PROXY', async () => {
    const a = await app();
    for (const res of [await request(a).get('/'), await request(a).get('/').set('X-Forwarded-Proto', 'https')]) {
      expect(csp(res).has('upgrade-insecure-requests')).toBe(false);
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  test('behind a trusted proxy: only the requests that came to it over https get them', async () => {
    const a = await app({ TRUST_PROXY: 'loopback' });
    const https = await request(a).get('/').set('X-Forwarded-Proto', 'https');
    expect(csp(https).has('upgrade-insecure-requests')).toBe(true);
    expect(https.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    const http = await request(a).get('/').set('X-Forwarded-Proto', 'http');
    expect(csp(http).has('upgrade-insecure-requests')).toBe(false);
    expect(http.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('framing', () => {
  test('the task pane may be framed by Office on the web, OneDrive and Teams', async () => {
    const res = await request(await app()).get('/addin/taskpane.html');
    expect(res.status).toBe(200);
    const ancestors = csp(res).get('frame-ancestors');
    expect(ancestors).toEqual(["'self'", ...OFFICE_FRAME_ANCESTORS]);
    for (const host of ['https://*.officeapps.live.com', 'https://onedrive.live.com', 'https://teams.microsoft.com', 'https://*.cloud.microsoft']) expect(ancestors).toContain(host);
    // X-Frame-Options cannot list hosts: it would only get in Office's way.
    expect(res.headers['x-frame-options']).toBeUndefined();
  });

  test.each(['/', '/submissions/1', '/api/health', '/api/docs/'])('%s may be framed by no one', async (path) => {
    const res = await request(await app()).get(path).set('Accept', 'text/html');
    expect(csp(res).get('frame-ancestors')).toEqual(["'none'"]);
    expect(res.headers['x-frame-options']).toBe('DENY');
  });
});

test('the ribbon icons can be loaded from Office’s pages; the rest stays same-origin', async () => {
  const a = await app();
  const icon = await request(a).get('/addin/assets/icon-80.png');
  expect(icon.status).toBe(200);
  expect(icon.headers['content-type']).toBe('image/png');
  expect(icon.headers['cross-origin-resource-policy']).toBe('cross-origin');
  for (const path of ['/addin/taskpane.html', '/api/health', '/']) expect([path, (await request(a).get(path)).headers['cross-origin-resource-policy']]).toEqual([path, 'same-origin']);
});

test('the pane may connect to PUBLIC_URL and the addresses in ADDIN_CONNECT_SRC', async () => {
  const a = await app({ PUBLIC_URL: 'https://data.wuhu.gov.cn/', ADDIN_CONNECT_SRC: 'https://data2.wuhu.gov.cn, http://10.1.2.3:3000/api' });
  const res = await request(a).get('/addin/taskpane.html');
  expect(csp(res).get('connect-src')).toEqual(["'self'", 'https://data.wuhu.gov.cn', 'https://data2.wuhu.gov.cn', 'http://10.1.2.3:3000']);
  const plain = await request(await app()).get('/addin/taskpane.html');
  expect(csp(plain).get('connect-src')).toEqual(["'self'"]);
});

test('a pane served by one of those servers may call this API with a token, never with the page session', async () => {
  const h = await startHarness({ ADDIN_CONNECT_SRC: 'https://data2.wuhu.gov.cn' });
  harnesses.push(h);
  const preflight = await request(h.app).options('/api/submissions').set('Origin', 'https://data2.wuhu.gov.cn').set('Access-Control-Request-Method', 'POST').set('Access-Control-Request-Headers', 'authorization,content-type,idempotency-key');
  expect(preflight.status).toBe(204);
  expect(preflight.headers['access-control-allow-origin']).toBe('https://data2.wuhu.gov.cn');
  expect(preflight.headers['access-control-allow-headers']).toMatch(/Idempotency-Key/);
  expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
  const me = await request(h.app).get('/api/me').set('Origin', 'https://data2.wuhu.gov.cn').set('Authorization', `Bearer ${h.tokens.clerkA}`);
  expect([me.status, me.headers['access-control-allow-origin']]).toEqual([200, 'https://data2.wuhu.gov.cn']);
  // Any other origin gets no CORS headers, so its browser keeps the answer from it.
  const other = await request(h.app).get('/api/me').set('Origin', 'https://evil.example').set('Authorization', `Bearer ${h.tokens.clerkA}`);
  expect(other.headers['access-control-allow-origin']).toBeUndefined();
  const plain = await request(await app()).get('/api/me').set('Origin', 'https://data2.wuhu.gov.cn').set('Authorization', `Bearer ${h.tokens.clerkA}`);
  expect(plain.headers['access-control-allow-origin']).toBeUndefined();
});

test('a bad ADDIN_CONNECT_SRC names the variable in Chinese', () => {
  expect(() => loadConfig({ ADDIN_CONNECT_SRC: 'https://ok.example, data.example' })).toThrow(/ADDIN_CONNECT_SRC 中的“data\.example”不是有效的地址/);
  expect(() => loadConfig({ ADDIN_CONNECT_SRC: 'ftp://files.example' })).toThrow(/ADDIN_CONNECT_SRC/);
});
