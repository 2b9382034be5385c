/**
 * `govcat manifest` as a bureau runs it: the compiled CLI in its own Node process (office-addin-
 * manifest is loaded there as in production), writing a manifest for the bureau's address that
 * validates, keeps its id on every regeneration, and is refused for an http address.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bureauAddinId } from '../server/src/manifest/bureau-id';
import { validateManifest } from '../server/src/manifest/validate';
import { compileInto, nodePath, ROOT } from './fixtures/compiled-build';

let build: string;
let out: string;

beforeAll(() => {
  build = mkdtempSync(join(tmpdir(), 'govcat-cli-build-'));
  out = mkdtempSync(join(tmpdir(), 'govcat-manifest-out-'));
  compileInto(build);
}, 90_000);

afterAll(() => {
  rmSync(build, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

function govcat(...args: string[]) {
  const r = spawnSync(process.execPath, [join(build, 'server/src/cli/main.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_PATH: nodePath }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('writes a valid manifest for the bureau’s own address, with a stable id', async () => {
  const file = join(out, 'manifest.xml');
  const r = govcat('manifest', '--base-url', 'https://data.wuhu.gov.cn', '--name', '芜湖市数据目录', '--out', file);
  expect(r).toMatchObject({ code: 0, stderr: '' });
  expect(r.stdout).toContain('已生成加载项清单');
  const xml = readFileSync(file, 'utf8');
  expect(xml).toContain(`<Id>${bureauAddinId('https://data.wuhu.gov.cn')}</Id>`);
  expect(xml).toContain('<DisplayName DefaultValue="芜湖市数据目录"/>');
  expect(xml).toContain('https://data.wuhu.gov.cn/addin/taskpane.html');
  expect(await validateManifest(xml)).toEqual([]);
  // Regenerated later (a new version), the id stays; another bureau gets another one.
  expect(govcat('manifest', '--base-url', 'https://data.wuhu.gov.cn/', '--addin-version', '1.1.0.0', '--out', file).code).toBe(0);
  expect(readFileSync(file, 'utf8')).toContain(`<Id>${bureauAddinId('https://data.wuhu.gov.cn')}</Id>`);
  expect(bureauAddinId('https://data.wuhu.gov.cn')).not.toBe(bureauAddinId('https://data.yangquan.gov.cn'));
}, 60_000);

test('an http address or a bad id is refused in Chinese and writes nothing', () => {
  const file = join(out, 'refused.xml');
  const http = govcat('manifest', '--base-url', 'http://data.wuhu.gov.cn', '--out', file);
  expect(http.code).toBe(2);
  expect(http.stderr).toContain('HTTPS');
  const badId = govcat('manifest', '--base-url', 'https://data.wuhu.gov.cn', '--id', 'not-a-guid', '--out', file);
  expect(badId.code).not.toBe(0);
  expect(badId.stderr).toMatch(/GUID|Id/);
  expect(existsSync(file)).toBe(false);
}, 60_000);
