/**
 * Grids and cells no workbook holds, sent on purpose: merges reaching far past the values or past
 * Excel's last column, cells longer than Excel allows. Each gets a clear refusal, and the server goes on answering.
 */
import request from 'supertest';
import type { WorkbookGrid } from '../../shared/src';
import { zip } from '../../server/src/xlsx/test-zip';
import { backends, catalogueBook, expectError, xlsx } from './helpers';
import { startHarness, type Harness } from './harness';

/** An .xlsx with one sheet of the given XML inside <sheetData>, and what follows it. */
function rawXlsx(sheetData: string, tail = ''): Buffer {
  const ns = 'http://schemas.openxmlformats.org';
  return zip([
    { name: '_rels/.rels', data: `<?xml version="1.0"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: 'xl/workbook.xml', data: `<?xml version="1.0"?><workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="目录" sheetId="1" r:id="rId1"/></sheets></workbook>` },
    { name: 'xl/_rels/workbook.xml.rels', data: `<?xml version="1.0"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>` },
    { name: 'xl/worksheets/sheet1.xml', data: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${ns}/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData>${tail}</worksheet>` },
  ]);
}

describe.each(backends)('hostile grids on %s', (backend) => {
  let h: Harness;
  const as = (who: keyof Harness['tokens']) => ({ Authorization: `Bearer ${h.tokens[who]}` });
  const submit = (workbook: unknown) => request(h.app).post('/api/submissions').set(as('clerkA')).send({ workbook });
  const upload = (file: Buffer, path = '/api/submissions') => request(h.app).post(path).set(as('clerkA')).attach('file', file, { filename: '目录.xlsx', contentType: 'application/octet-stream' });
  const healthy = async () => expect((await request(h.app).get('/api/health')).status).toBe(200);
  const stored = async () => (await request(h.app).get('/api/submissions').set(as('admin'))).body.total as number;

  beforeAll(async () => {
    h = await startHarness({}, backend);
  });
  afterAll(async () => h.close());

  test('a JSON merge to column 200,000,000 is refused before anything is filled, and the server goes on', async () => {
    const before = await stored();
    const bomb = { sheets: [{ name: '目录', rows: [['数据资源名称'], ['x']], merges: [{ top: 1, left: 1, bottom: 1, right: 200_000_000 }] }] };
    const res = await submit(bomb);
    expectError(res, 400, 'invalid-request');
    expect(res.body.error.message).toContain('Excel 工作表的范围');
    await healthy();
    expect(await stored()).toBe(before);
  });

  test('coordinates and sizes past Excel\'s sheet are refused; a merge reaching past the values is checked within them', async () => {
    const sheet = catalogueBook().sheets[0];
    expectError(await submit({ sheets: [{ ...sheet, startRow: 1_048_577 }] }), 400, 'invalid-request');
    expectError(await submit({ sheets: [{ ...sheet, startCol: 16_380 }] }), 400, 'invalid-request');
    expectError(await submit({ sheets: [{ ...sheet, merges: [{ top: 3, left: 2, bottom: 1, right: 2 }] }] }), 400, 'invalid-request');
    // A1:XFD1048576 is a real Excel area, but 17 billion cells: refused, naming it.
    const whole: WorkbookGrid = { sheets: [{ ...sheet, merges: [{ top: 1, left: 1, bottom: 1_048_576, right: 16_384 }] }] };
    const refused = await submit(whole);
    expectError(refused, 413, 'too-many-cells');
    expect(refused.body.error.message).toContain('最大的是 A1:XFD1048576');
    // A merge reaching past the values, within the limit: accepted, and filled only as far as the catalogue's values.
    const past: WorkbookGrid = { sheets: [{ ...sheet, merges: [{ top: 1, left: 1, bottom: 5000, right: 100 }] }] };
    const res = await submit(past);
    expect(res.status).toBe(201);
    const outline = await request(h.app).get(`/api/submissions/${res.body.submission.id}/sheets`).set(as('clerkA'));
    expect(outline.body.sheets[0].merges).toEqual([{ top: 1, left: 1, bottom: sheet.rows.length, right: outline.body.sheets[0].width, value: sheet.rows[0][0] }]);
  });

  test('merges over a long and wide area of values count their filled cells against MAX_CELLS', async () => {
    // 6,000,000 cells declared (the limit), but filling them over 6,999 values passes it.
    const wide = Array.from({ length: 6_000 }, (_, i) => i);
    const rows = [wide, ...Array.from({ length: 999 }, () => [1])];
    const res = await submit({ sheets: [{ name: '目录', rows, merges: [{ top: 1, left: 1, bottom: 1000, right: 6_000 }] }] });
    expectError(res, 413, 'too-many-cells');
    expect(res.body.error.message).toContain('合并单元格展开后');
    await healthy();
  });

  test('the .xlsx merge bomb (A1:XFD2000 over values in A1 and A2000) is too large, named; so is its wide variant', async () => {
    const cells = '<row r="1"><c r="A1" t="inlineStr"><is><t>数据资源名称</t></is></c>{wide}</row><row r="2000"><c r="A2000" t="inlineStr"><is><t>x</t></is></c></row>';
    const merge = '<mergeCells count="1"><mergeCell ref="A1:XFD2000"/></mergeCells>';
    const bomb = rawXlsx(cells.replace('{wide}', ''), merge);
    expect(bomb.length).toBeLessThan(6 * 1024);
    const refused = await upload(bomb);
    expectError(refused, 413, 'workbook-too-large');
    expect(refused.body.error.message).toContain('A1:XFD2000');
    const wide = rawXlsx(cells.replace('{wide}', '<c r="XFD1"><v>1</v></c>'), merge);
    expectError(await upload(wide), 413, 'workbook-too-large');
    expectError(await upload(wide, '/api/checks'), 413, 'workbook-too-large');
    await healthy();
  });

  test('a cell of 32,768 characters: 422 naming the sheet, the cell and the limit, in JSON and in an upload; 32,767 is accepted', async () => {
    const long = 'x'.repeat(32_768);
    const book = catalogueBook({ 共享类型: '有条件共享', 共享条件: long });
    const cell = (() => {
      const rows = book.sheets[0].rows;
      const r = rows.findIndex((row) => row.includes(long));
      return `${String.fromCharCode(65 + rows[r].indexOf(long))}${r + 1}`;
    })();
    const before = await stored();
    for (const res of [await submit(book), await upload(await xlsx(book)), await upload(await xlsx(book), '/api/checks')]) {
      expectError(res, 422, 'cell-too-long');
      expect(res.body.error.message).toContain(`工作表“目录”的单元格 ${cell}`);
      expect(res.body.error.message).toContain('32,767');
      expect(res.body.error.details).toEqual({ sheet: '目录', cell, length: 32_768, limit: 32_767 });
    }
    expect(await stored()).toBe(before);
    expect((await submit(catalogueBook({ 共享类型: '有条件共享', 共享条件: 'x'.repeat(32_767) }))).status).toBe(201);
  });
});
