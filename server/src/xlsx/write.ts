/**
 * Writes grids (values and merges) as a real .xlsx with exceljs, for tests and benchmarks that
 * need files the reader has to parse. Large grids go through the streaming WorkbookWriter with
 * inline strings so that writing 200,000 rows does not hold the workbook in memory.
 */
import ExcelJS from 'exceljs';
import type { CellValue, SheetGrid, WorkbookGrid } from '../../../shared/src/grid';

export interface WriteOptions {
  /** Stream rows out instead of building the workbook in memory; by default, for grids over 50,000 cells. */
  streaming?: boolean;
}

const STREAMING_FROM_CELLS = 50_000;

type Target = string | NodeJS.WritableStream;

export async function writeWorkbook(grid: WorkbookGrid, target: Target, options: WriteOptions = {}): Promise<void> {
  const streaming = options.streaming ?? cellCount(grid) > STREAMING_FROM_CELLS;
  if (streaming) await writeStreaming(grid, target);
  else await writeInMemory(grid, target);
}

/** The .xlsx file's bytes, for uploads in tests. */
export async function workbookBytes(grid: WorkbookGrid, options: WriteOptions = {}): Promise<Buffer> {
  const { PassThrough } = await import('node:stream');
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => out.on('end', resolve));
  await writeWorkbook(grid, out, options);
  out.end();
  await ended;
  return Buffer.concat(chunks);
}

async function writeStreaming(grid: WorkbookGrid, target: Target): Promise<void> {
  const out = typeof target === 'string' ? { filename: target } : { stream: target as unknown as import('stream').Stream };
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ ...out, useSharedStrings: false, useStyles: false });
  for (const sheet of grid.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    // The streaming writer merges through cells of rows not yet committed, so merges go first.
    for (const m of sheet.merges ?? []) ws.mergeCells(m.top, m.left, m.bottom, m.right);
    eachRow(sheet, (rowNumber, col0, row) => {
      const r = ws.getRow(rowNumber);
      setCells(r, col0, row);
      r.commit();
    });
    ws.commit();
  }
  await wb.commit();
}

async function writeInMemory(grid: WorkbookGrid, target: Target): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of grid.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    eachRow(sheet, (rowNumber, col0, row) => setCells(ws.getRow(rowNumber), col0, row));
    for (const m of sheet.merges ?? []) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  }
  if (typeof target === 'string') await wb.xlsx.writeFile(target);
  else await wb.xlsx.write(target as unknown as import('stream').Stream);
}

function eachRow(sheet: SheetGrid, write: (rowNumber: number, col0: number, row: CellValue[]) => void): void {
  const r0 = sheet.startRow ?? 1;
  const c0 = sheet.startCol ?? 1;
  sheet.rows.forEach((row, i) => {
    if (row.some((v) => v !== null)) write(r0 + i, c0, row);
  });
}

function setCells(r: ExcelJS.Row, col0: number, row: CellValue[]): void {
  row.forEach((v, j) => {
    if (v !== null) r.getCell(col0 + j).value = v;
  });
}

function cellCount(grid: WorkbookGrid): number {
  let n = 0;
  for (const sheet of grid.sheets) for (const row of sheet.rows) n += row.length;
  return n;
}
