/**
 * Issue 19 item 3: the .xlsx reader gives the grid the exceljs-based one gave, cell by cell, on
 * every workbook made here; the snapshots were written by that reader (see test-outcome.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import type { WorkbookGrid } from '../shared/src/grid';
import { readWorkbook } from '../server/src/xlsx/read';
import { readOutcome } from '../server/src/xlsx/test-outcome';
import { zip } from '../server/src/xlsx/test-zip';
import { workbookBytes } from '../server/src/xlsx/write';
import { benchCatalogueRows, benchRow, benchTemplateHead } from './bench/template-data';
import { seedCatalogue, seedDemand, writeSeedWorkbook } from './fixtures/seed-000';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reader-equality-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The grid, or the refusal's code, must be the one the exceljs-based reader gave (see test-outcome.ts). */
async function expectSameGrid(input: string | Buffer): Promise<WorkbookGrid | null> {
  expect(await readOutcome(readWorkbook(input))).toMatchSnapshot();
  return readWorkbook(input).catch(() => null);
}

function handMade(sheetData: string, sst?: string, tail = ''): Buffer {
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return zip([
    { name: '[Content_Types].xml', data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    { name: 'xl/workbook.xml', data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="表1" sheetId="1" state="visible" r:id="rId1"/><sheet name="隐藏" sheetId="2" state="hidden" r:id="rId2"/></sheets></workbook>` },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/worksheet" Target="worksheets/sheet2.xml"/>${sst ? `<Relationship Id="rId3" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`,
    },
    { name: 'xl/worksheets/sheet1.xml', data: `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="${ns}"><sheetData>${sheetData}</sheetData>${tail}</worksheet>` },
    { name: 'xl/worksheets/sheet2.xml', data: `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="${ns}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>隐藏表</t></is></c></row></sheetData></worksheet>` },
    ...(sst ? [{ name: 'xl/sharedStrings.xml', data: `<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="${ns}" count="9" uniqueCount="9">${sst}</sst>` }] : []),
  ]);
}

describe('the new reader gives the old reader\'s grid', () => {
  test('seed 000 (附件1 and 附件2, merges and multi-line cells)', async () => {
    const path = join(dir, 'seed-000.xlsx');
    await writeSeedWorkbook(path);
    const grid = await expectSameGrid(path);
    expect(grid!.sheets.map((s) => s.name)).toEqual([seedCatalogue().name, seedDemand().name]);
    expect(grid!.sheets[0].merges).toEqual(expect.arrayContaining(seedCatalogue().merges!));
    expect(grid!.sheets[0].merges).toHaveLength(seedCatalogue().merges!.length);
  });

  test('a 20,000-row data template like the bench one, with shared strings and written streaming (inline strings)', async () => {
    for (const streaming of [false, true]) {
      const rows = [...benchTemplateHead(), ...Array.from({ length: 20_000 }, (_, i) => benchRow(i))];
      const grid = await expectSameGrid(await workbookBytes({ sheets: [{ name: '目录', rows: benchCatalogueRows() }, { name: '低保对象', rows }] }, { streaming }));
      expect(grid!.sheets[1].rows.length).toBe(rows.length);
    }
  });

  test('every kind of value exceljs writes', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('类型');
    ws.getCell('A1').value = 42;
    ws.getCell('B1').value = '文本 & <符号> "引号" \'撇号\'';
    ws.getCell('C1').value = { richText: [{ text: '富' }, { font: { bold: true }, text: '文本' }] };
    ws.getCell('D1').value = { formula: 'A1*2', result: 84 };
    ws.getCell('E1').value = { text: '链接', hyperlink: 'https://www.gov.cn' };
    ws.getCell('F1').value = { error: '#N/A' };
    ws.getCell('G1').value = true;
    ws.getCell('H1').value = new Date(Date.UTC(2024, 0, 31, 13, 30));
    ws.getCell('H1').numFmt = 'yyyy-mm-dd hh:mm';
    ws.getCell('I1').value = { formula: 'A1>0', result: false };
    ws.getCell('J1').value = { formula: 'B1&"表"', result: '文本表' };
    ws.getCell('K1').value = { formula: 'NOW()' };
    ws.getCell('L1').value = -0.000123;
    ws.getCell('M1').value = '  前后空格  ';
    ws.getCell('N1').value = '第一行\n第二行\r\n第三行';
    ws.getCell('A3').value = 1e21;
    ws.getCell('XFD4').value = '最后一列';
    ws.mergeCells('B5:D7');
    wb.addWorksheet('隐藏', { state: 'hidden' }).getCell('A1').value = '隐藏';
    wb.addWorksheet('很隐藏', { state: 'veryHidden' }).getCell('B2').value = 2;
    await expectSameGrid(Buffer.from(await wb.xlsx.writeBuffer()));
  });

  test('a workbook written by SheetJS (another writer: its own shared strings, no styles)', async () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['序号', '名称', '数值'], [1, '市统计局', 3.5], [2, '市民政局 & 局', true]]), '表一');
    const sheet = XLSX.utils.aoa_to_sheet([['合并'], [null, '中']]);
    sheet['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 2 } }];
    XLSX.utils.book_append_sheet(book, sheet, '表二');
    await expectSameGrid(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  });

  test('LibreOffice-style parts: xml:space, rich runs with properties, t="n", a CDATA-free str formula, character references', async () => {
    const sst =
      '<si><t xml:space="preserve">  前后空格  </t></si>' +
      '<si><r><rPr><b val="true"/><sz val="11"/><rFont val="宋体"/></rPr><t xml:space="preserve">富</t></r><r><rPr><sz val="11"/></rPr><t xml:space="preserve">文本</t></r></si>' +
      '<si><t>&#x4E2D;&#25991; &amp; &lt;&gt; &quot;&apos;</t></si>' +
      '<si><t>换行\n第二行</t></si>';
    const cells =
      '<row r="1" spans="1:6"><c r="A1" s="0" t="s"><v>0</v></c><c r="B1" s="0" t="s"><v>1</v></c><c r="C1" s="0" t="s"><v>2</v></c><c r="D1" s="0" t="n"><v>42.5</v></c><c r="E1" s="0" t="b"><v>1</v></c><c r="F1" s="0" t="str"><f>CONCAT(&quot;a&quot;,&quot;b&quot;)</f><v>ab</v></c></row>' +
      '<row r="3"><c r="A3" t="s"><v>3</v></c><c r="C3" t="e"><v>#VALUE!</v></c></row>';
    await expectSameGrid(handMade(cells, sst, '<mergeCells count="1"><mergeCell ref="A3:B4"/></mergeCells>'));
  });

  test('WPS-style shared strings: phoneticPr after the text, empty items, a trailing empty cell', async () => {
    const sst =
      '<si><t>序号</t><phoneticPr fontId="1" type="noConversion"/></si>' +
      '<si><t/></si>' +
      '<si><t>部门名称</t><phoneticPr fontId="1" type="noConversion"/></si>';
    const cells = '<row r="1" spans="1:4" ht="14.25"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" t="s"><v>2</v></c><c r="C1" s="2"/></row><row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>7</v></c></row>';
    await expectSameGrid(handMade(cells, sst));
  });
});
