/**
 * The shipped manifest: generated from one template, valid against the Office add-in manifest
 * XSDs (kept in the repo: the online validator is unreachable from intranets), and served with
 * everything it names by the server itself.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildManifest, DEFAULT_MANIFEST, ICON_SIZES } from '../server/src/manifest/build';
import { BASE_SET } from '../addin/src/excel/capabilities';
import { projectRoot } from '../server/src/paths';
import { validateManifest } from '../server/src/manifest/validate';
import request from 'supertest';
import { startHarness } from './api/harness';

const root = projectRoot();
const XSD = join(root, 'server', 'src', 'manifest', 'schemas', 'OfficeAppManifestV1_1.xsd');

function xmllint(xml: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'govcat-manifest-'));
  const file = join(dir, 'manifest.xml');
  writeFileSync(file, xml);
  try {
    return { ok: true, output: execFileSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8', stdio: 'pipe' }) };
  } catch (e) {
    return { ok: false, output: String((e as { stderr?: string }).stderr ?? e) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the shipped manifest.xml is the template for the development address', () => {
  expect(readFileSync(join(root, 'manifest.xml'), 'utf8')).toBe(buildManifest(DEFAULT_MANIFEST));
});

test('it asks only for ExcelApi 1.1, the add-in’s base set, so Office 2016 and 2019 list it too', () => {
  expect(buildManifest(DEFAULT_MANIFEST)).toContain('<Set Name="ExcelApi" MinVersion="1.1"/>');
  expect(DEFAULT_MANIFEST.excelApi).toBe(BASE_SET);
  expect(readFileSync(join(root, 'manifest.xml'), 'utf8').match(/<Set Name="ExcelApi"[^>]*>/g)).toEqual(['<Set Name="ExcelApi" MinVersion="1.1"/>']);
});

test('it validates against the XSDs, and a broken one does not', () => {
  expect(xmllint(buildManifest(DEFAULT_MANIFEST))).toEqual({ ok: true, output: '' });
  const broken = buildManifest(DEFAULT_MANIFEST).replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>Everything</Permissions>');
  expect(xmllint(broken).ok).toBe(false);
});

test('a Home-tab button opens the task pane, with icons at 16, 32 and 80 pixels on the same server', () => {
  const xml = buildManifest({ ...DEFAULT_MANIFEST, baseUrl: 'https://data.example.gov.cn/' });
  expect(xml).toContain('<OfficeTab id="TabHome">');
  expect(xml).toContain('<Action xsi:type="ShowTaskpane">');
  for (const size of [16, 32, 80]) expect(xml).toContain(`https://data.example.gov.cn/addin/assets/icon-${size}.png`);
  expect(xml).toContain('<AppDomain>https://data.example.gov.cn</AppDomain>');
  expect(xml).toContain('<SourceLocation DefaultValue="https://data.example.gov.cn/addin/taskpane.html"/>');
  for (const size of ICON_SIZES) expect(readFileSync(join(root, 'addin', 'assets', `icon-${size}.png`)).subarray(1, 4).toString()).toBe('PNG');
});

describe('our own checks, offline', () => {
  const good = buildManifest({ ...DEFAULT_MANIFEST, baseUrl: 'https://data.example.gov.cn' });

  test('the template passes the XSDs and every rule', async () => {
    expect(await validateManifest(good)).toEqual([]);
  });

  test.each([
    ['a bad GUID', good.replace(/<Id>[^<]*<\/Id>/, '<Id>not-a-guid</Id>'), 'id', /GUID/],
    ['an http address', buildManifest({ ...DEFAULT_MANIFEST, baseUrl: 'http://data.example.gov.cn' }), 'https', /HTTPS/],
    ['a missing icon', good.replace(/\s*<bt:Image id="Icon.80x80"[^>]*\/>/, '').replace(/\s*<bt:Image size="80" resid="Icon.80x80"\/>/g, ''), 'icon', /80 像素/],
    ['a wrong version', good.replace('<Version>1.0.0.0</Version>', '<Version>v1</Version>'), 'version', /四段数字/],
    ['an element out of place', good.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>All</Permissions>'), 'schema', /结构/],
  ])('%s is refused with a clear message', async (_name, xml, rule, message) => {
    const problems = await validateManifest(xml);
    expect(problems.find((p) => p.rule === rule)?.message).toMatch(message);
  });
});

test('the server serves its own manifest for PUBLIC_URL, whatever Host the request names', async () => {
  const h = await startHarness({ PUBLIC_URL: 'https://data.wuhu.gov.cn' });
  try {
    for (const host of ['data.wuhu.gov.cn', 'evil.example', 'localhost:3000']) {
      const res = await request(h.app).get('/manifest.xml').set('Host', host);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/xml/);
      const xml = res.text;
      expect(xml).toContain('https://data.wuhu.gov.cn/addin/taskpane.html');
      expect(xml).not.toMatch(/evil|localhost/);
      expect(await validateManifest(xml)).toEqual([]);
    }
  } finally {
    await h.close();
  }
});

test('without PUBLIC_URL the manifest is only for this machine’s own name; another Host is told to set PUBLIC_URL', async () => {
  const h = await startHarness();
  try {
    for (const host of ['evil.example', 'evil.example:3000', '10.1.2.3:3000', 'localhost.evil.example']) {
      const res = await request(h.app).get('/manifest.xml').set('Host', host);
      expect([host, res.status]).toEqual([host, 503]);
      expect(res.body.error.code).toBe('public-url-not-set');
      expect(res.body.error.message).toContain('PUBLIC_URL');
      expect(res.text).not.toContain('evil');
    }
    for (const [host, origin] of [['localhost:3000', 'http://localhost:3000'], ['127.0.0.1:8080', 'http://127.0.0.1:8080'], ['[::1]:3000', 'http://[::1]:3000']]) {
      const res = await request(h.app).get('/manifest.xml').set('Host', host);
      expect([host, res.status]).toEqual([host, 200]);
      expect(res.text).toContain(`${origin}/addin/taskpane.html`);
    }
  } finally {
    await h.close();
  }
});

test('OFFICE_JS=cdn points the pane at Microsoft’s office.js and allows that script', async () => {
  const h = await startHarness({ OFFICE_JS: 'cdn' });
  try {
    const res = await request(h.app).get('/addin/taskpane.html');
    expect(res.status).toBe(200);
    expect(res.text).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(res.text).not.toContain('/office-js/office.js');
    expect(res.headers['content-security-policy']).toContain('script-src \'self\' https://appsforoffice.microsoft.com');
  } finally {
    await h.close();
  }
});
