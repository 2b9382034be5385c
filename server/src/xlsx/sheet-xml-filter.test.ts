import { Readable } from 'node:stream';
import { CELL_KEY_ROW, SheetXmlFilter } from './sheet-xml-filter';

const XML =
  '<?xml version="1.0"?><worksheet><sheetData>' +
  '<row r="1"><c r="A1" t="inlineStr"><is><t>政务数据资源目录</t></is></c><c r="B1" t="e"><f>NA()</f><v>#N/A</v></c>' +
  "<c r='C1' t='e'><v>#REF!</v></c><c r=\"D12\" s=\"3\" t=\"b\"><f>TRUE</f><v>1</v></c></row>" +
  '<row r="2"><c r="A2"><v>2</v></c><c r="B2" t="s"><v>0</v></c></row>' +
  '</sheetData><mergeCells count="3"><mergeCell ref="A1:B2"/><mergeCell ref="C3:C9"/><mergeCell ref="D4"/></mergeCells></worksheet>';

const FIXED = XML.replace('<c r="B1" t="e">', '<c r="B1" t="str">').replace("<c r='C1' t='e'>", "<c r='C1' t='str'>");

/** The bytes of `text` cut into pieces of the given sizes, in turn: splits land inside tags and inside characters. */
function pieces(text: string, sizes: number[]): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  const out: Buffer[] = [];
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const n = sizes[i % sizes.length];
    out.push(bytes.subarray(at, at + n));
    at += n;
  }
  return out;
}

async function run(chunks: Buffer[]): Promise<{ filter: SheetXmlFilter; out: string[] }> {
  const filter = new SheetXmlFilter();
  const out: string[] = [];
  for await (const piece of filter.text(Readable.from(chunks, { objectMode: false }))) out.push(piece);
  return { filter, out };
}

describe('SheetXmlFilter', () => {
  test.each([[[XML.length * 3]], [[1]], [[2, 3]], [[5, 1, 7]], [[16, 9]], [[64]]])('gives the same result however the XML is chunked: %j', async (sizes) => {
    const { filter, out } = await run(pieces(XML, sizes));
    expect(out.join('')).toBe(FIXED);
    expect(filter.merges).toEqual([
      { top: 1, left: 1, bottom: 2, right: 2 },
      { top: 3, left: 3, bottom: 9, right: 3 },
    ]);
    expect([...filter.booleanCells]).toEqual([12 * CELL_KEY_ROW + 4]);
    expect(filter.hasInlineText).toBe(true);
    // Every piece but the last ends right before a tag, never inside one.
    for (const piece of out.slice(0, -1)) expect(piece.lastIndexOf('<') <= piece.lastIndexOf('>') || !piece.includes('<')).toBe(true);
  });

  test('sees no inline text in a sheet that only uses shared strings', async () => {
    const { filter } = await run([Buffer.from('<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>')]);
    expect(filter.hasInlineText).toBe(false);
    expect(filter.merges).toEqual([]);
  });
});
