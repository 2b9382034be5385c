import {
  a1, clipMerges, dataExtent, declaredMergeCells, oversizedMergesMessage, EXCEL_CELL_TEXT, isOverlongText, mergedCellCount, overlongTextMessage, validateWorkbook,
  type CatalogueResource, type Report, type SheetKind, type WorkbookGrid,
} from '../../../../shared/src';
import { SubmitJsonSchema } from '../../../../shared/src/api/schemas';
import { deflateGrid } from '../../db/grid-codec';
import { ApiError } from '../../http/errors';
import { parse } from '../../http/parse';
import { readWorkbook, WorkbookReadError } from '../../xlsx/read';
import { indexGrid, type GridIndex } from './grid-index';

/**
 * Everything a submission needs before it is stored, as one step that can run on a worker
 * thread: read the body (JSON grids from the add-in, or an .xlsx upload), check its shape and
 * size, validate it with the engine, and prepare the grid for storage (deflated) or for paging
 * through (indexed, for a check that is not stored). Failures come back as data, since errors do
 * not cross threads.
 */
export interface SubmitLimits {
  rows: number;
  cells: number;
  /** An upload's zip entries, uncompressed (a zip bomb is refused before it fills memory). */
  uncompressedBytes: number;
}

/** A request body as received. */
export interface Received {
  format: 'json' | 'xlsx';
  bytes: Uint8Array;
}

/**
 * What the caller goes on to do: store the submission (the grid deflated), or show a check that
 * is not submitted (indexed for paging, and deflated to be kept a while).
 */
export type Purpose = 'store' | 'index';

export interface CheckedWorkbook {
  /** From a JSON body; an upload's task comes with the form. */
  taskId: number | null;
  /** A JSON body as received, an upload's grid as JSON, deflated (grid-codec.ts). */
  gridDeflated: Uint8Array;
  /** For paging through a check (grid-index.ts). */
  index: GridIndex | null;
  report: Report;
  sheetKinds: SheetKind[];
}

export type CheckResult = { ok: true; workbook: CheckedWorkbook } | { ok: false; error: { status: number; code: string; message: string; details?: unknown } };

/** The checked workbook, or the refusal thrown again on this side of the thread. */
export function checkedOrThrow(result: CheckResult): CheckedWorkbook {
  if (!result.ok) throw new ApiError(result.error.status, result.error.code, result.error.message, result.error.details);
  return result.workbook;
}

/** An upload the reader refused, as the refusal the client sees. */
export function workbookReadRefusal(e: WorkbookReadError): ApiError {
  return new ApiError(e.code === 'too-large' ? 413 : 422, `workbook-${e.code}`, e.message);
}

/** Rows and cells within the limits, merged areas counted as the cells filling them adds; no cell longer than Excel allows. */
function checkGridSize(grid: WorkbookGrid, limits: SubmitLimits): void {
  let rows = 0;
  let cells = 0;
  let merged = 0;
  let declared = 0;
  for (const s of grid.sheets) {
    rows += s.rows.length;
    for (const r of s.rows) cells += r.length;
    if (!s.merges) continue;
    merged += mergedCellCount(clipMerges(s.merges, dataExtent(s)));
    declared += declaredMergeCells(s.merges);
    if (declared > limits.cells) throw new ApiError(413, 'too-many-cells', oversizedMergesMessage(s.merges, declared, limits.cells));
  }
  if (rows > limits.rows) throw new ApiError(413, 'too-many-rows', `提交的数据共 ${rows} 行，超过上限 ${limits.rows} 行；请分批提交`);
  if (cells + merged > limits.cells) {
    const filled = merged > 0 ? `（其中合并单元格展开后 ${merged} 个）` : '';
    throw new ApiError(413, 'too-many-cells', `提交的数据共 ${cells + merged} 个单元格${filled}，超过上限 ${limits.cells} 个；请分批提交${merged > 0 ? '，或取消不必要的大范围合并' : ''}`);
  }
  refuseOverlongText(grid);
}

function refuseOverlongText(grid: WorkbookGrid): void {
  for (const s of grid.sheets) {
    for (let i = 0; i < s.rows.length; i++) {
      const row = s.rows[i];
      for (let j = 0; j < row.length; j++) {
        const v = row[j];
        if (!isOverlongText(v)) continue;
        const cell = a1((s.startRow ?? 1) + i, (s.startCol ?? 1) + j);
        throw new ApiError(422, 'cell-too-long', `工作表“${s.name}”的单元格 ${cell}：${overlongTextMessage(v.length)}，然后重新提交`, { sheet: s.name, cell, length: v.length, limit: EXCEL_CELL_TEXT });
      }
    }
  }
}

/** Size limits, then the engine: the one check for every grid, whether it came as JSON or was read from an upload. */
function checkGrid(grid: WorkbookGrid, catalogue: readonly CatalogueResource[], limits: SubmitLimits): { report: Report; sheetKinds: SheetKind[] } {
  checkGridSize(grid, limits);
  const report = validateWorkbook(grid, { catalogue });
  const sheetKinds = [...new Set(report.sheets.map((s) => s.kind).filter((k): k is SheetKind => k !== null))];
  if (sheetKinds.length === 0) {
    throw new ApiError(422, 'workbook-unrecognised', '没有识别出任何可提交的工作表（目录、需求清单、负面清单、责任清单、联系表或数据模板），请检查表头后重新提交');
  }
  return { report, sheetKinds };
}

export async function checkReceived(received: Received, catalogue: readonly CatalogueResource[], limits: SubmitLimits, purpose: Purpose): Promise<CheckResult> {
  try {
    const { grid, taskId } = received.format === 'json' ? fromJson(received.bytes) : { grid: await fromXlsx(received.bytes, limits), taskId: null };
    const { report, sheetKinds } = checkGrid(grid, catalogue, limits);
    const gridDeflated = deflateGrid(received.format === 'json' ? received.bytes : JSON.stringify(grid));
    const index = purpose === 'index' ? indexGrid(grid) : null;
    return { ok: true, workbook: { taskId, gridDeflated, index, report, sheetKinds } };
  } catch (e) {
    const refusal = e instanceof WorkbookReadError ? workbookReadRefusal(e) : e;
    if (refusal instanceof ApiError) return { ok: false, error: { status: refusal.status, code: refusal.code, message: refusal.message, details: refusal.details } };
    throw e;
  }
}

function fromJson(body: Uint8Array): { grid: WorkbookGrid; taskId: number | null } {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'));
  } catch {
    throw new ApiError(400, 'malformed-json', '请求内容不是有效的 JSON，请检查格式');
  }
  const request = parse(SubmitJsonSchema, value);
  return { grid: request.workbook, taskId: request.taskId ?? null };
}

function fromXlsx(bytes: Uint8Array, limits: SubmitLimits): Promise<WorkbookGrid> {
  return readWorkbook(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { maxRows: limits.rows, maxCells: limits.cells, maxUncompressedBytes: limits.uncompressedBytes });
}
