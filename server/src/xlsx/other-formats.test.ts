import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import * as CFB from 'cfb';
import { validateWorkbook } from '../../../shared/src';
import type { WorkbookGrid } from '../../../shared/src/grid';
import { seedCatalogue, seedDemand, writeSeedWorkbook } from '../../../test/fixtures/seed-000';
import { detectFormat, readWorkbook, WorkbookReadError } from './read';
import { sheetJsBook, zip } from './test-zip';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'other-formats-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function refusal(input: string | Buffer, options?: Parameters<typeof readWorkbook>[1]): Promise<WorkbookReadError> {
  const err = await readWorkbook(input, options).then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(WorkbookReadError);
  expect((err as Error).message).toMatch(/[\u4e00-\u9fff]/);
  return err as WorkbookReadError;
}

describe('.xls and .ods read into the same grid as .xlsx', () => {
  test.each(['xls', 'ods'] as const)('seed 000 as .%s gives the .xlsx report, merges included', async (format) => {
    const xlsx = join(dir, 'seed.xlsx');
    await writeSeedWorkbook(xlsx);
    const fromXlsx = await readWorkbook(xlsx);
    const bytes = sheetJsBook([seedCatalogue(), seedDemand()], format);
    if (format === 'xls') expect(detectFormat(bytes)).toBe('cfb');
    // Told by content: the name says .xlsx.
    const path = join(dir, `seed-as-${format}.xlsx`);
    await writeFile(path, bytes);
    for (const input of [path, bytes]) {
      const grid: WorkbookGrid = await readWorkbook(input);
      expect(grid.sheets.map((s) => s.name)).toEqual(fromXlsx.sheets.map((s) => s.name));
      grid.sheets.forEach((s, i) => {
        expect(s.rows).toEqual(fromXlsx.sheets[i].rows);
        expect(new Set(s.merges!.map((m) => JSON.stringify(m)))).toEqual(new Set(fromXlsx.sheets[i].merges!.map((m) => JSON.stringify(m))));
      });
      expect(validateWorkbook(grid)).toEqual(validateWorkbook(fromXlsx));
    }
  });

  test('numbers, booleans and errors of an .xls', async () => {
    const ws = XLSX.utils.aoa_to_sheet([[1.5, true, '文本', false]]);
    ws.E1 = { t: 'e', v: 0x2a };
    ws['!ref'] = 'A1:E1';
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, ws, '表');
    const grid = await readWorkbook(XLSX.write(book, { type: 'buffer', bookType: 'biff8' }) as Buffer);
    expect(grid.sheets[0].rows).toEqual([[1.5, true, '文本', false, '#N/A']]);
  });

  test('row and cell limits hold for .xls and .ods as for .xlsx', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => [i, `第${i}行`]);
    for (const format of ['xls', 'ods'] as const) {
      const bytes = sheetJsBook([{ name: '大表', rows }], format);
      expect((await refusal(bytes, { maxRows: 100 })).code).toBe('too-large');
      expect((await refusal(bytes, { maxCells: 500 })).code).toBe('too-large');
    }
  });
});

describe('.xls and .ods refused with a clear message', () => {
  test('a corrupt .xls (a CFB workbook stream of junk)', async () => {
    const cfb = CFB.utils.cfb_new();
    CFB.utils.cfb_add(cfb, '/Workbook', Buffer.alloc(4096, 3));
    const bytes = CFB.write(cfb, { type: 'buffer' }) as Buffer;
    const err = await refusal(bytes);
    expect(err.code).toBe('corrupt');
    expect(err.message).toContain('.xls 文件已损坏');
  });

  test('a CFB file that is no workbook (a Word .doc) is not one', async () => {
    const cfb = CFB.utils.cfb_new();
    CFB.utils.cfb_add(cfb, '/WordDocument', Buffer.alloc(4096, 1));
    expect((await refusal(CFB.write(cfb, { type: 'buffer' }) as Buffer)).code).toBe('not-xlsx');
  });

  test('an oversized .ods, from the size its content.xml declares, before SheetJS reads it', async () => {
    const bytes = sheetJsBook([{ name: '表', rows: Array.from({ length: 2000 }, (_, i) => [i, `第${i}行`]) }], 'ods');
    const err = await refusal(bytes, { maxInMemoryBytes: 64 * 1024 });
    expect(err.code).toBe('too-large');
    expect(err.message).toContain('.ods 文件中的表格内容解压后超过 64 KB');
    expect((await refusal(sheetJsBook([{ name: '表', rows: [[1]] }], 'xls'), { maxInMemoryBytes: 1024 })).message).toContain('.xls 文件超过 1 KB');
  });

  test('an .ods without content.xml, and other OpenDocument files', async () => {
    const mimetype = (type: string) => ({ name: 'mimetype', data: type });
    expect((await refusal(zip([mimetype('application/vnd.oasis.opendocument.spreadsheet')]))).message).toContain('.ods 文件已损坏');
    expect((await refusal(zip([mimetype('application/vnd.oasis.opendocument.text'), { name: 'content.xml', data: '<x/>' }]))).code).toBe('not-xlsx');
  });

  test('the zip guard covers an .ods too', async () => {
    const bytes = sheetJsBook([{ name: '表', rows: [[1, '一']] }], 'ods');
    expect((await refusal(bytes, { maxUncompressedBytes: 1024 })).message).toContain('1 KB');
    expect(await readFile(join(dir, 'seed.xlsx'))).toBeDefined();
  });
});
