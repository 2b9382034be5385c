import { readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import * as CFB from 'cfb';
import type { CellValue, SheetGrid } from '../../../shared/src/grid';
import { detectFileFormat, detectFormat, readWorkbook as readNew, WorkbookReadError, type ReadOptions, type WorkbookReadErrorCode } from './read';
import { readOutcome } from './test-outcome';
import { rezip, unzip, zerosEntry, zip } from './test-zip';
import { writeWorkbook } from './write';

let dir: string;
let fileNo = 0;
const unhandled: unknown[] = [];
const onUnhandled = (err: unknown) => unhandled.push(err);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xlsx-read-'));
  process.on('unhandledRejection', onUnhandled);
});

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await rm(dir, { recursive: true, force: true });
});

afterEach(async () => {
  await settle();
  expect(unhandled).toEqual([]);
});

/** Issue 19's equality check: every workbook read here reads as the exceljs-based reader read it (see test-outcome.ts). */
async function readWorkbook(input: string | Buffer, options?: ReadOptions) {
  // The old reader refused every CFB file; an .xls is new (other-formats.test.ts).
  const head = typeof input === 'string' ? await readFile(input).catch(() => Buffer.alloc(1)) : input;
  if (detectFormat(head) !== 'cfb') expect(await readOutcome(readNew(input, options))).toMatchSnapshot();
  return readNew(input, options);
}

function tempPath(name = 'book.xlsx'): string {
  return join(dir, `${++fileNo}-${name}`);
}

async function saveBuffer(bytes: Buffer | string, name?: string): Promise<string> {
  const path = tempPath(name);
  await writeFile(path, bytes);
  return path;
}

async function saveGrid(sheets: SheetGrid[], streaming?: boolean): Promise<string> {
  const path = tempPath();
  await writeWorkbook({ sheets }, path, { streaming });
  return path;
}

/** Lets stray stream events and fd closes happen before anything is counted. */
async function settle(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setTimeout(resolve, 30));
}

function openFds(): number {
  return readdirSync('/proc/self/fd').length;
}

const CJK = /[\u4e00-\u9fff]/;

/** Fails unless reading gives exactly this code, with a Chinese message free of stack traces, and leaks no descriptor. */
async function expectReadError(input: string | Buffer, code: WorkbookReadErrorCode, options?: ReadOptions, read = readWorkbook): Promise<WorkbookReadError> {
  const before = openFds();
  const err: unknown = await read(input, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkbookReadError);
  const readError = err as WorkbookReadError;
  expect(readError.code).toBe(code);
  expect(readError.message).toMatch(CJK);
  expect(readError.message).not.toMatch(/\n|\bat\s+\S+\s*\(|Error:|node_modules|\.js:\d+/);
  await settle();
  expect(openFds()).toBeLessThanOrEqual(before);
  return readError;
}

/** A hand-made .xlsx: just the parts a reader needs, with the sheet XML given as is. */
function minimalXlsx(sheets: Array<{ name: string; xml: string }>, extra: Record<string, string> = {}): Buffer {
  const rels = sheets
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join('');
  const list = sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  return zip([
    { name: '_rels/.rels', data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>' },
    { name: 'xl/workbook.xml', data: `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${list}</sheets></workbook>` },
    { name: 'xl/_rels/workbook.xml.rels', data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>` },
    ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: s.xml })),
    ...Object.entries(extra).map(([name, data]) => ({ name, data })),
  ]);
}

function sheetXml(sheetData: string, tail = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData>${tail}</worksheet>`;
}

const threeSheets: SheetGrid[] = [
  {
    name: '目录',
    rows: [['芜湖市政务数据共享目录'], ['序号', '部门名称', '数据类别'], [1, '市统计局', '经济'], [null, null, '人口'], [null, null, '企业']],
    merges: [
      { top: 1, left: 1, bottom: 1, right: 3 },
      { top: 3, left: 1, bottom: 5, right: 1 },
      { top: 3, left: 2, bottom: 5, right: 2 },
    ],
  },
  { name: '说明', rows: [['填报说明'], ['每个数据资源填一行']] },
  {
    name: '需求',
    rows: [['需求清单'], ['序号', '需求部门', '需求内容', '备注'], [1, '市公安局', '人口信息', '急'], [2, '市民政局', '婚姻登记']],
    merges: [
      { top: 1, left: 1, bottom: 1, right: 4 },
      { top: 3, left: 4, bottom: 4, right: 4 },
    ],
  },
];

describe('readWorkbook: values', () => {
  test('converts each kind of cell value to what Office.js values would give', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('类型');
    ws.getCell('A1').value = 42;
    ws.getCell('B1').value = '文本';
    ws.getCell('C1').value = { richText: [{ text: '富' }, { font: { bold: true }, text: '文本' }] };
    ws.getCell('D1').value = { formula: 'A1*2', result: 84 };
    ws.getCell('E1').value = { text: '链接', hyperlink: 'https://www.gov.cn' };
    ws.getCell('F1').value = { error: '#N/A' };
    ws.getCell('G1').value = true;
    ws.getCell('H1').value = new Date(Date.UTC(2024, 0, 31));
    ws.getCell('H1').numFmt = 'yyyy"年"m"月"d"日"';
    ws.getCell('I1').value = { formula: 'VLOOKUP(B1,J:J,1,FALSE)', result: { error: '#N/A' } };
    ws.getCell('J1').value = { formula: 'A1>0', result: true };
    ws.getCell('K1').value = { formula: 'B1&"表"', result: '文本表' };
    ws.getCell('L1').value = { formula: 'NOW()' };
    ws.getCell('M1').value = false;
    ws.getCell('N1').value = 3.25;
    ws.getCell('O1').value = { formula: 'A1-42', result: 0 };
    ws.getCell('P1').value = { formula: 'A1<0', result: false };
    ws.getCell('A2').value = { formula: 'ROW()', result: 2 };
    ws.getCell('A3').value = { sharedFormula: 'A2', result: 3 };
    const path = tempPath();
    await wb.xlsx.writeFile(path);

    const grid = await readWorkbook(path);
    expect(grid.sheets).toHaveLength(1);
    expect(grid.sheets[0].name).toBe('类型');
    expect(grid.sheets[0].rows).toEqual([
      [42, '文本', '富文本', 84, '链接', '#N/A', true, 45322, '#N/A', true, '文本表', null, false, 3.25, 0, false],
      [2],
      [3],
    ]);
  });

  test('decodes Excel _xHHHH_ escapes, and reads inline strings, str formulas and error cells in hand-written XML', async () => {
    const xml = sheetXml(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>第一行_x000D_\n第二行</t></is></c><c r="B1" t="s"><v>0</v></c>' +
        '<c r="C1" t="e"><v>#DIV/0!</v></c><c r="D1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E1" t="b"><f>TRUE</f><v>0</v></c>' +
        '<c r="F1" t=\'e\'><f>NA()</f><v>#N/A</v></c><c r="G1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>',
    );
    const sst = '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>下划线_x005F_x000D_原样</t></si></sst>';
    const book = minimalXlsx([{ name: '表1', xml }], { 'xl/sharedStrings.xml': sst });
    const grid = await readWorkbook(book);
    expect(grid.sheets[0].rows).toEqual([['第一行\r\n第二行', '下划线_x000D_原样', '#DIV/0!', '#DIV/0!', false, '#N/A', 'ab']]);
  });

  test('keeps Chinese text intact where it straddles the 16 KiB chunks the XML is inflated in', async () => {
    const text = (i: number) => `第${i}项：${'政务数据资源目录填报与审核'.slice(0, 1 + (i % 13))}${i % 7 === 0 ? '（附件）' : ''}`;
    const rows: CellValue[][] = [];
    for (let i = 0; i < 12000; i++) rows.push([i, text(i), `${text(i + 1)}·${text(i + 2)}`]);
    for (const streaming of [true, false]) {
      // streaming: inline strings in the sheet XML; in memory: a shared-strings table.
      const grid = await readWorkbook(await saveGrid([{ name: '中文', rows }], streaming));
      const got = grid.sheets[0].rows;
      expect(got).toHaveLength(rows.length);
      expect(got.filter((r) => r.some((v) => typeof v === 'string' && v.includes('\ufffd')))).toEqual([]);
      expect(got).toEqual(rows);
    }
  });

  test('keeps row positions across gaps and trims empty rows at the end', async () => {
    const rows: CellValue[][] = [['第1行'], [], [], ['第4行', null, '第4行C'], [], [null, '第6行B'], [], [null, null, '   '], []];
    const grid = await readWorkbook(await saveGrid([{ name: '间隔', rows }]));
    expect(grid.sheets[0].rows).toEqual([['第1行'], [], [], ['第4行', null, '第4行C'], [], [null, '第6行B']]);
  });

  test('skips styled rows without values far below the data', async () => {
    const rows = '<row r="1"><c r="A1"><v>1</v></c></row><row r="900000" s="1" customFormat="1"/><row r="1048576" s="1" customFormat="1"><c r="B1048576" s="1"/></row>';
    const grid = await readWorkbook(minimalXlsx([{ name: '格式', xml: sheetXml(rows) }]));
    expect(grid.sheets[0].rows).toEqual([[1]]);
  });

  test('reads a Buffer the same as a path, and closes the file', async () => {
    const path = await saveGrid(threeSheets);
    const bytes = await readFile(path);
    const before = openFds();
    const fromPath = await readWorkbook(path);
    await settle();
    expect(openFds()).toBeLessThanOrEqual(before);
    expect(await readWorkbook(bytes)).toEqual(fromPath);
  });

  test('reads what writeWorkbook streams to a stream, merges included', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((resolve) => out.on('end', resolve));
    await writeWorkbook({ sheets: threeSheets }, out, { streaming: true });
    await done;
    const grid = await readWorkbook(Buffer.concat(chunks));
    expect(grid.sheets.map((s) => s.name)).toEqual(['目录', '说明', '需求']);
    expect(grid.sheets[0].merges).toEqual(threeSheets[0].merges);
    expect(grid.sheets[2].rows[2]).toEqual([1, '市公安局', '人口信息', '急']);
  });
});

describe('readWorkbook: merged cells and sheet identity', () => {
  test('reports each merge on its own sheet when only sheets 1 and 3 have merges', async () => {
    const grid = await readWorkbook(await saveGrid(threeSheets, false));
    expect(grid.sheets.map((s) => s.name)).toEqual(['目录', '说明', '需求']);
    expect(grid.sheets[0].merges).toEqual(threeSheets[0].merges);
    expect(grid.sheets[1].merges).toEqual([]);
    expect(grid.sheets[2].merges).toEqual(threeSheets[2].merges);
    expect(grid.sheets[0].rows[0]).toEqual(['芜湖市政务数据共享目录']);
    expect(grid.sheets[2].rows[1]).toEqual(['序号', '需求部门', '需求内容', '备注']);
  });

  test('finds a merge element split across inflate chunks', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    const merges = Array.from({ length: 800 }, (_, i) => `<mergeCell ref="B${i * 2 + 1}:C${i * 2 + 2}"/>`).join('');
    const grid = await readWorkbook(minimalXlsx([{ name: '合并', xml: sheetXml(rows, `<mergeCells count="800">${merges}</mergeCells>`) }]));
    expect(grid.sheets[0].merges).toHaveLength(800);
    expect(grid.sheets[0].merges?.[799]).toEqual({ top: 1599, left: 2, bottom: 1600, right: 3 });
  });

  test('follows the workbook, not the file numbering, when sheets were reordered and renamed', async () => {
    const original = await readFile(await saveGrid(threeSheets, false));
    const parts = new Map((await unzip(original)).map((p) => [p.name, p.data.toString('utf8')]));
    const book = parts.get('xl/workbook.xml')!;
    const sheets = book.match(/<sheet [^>]*\/>/g)!;
    expect(sheets).toHaveLength(3);
    // Tab order reversed, the first sheet renamed, its part renumbered and addressed absolutely.
    const reordered = book
      .replace(sheets.join(''), [...sheets].reverse().join(''))
      .replace('name="目录"', 'name="附件1 数据目录"');
    const rels = parts.get('xl/_rels/workbook.xml.rels')!.replace('Target="worksheets/sheet1.xml"', 'Target="/xl/worksheets/sheet9.xml"');
    const changed = await rezip(original, {
      'xl/workbook.xml': reordered,
      'xl/_rels/workbook.xml.rels': rels,
      'xl/worksheets/sheet1.xml': null,
      'xl/worksheets/sheet9.xml': parts.get('xl/worksheets/sheet1.xml')!,
    });
    const grid = await readWorkbook(changed);
    expect(grid.sheets.map((s) => s.name)).toEqual(['需求', '说明', '附件1 数据目录']);
    expect(grid.sheets[0].merges).toEqual(threeSheets[2].merges);
    expect(grid.sheets[0].rows[0]).toEqual(['需求清单']);
    expect(grid.sheets[1].merges).toEqual([]);
    expect(grid.sheets[2].merges).toEqual(threeSheets[0].merges);
    expect(grid.sheets[2].rows[0]).toEqual(['芜湖市政务数据共享目录']);
  });
});

describe('readWorkbook: files that are not a readable .xlsx', () => {
  test('a CSV renamed .xlsx is not-xlsx', async () => {
    const path = await saveBuffer('序号,部门名称\n1,市统计局\n', 'catalogue.xlsx');
    await expectReadError(path, 'not-xlsx');
    await expectReadError(await readFile(path), 'not-xlsx');
  });

  test('a PDF is not-xlsx; a 0-byte file is called empty, on disk and in memory', async () => {
    await expectReadError(Buffer.from('%PDF-1.7\n%âãÏÓ\n'), 'not-xlsx');
    for (const input of [await saveBuffer(Buffer.alloc(0)), Buffer.alloc(0)]) {
      expect((await expectReadError(input, 'empty')).message).toContain('0 字节');
    }
  });

  test("a path that does not exist is the server's error, passed on as it is", async () => {
    await expect(readWorkbook(join(dir, 'nope.xlsx'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  test('a zip without xl/workbook.xml is not-xlsx', async () => {
    const original = await readFile(await saveGrid(threeSheets));
    await expectReadError(await rezip(original, { 'xl/workbook.xml': null }), 'not-xlsx');
    await expectReadError(await saveBuffer(zip([{ name: 'word/document.xml', data: '<w:document/>' }]), 'report.xlsx'), 'not-xlsx');
  });

  test('a truncated .xlsx is corrupt', async () => {
    const original = await readFile(await saveGrid(threeSheets));
    const truncated = original.subarray(0, Math.floor(original.length * 0.6));
    await expectReadError(await saveBuffer(truncated), 'corrupt');
    await expectReadError(truncated, 'corrupt');
  });

  test('a sheet whose XML is garbage is corrupt', async () => {
    const original = await readFile(await saveGrid(threeSheets));
    await expectReadError(await saveBuffer(await rezip(original, { 'xl/worksheets/sheet1.xml': '这不是XML <<<>>> &&& </worksheet>' })), 'corrupt');
    // Well-formed for thousands of rows, then broken: the failure comes mid-stream.
    const rows = Array.from({ length: 5000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>第${i}行</t></is></c></row>`).join('');
    const broken = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}<row r="5001"><c r="A5001"><v>1</v></row></sheetData></worksheet>`;
    await expectReadError(await saveBuffer(minimalXlsx([{ name: '坏', xml: broken }])), 'corrupt');
  });

  test('a DOCTYPE in any part (entity tricks) is refused, wherever the entity would be used', async () => {
    const laughs = '<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>';
    const sheet = sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row>');
    const withDtd = (xml: string) => xml.replace(/(<\?xml[^>]*\?>)?/, (decl) => `${decl}${laughs}`);
    await expectReadError(minimalXlsx([{ name: '表1', xml: withDtd(sheet) }]), 'corrupt');
    const good = minimalXlsx([{ name: '表1', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }]);
    const book = (await unzip(good)).find((p) => p.name === 'xl/workbook.xml')!.data.toString('utf8');
    const err = await expectReadError(await rezip(good, { 'xl/workbook.xml': withDtd(book) }), 'corrupt');
    expect(err.message).toContain('DOCTYPE');
    // A comment before the root is not a DOCTYPE, and the word in a cell is just text.
    const commented = sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>&lt;!DOCTYPE html&gt;</t></is></c></row>').replace('<worksheet', '<!-- made by hand --><worksheet');
    expect((await readWorkbook(minimalXlsx([{ name: '表1', xml: commented }]))).sheets[0].rows[0]).toEqual(['<!DOCTYPE html>']);
  });

  test('a sheet whose compressed bytes are damaged is corrupt', async () => {
    const good = minimalXlsx([{ name: '表1', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }]);
    const parts = await unzip(good);
    const damaged = zip([
      ...parts.filter((p) => p.name !== 'xl/worksheets/sheet1.xml'),
      { name: 'xl/worksheets/sheet1.xml', method: 8, compressed: randomBytes(4096), size: 100_000, crc: 0 },
    ]);
    await expectReadError(await saveBuffer(damaged), 'corrupt');
  });

  test('a workbook listing a sheet whose part is missing is corrupt', async () => {
    const original = await readFile(await saveGrid(threeSheets));
    await expectReadError(await rezip(original, { 'xl/worksheets/sheet2.xml': null }), 'corrupt');
  });

  test('an .xls whose workbook stream is not BIFF (CFB without encryption streams) is a corrupt .xls', async () => {
    const cfb = CFB.utils.cfb_new();
    // Cell text that happens to read "EncryptionInfo" must not pass for the encryption stream.
    CFB.utils.cfb_add(cfb, '/Workbook', Buffer.concat([Buffer.from('EncryptionInfo', 'utf16le'), randomBytes(8000)]));
    CFB.utils.cfb_add(cfb, '/\u0005SummaryInformation', randomBytes(200));
    const bytes = CFB.write(cfb, { type: 'buffer' }) as Buffer;
    expect(detectFormat(bytes)).toBe('cfb');
    const err = await expectReadError(await saveBuffer(bytes, 'old.xlsx'), 'corrupt');
    expect(err.message).toContain('.xls 文件已损坏');
    await expectReadError(bytes, 'corrupt');
  });

  test('a password-protected .xlsx (CFB with EncryptionInfo) is encrypted', async () => {
    const cfb = CFB.utils.cfb_new();
    CFB.utils.cfb_add(cfb, '/EncryptionInfo', randomBytes(1024));
    CFB.utils.cfb_add(cfb, '/EncryptedPackage', randomBytes(20000));
    const bytes = CFB.write(cfb, { type: 'buffer' }) as Buffer;
    expect(detectFormat(bytes)).toBe('cfb-encrypted');
    const path = await saveBuffer(bytes, 'locked.xlsx');
    expect(await detectFileFormat(path)).toBe('cfb-encrypted');
    const err = await expectReadError(path, 'encrypted');
    expect(err.message).toContain('密码');
    await expectReadError(bytes, 'encrypted');
  });

  test('a workbook with only empty sheets is empty', async () => {
    const path = await saveGrid([
      { name: 'Sheet1', rows: [] },
      { name: 'Sheet2', rows: [[], [null, null], ['   ']] },
    ]);
    await expectReadError(path, 'empty');
  });
});

describe('readWorkbook: limits', () => {
  test('a zip bomb (600 MiB of zeros in one entry) is refused from its directory, without inflating', async () => {
    const bomb = zip([
      { name: 'xl/workbook.xml', data: '<workbook/>' },
      { name: 'xl/_rels/workbook.xml.rels', data: '<Relationships/>' },
      zerosEntry('xl/worksheets/sheet1.xml', 600),
    ]);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const path = await saveBuffer(bomb);
    const started = Date.now();
    const err = await expectReadError(path, 'too-large');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(err.message).toContain('512 MB');
  });

  test('an entry inflating more than 200:1 past 50 MiB is refused even under the total limit', async () => {
    const bomb = zip([{ name: 'xl/workbook.xml', data: '<workbook/>' }, zerosEntry('xl/worksheets/sheet1.xml', 60)]);
    const err = await expectReadError(bomb, 'too-large');
    expect(err.message).toContain('压缩炸弹');
  });

  test('more than 10,000 entries is refused', async () => {
    const parts = Array.from({ length: 10_001 }, (_, i) => ({ name: `xl/media/${i}.txt`, method: 0 as const, compressed: Buffer.alloc(0), size: 0, crc: 0 }));
    const err = await expectReadError(zip(parts), 'too-large');
    expect(err.message).toContain('1 万');
  });

  test('maxUncompressedBytes is configurable', async () => {
    const err = await expectReadError(await saveGrid(threeSheets), 'too-large', { maxUncompressedBytes: 4096 });
    expect(err.message).toContain('4 KB');
  });

  test('more rows than maxRows is too-large, and reading stops without leaving streams open', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [i, `第${i}行`]);
    const path = await saveGrid([{ name: '大表', rows }], true);
    const err = await expectReadError(path, 'too-large', { maxRows: 1000 });
    expect(err.message).toContain('1000 行的上限');
    expect((await readWorkbook(path, { maxRows: 5000 })).sheets[0].rows).toHaveLength(5000);
  });

  test('maxRows counts every sheet, gaps included', async () => {
    const far = '<row r="1"><c r="A1"><v>1</v></c></row><row r="1200"><c r="A1200"><v>2</v></c></row>';
    const book = minimalXlsx([
      { name: '甲', xml: far },
      { name: '乙', xml: far },
    ].map((s) => ({ ...s, xml: sheetXml(s.xml) })));
    await expectReadError(book, 'too-large', { maxRows: 2000 });
    expect((await readWorkbook(book, { maxRows: 2400 })).sheets[1].rows).toHaveLength(1200);
  });

  test('a merge bomb (A1:XFD2000 over values in A1 and A2000) is too-large from the area it declares; a merge past the values within the limit is read', async () => {
    const values = '<row r="1"><c r="A1"><v>1</v></c></row><row r="2000"><c r="A2000"><v>2</v></c></row>';
    const bomb = minimalXlsx([{ name: '炸弹', xml: sheetXml(values, '<mergeCells count="1"><mergeCell ref="A1:XFD2000"/></mergeCells>') }]);
    expect(bomb.length).toBeLessThan(6000);
    const err = await expectReadError(bomb, 'too-large', { maxCells: 6_000_000 });
    expect(err.message).toContain('32,768,000 个单元格（最大的是 A1:XFD2000）');
    // 78,000 cells declared, under the limit: read, and its fill reaches only the values (column A).
    const grid = await readWorkbook(minimalXlsx([{ name: '表', xml: sheetXml(values, '<mergeCells count="1"><mergeCell ref="A1:Z3000"/></mergeCells>') }]), { maxCells: 100_000 });
    expect(grid.sheets[0].rows).toHaveLength(2000);
    expect(grid.sheets[0].merges).toEqual([{ top: 1, left: 1, bottom: 3000, right: 26 }]);
  });

  test('a merge over a long and wide area of values is too-large before it is filled', async () => {
    // 60,000 cells declared (within the limit), but filling them over 31 values passes it.
    const xml = sheetXml('<row r="1"><c r="A1"><v>1</v></c><c r="AD1"><v>1</v></c></row><row r="2000"><c r="A2000"><v>2</v></c></row>', '<mergeCells count="1"><mergeCell ref="A1:AD2000"/></mergeCells>');
    const err = await expectReadError(minimalXlsx([{ name: '表', xml }]), 'too-large', { maxCells: 60_000 });
    expect(err.message).toContain('合并区域展开后超过 6 万 个单元格');
  });

  test('a cell or merge beyond Excel\'s last row or column is refused or cut at it; too many merges are too-large', async () => {
    // exceljs itself refuses a column past XFD.
    await expectReadError(minimalXlsx([{ name: '表', xml: sheetXml('<row r="1"><c r="XFE1"><v>1</v></c></row>') }]), 'corrupt');
    const low = await expectReadError(minimalXlsx([{ name: '表', xml: sheetXml('<row r="1048577"><c r="A1048577"><v>1</v></c></row>') }]), 'too-large', { maxRows: 2_000_000 });
    expect(low.message).toContain('超出了 Excel 工作表的范围');
    const far = await readWorkbook(minimalXlsx([{ name: '表', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>', '<mergeCells count="2"><mergeCell ref="A1:ZZZ3"/><mergeCell ref="ZZZ1:ZZZ2"/></mergeCells>') }]));
    expect(far.sheets[0].merges).toEqual([{ top: 1, left: 1, bottom: 3, right: 16_384 }]);
    const many = Array.from({ length: 100_001 }, (_, i) => `<mergeCell ref="A${i * 2 + 1}:A${i * 2 + 2}"/>`).join('');
    const err = await expectReadError(minimalXlsx([{ name: '表', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>', `<mergeCells>${many}</mergeCells>`) }]), 'too-large');
    expect(err.message).toContain('合并区域超过 10 万 个');
  });

  test('more cells than maxCells is too-large', async () => {
    const rows = Array.from({ length: 100 }, (_, i) => Array.from({ length: 10 }, (_, j) => i * 10 + j));
    const err = await expectReadError(await saveGrid([{ name: '表', rows }]), 'too-large', { maxCells: 999 });
    expect(err.message).toContain('999 个单元格');
  });
});

describe('readWorkbook: what the exceljs-based reader could not read', () => {
  test('rows and cells without r take the next position', async () => {
    const xml = sheetXml('<row><c><v>1</v></c><c t="inlineStr"><is><t>二</t></is></c></row><row r="3"><c r="C3"><v>3</v></c><c><v>4</v></c></row><row><c r="B4" t="b"><v>1</v></c></row>');
    expect((await readNew(minimalXlsx([{ name: '表', xml }]))).sheets[0].rows).toEqual([[1, '二'], [], [null, null, 3, 4], [null, true]]);
  });

  test('phonetic runs are not the text; references, CDATA, CRLF and xml:space are read as XML says', async () => {
    const sst =
      '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>' +
      '<si><r><t xml:space="preserve"> 富 </t></r><r><rPr><b/></rPr><t>&#x4E2D;&#25991;&amp;&lt;&gt;&quot;&apos;</t></r><rPh sb="0" eb="1"><t>フ</t></rPh></si></sst>';
    const xml = sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t><![CDATA[<不是标签> & 原样]]></t></is></c><c r="D1" t="inlineStr"><is><t>一\r\n二&#13;</t></is></c></row>');
    expect((await readNew(minimalXlsx([{ name: '表', xml }], { 'xl/sharedStrings.xml': sst }))).sheets[0].rows).toEqual([['東京', ' 富 中文&<>"\'', '<不是标签> & 原样', '一\n二\r']]);
  });

  test('an unknown entity, a mismatched end tag and a second root are corrupt; a 32,767-character cell is read whole', async () => {
    for (const body of ['<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>', '<row r="1"><c r="A1"><v>1</v></row>']) {
      await expectReadError(minimalXlsx([{ name: '表', xml: sheetXml(body) }]), 'corrupt', undefined, readNew);
    }
    await expectReadError(minimalXlsx([{ name: '表', xml: sheetXml('') + '<worksheet/>' }]), 'corrupt', undefined, readNew);
    const long = '政'.repeat(32_767);
    const grid = await readNew(minimalXlsx([{ name: '表', xml: sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>${long}</t></is></c></row>`) }]));
    expect(grid.sheets[0].rows[0][0]).toBe(long);
  });

  test('hidden and very hidden sheets are read, in tab order, like visible ones', async () => {
    const book = minimalXlsx([{ name: '甲', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }, { name: '乙', xml: sheetXml('<row r="1"><c r="A1"><v>2</v></c></row>') }]);
    const parts = await unzip(book);
    const wb = parts.find((p) => p.name === 'xl/workbook.xml')!.data.toString('utf8').replace('name="甲"', 'name="甲" state="hidden"').replace('name="乙"', 'name="乙" state="veryHidden"');
    expect((await readNew(await rezip(book, { 'xl/workbook.xml': wb }))).sheets.map((s) => [s.name, s.rows])).toEqual([['甲', [[1]]], ['乙', [[2]]]]);
  });
});

describe('detectFormat', () => {
  test('tells zip, CFB and anything else apart from the first bytes', () => {
    expect(detectFormat(Buffer.from('PK\x03\x04rest', 'latin1'))).toBe('zip');
    expect(detectFormat(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe('cfb');
    expect(detectFormat(Buffer.from('序号,名称', 'utf8'))).toBe('unknown');
    expect(detectFormat(Buffer.alloc(0))).toBe('zero-bytes');
  });
});
