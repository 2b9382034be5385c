import { readCatalogue, UNRECOGNISED_HEADER_TEXT, WorkbookValidation, type Report } from '../../../shared/src';
import { readWorkbook, streamWorkbook, WorkbookReadError } from '../xlsx/read';
import { formatReport } from './format-report';
import type { CliIo } from './io';

export interface ValidateCommandOptions {
  json?: boolean;
  catalog?: string;
  all?: boolean;
  maxIssues?: number;
}

/** Exit codes: 0 no errors, 1 errors found, 2 the file (or the catalogue file) cannot be used. */
export const EXIT = { ok: 0, errors: 1, unusable: 2 } as const;

export async function validateCommand(file: string, options: ValidateCommandOptions, io: CliIo): Promise<number> {
  let catalogue;
  if (options.catalog) {
    const grid = await explainFailure(() => readWorkbook(options.catalog!), options.catalog, io, '目录文件');
    if (!grid) return EXIT.unusable;
    catalogue = readCatalogue(grid).resources;
    if (catalogue.length === 0) {
      io.stderr(`目录文件“${options.catalog}”中没有找到数据资源目录表（需要有“数据资源名称”“信息项名称”等表头），无法用它校验数据模板。\n`);
      return EXIT.unusable;
    }
  }
  // Streamed: a large data template is checked as it is read and never held whole.
  const validation = new WorkbookValidation({ catalogue, maxIssues: options.maxIssues });
  if (!(await explainFailure(() => streamWorkbook(file, validation).then(() => true), file, io, '文件'))) return EXIT.unusable;
  const report: Report = validation.finish();
  if (!report.sheets.some((s) => s.kind !== null)) {
    io.stderr(`无法识别“${file}”中的任何工作表：${UNRECOGNISED_HEADER_TEXT}，也没有数据模板标识。请检查表头是否完整（如“数据资源名称”“信息项名称”“共享类型”）。\n`);
    return EXIT.unusable;
  }
  io.stdout(options.json ? JSON.stringify({ file, ...report }, null, 2) + '\n' : formatReport(report, file, options.all ? Infinity : 20));
  return report.counts.errors > 0 ? EXIT.errors : EXIT.ok;
}

/** Runs `read`, or explains in one Chinese sentence why the file cannot be used and returns null. */
async function explainFailure<T>(read: () => Promise<T>, path: string, io: CliIo, what: string): Promise<T | null> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof WorkbookReadError) io.stderr(`${what}“${path}”无法使用：${e.message}\n`);
    else if (isNodeError(e) && e.code === 'ENOENT') io.stderr(`找不到${what}“${path}”，请检查路径。\n`);
    else if (isNodeError(e) && (e.code === 'EISDIR' || e.code === 'EACCES')) io.stderr(`无法读取${what}“${path}”（${e.code === 'EISDIR' ? '这是一个文件夹' : '没有读取权限'}）。\n`);
    else io.stderr(`${what}“${path}”无法读取，文件可能已损坏。\n`);
    return null;
  }
}

/** Duck-typed: errors from Node's own modules may come from another realm (as under jest). */
function isNodeError(e: unknown): e is NodeJS.ErrnoException {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string';
}
