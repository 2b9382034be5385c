import { validateWorkbook, type CatalogueResource, type Report, type SheetKind, type WorkbookGrid } from '../../../shared/src';
import { SubmitJsonSchema } from '../api/schemas';
import { deflateGrid } from '../db/grid-codec';
import { ApiError } from '../http/errors';
import { parse } from '../http/parse';

/**
 * Everything a JSON submission needs before it is stored, as one pure step that can run on a
 * worker thread: parse the body, check its shape and size, validate it with the engine, and
 * serialise and deflate the grid for storage. Failures come back as data, since errors do not cross threads.
 */
export interface SubmitLimits {
  rows: number;
  cells: number;
}

export interface CheckedWorkbook {
  taskId: number | null;
  /** The body as received (it holds the grid), deflated for storage (grid-codec.ts), done here to spare the main thread. */
  gridDeflated: Uint8Array;
  report: Report;
  sheetKinds: SheetKind[];
}

export type CheckResult = { ok: true; workbook: CheckedWorkbook } | { ok: false; error: { status: number; code: string; message: string; details?: unknown } };

export function checkGridSize(grid: WorkbookGrid, limits: SubmitLimits): void {
  let rows = 0;
  let cells = 0;
  for (const s of grid.sheets) {
    rows += s.rows.length;
    for (const r of s.rows) cells += r.length;
  }
  if (rows > limits.rows) throw new ApiError(413, 'too-many-rows', `提交的数据共 ${rows} 行，超过上限 ${limits.rows} 行；请分批提交`);
  if (cells > limits.cells) throw new ApiError(413, 'too-many-cells', `提交的数据共 ${cells} 个单元格，超过上限 ${limits.cells} 个；请分批提交`);
}

/** Validates a grid the server has read itself (an upload), with the same rules as a JSON body. */
export function checkGrid(grid: WorkbookGrid, catalogue: readonly CatalogueResource[], limits: SubmitLimits): { report: Report; sheetKinds: SheetKind[] } {
  checkGridSize(grid, limits);
  const report = validateWorkbook(grid, { catalogue });
  const sheetKinds = [...new Set(report.sheets.map((s) => s.kind).filter((k): k is SheetKind => k !== null))];
  if (sheetKinds.length === 0) {
    throw new ApiError(422, 'workbook-unrecognised', '没有识别出任何可提交的工作表（目录、需求清单、负面清单、责任清单、联系表或数据模板），请检查表头后重新提交');
  }
  return { report, sheetKinds };
}

export function checkJsonSubmission(body: Uint8Array, catalogue: readonly CatalogueResource[], limits: SubmitLimits): CheckResult {
  try {
    let value: unknown;
    try {
      value = JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'));
    } catch {
      throw new ApiError(400, 'malformed-json', '请求内容不是有效的 JSON，请检查格式');
    }
    const request = parse(SubmitJsonSchema, value);
    const { report, sheetKinds } = checkGrid(request.workbook, catalogue, limits);
    return { ok: true, workbook: { taskId: request.taskId ?? null, gridDeflated: deflateGrid(body), report, sheetKinds } };
  } catch (e) {
    if (e instanceof ApiError) return { ok: false, error: { status: e.status, code: e.code, message: e.message, details: e.details } };
    throw e;
  }
}
