/**
 * .xls and .ods through the front doors: the upload API (checked on the workers) and `govcat
 * validate` give the report the .xlsx gives; .csv and .et are still refused by name.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { WorkbookGrid } from '../shared/src/grid';
import { runCli } from '../server/src/cli/main';
import { catalogueBook, expectError, xlsx } from './api/helpers';
import { startHarness, type Harness } from './api/harness';
import { sheetJsBook } from '../server/src/xlsx/test-zip';

const sheetJs = (grid: WorkbookGrid, bookType: 'xls' | 'ods') => sheetJsBook(grid.sheets, bookType);

const TYPES = { xls: 'application/vnd.ms-excel', ods: 'application/vnd.oasis.opendocument.spreadsheet', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

describe('the upload API', () => {
  let h: Harness;
  const as = (who: keyof Harness['tokens']) => ({ Authorization: `Bearer ${h.tokens[who]}` });
  beforeAll(async () => {
    h = await startHarness({}, 'sqlite');
  });
  afterAll(async () => h.close());

  test('checks an .xls and an .ods like the .xlsx of the same catalogue', async () => {
    const book = catalogueBook({ 数据资源名称: '' });
    const check = (file: Buffer, ext: keyof typeof TYPES) => request(h.app).post('/api/checks').set(as('clerkA')).attach('file', file, { filename: `目录.${ext}`, contentType: TYPES[ext] });
    const fromXlsx = await check(await xlsx(book), 'xlsx');
    expect(fromXlsx.status).toBe(200);
    expect(fromXlsx.body.report.counts.errors).toBeGreaterThan(0);
    for (const [file, ext] of [[sheetJs(book, 'xls'), 'xls'], [sheetJs(book, 'ods'), 'ods']] as const) {
      const res = await check(file, ext);
      expect(res.status).toBe(200);
      expect(res.body.report).toEqual(fromXlsx.body.report);
    }
  });

  test('refuses a corrupt .xls in Chinese, and still refuses .csv and .et by name', async () => {
    const junk = Buffer.from(sheetJs(catalogueBook(), 'xls'));
    junk.fill(7, 1024);
    const res = await request(h.app).post('/api/checks').set(as('clerkA')).attach('file', junk, { filename: '目录.xls', contentType: TYPES.xls });
    expectError(res, 422, 'workbook-corrupt');
    expect(res.body.error.message).toContain('.xls');
    for (const name of ['目录.csv', '目录.et']) {
      expectError(await request(h.app).post('/api/checks').set(as('clerkA')).attach('file', Buffer.from('a,b\n'), { filename: name, contentType: 'application/octet-stream' }), 415, 'unsupported-file-type');
    }
  });
});

describe('govcat validate', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'govcat-formats-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function reportOf(file: string): Promise<{ code: number; report: unknown }> {
    let stdout = '';
    const code = await runCli(['validate', file, '--json'], { stdout: (t) => (stdout += t), stderr: () => undefined });
    const { file: _file, ...report } = JSON.parse(stdout) as Record<string, unknown>;
    return { code, report };
  }

  test('an .xls and an .ods give the .xlsx report', async () => {
    const book = catalogueBook({ 数据资源名称: '' });
    const files = { xlsx: await xlsx(book), xls: sheetJs(book, 'xls'), ods: sheetJs(book, 'ods') };
    const results: Record<string, { code: number; report: unknown }> = {};
    for (const [ext, bytes] of Object.entries(files)) {
      writeFileSync(join(dir, `目录.${ext}`), bytes);
      results[ext] = await reportOf(join(dir, `目录.${ext}`));
    }
    expect(results.xlsx.code).toBe(1);
    expect(results.xls).toEqual(results.xlsx);
    expect(results.ods).toEqual(results.xlsx);
  });
});
