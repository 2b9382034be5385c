/**
 * Why an upload could not be read, as a code for the program and one Chinese sentence for the
 * clerk saying what to do about it. Nothing from yauzl, zlib, the XML scanner or SheetJS reaches the user raw.
 */
export type WorkbookReadErrorCode = 'not-xlsx' | 'encrypted' | 'corrupt' | 'too-large' | 'empty';

export class WorkbookReadError extends Error {
  constructor(
    public readonly code: WorkbookReadErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'WorkbookReadError';
  }
}

export const MESSAGES = {
  notXlsx: '该文件不是 Excel 工作簿（.xlsx、.xls）或 OpenDocument 电子表格（.ods），请在 Excel 或 WPS 中打开后“另存为”Excel 工作簿（*.xlsx）格式，再重新上传。',
  corruptXls: '该 .xls 文件已损坏或不完整，无法读取，请在 Excel 或 WPS 中打开确认内容无误后“另存为”Excel 工作簿（*.xlsx），再重新上传。',
  corruptOds: '该 .ods 文件已损坏或不完整，无法读取，请在 WPS 或 LibreOffice 中打开确认内容无误后“另存为”Excel 工作簿（*.xlsx），再重新上传。',
  xlsTooLarge: (maxBytes: number) =>
    `.xls 文件超过 ${formatBytes(maxBytes)} 的上限（旧版格式只能整个读入内存），请在 Excel 或 WPS 中“另存为”Excel 工作簿（*.xlsx）后再上传。`,
  odsTooLarge: (maxBytes: number) =>
    `.ods 文件中的表格内容解压后超过 ${formatBytes(maxBytes)} 的上限（该格式只能整个读入内存），请在 WPS 或 LibreOffice 中“另存为”Excel 工作簿（*.xlsx）后再上传。`,
  encrypted:
    '文件设置了打开密码，无法读取。请在 Excel 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存，再重新上传。',
  dtd: '文件中含有 Excel 不会写入的 XML 文档类型声明（DOCTYPE），可能被改动过，已拒绝读取。请在 Excel 中打开后重新“另存为”.xlsx，再重新上传。',
  corrupt: '文件已损坏或不完整，无法读取，请在 Excel 中打开确认内容无误后重新“另存为”.xlsx，再重新上传。',
  empty: '工作簿中没有任何数据，请确认上传的是已填写内容的文件。',
  zeroBytes: '文件是空的（0 字节），可能没有保存完整或复制时出错，请在 Excel 中打开确认后重新保存，再重新上传。',
  tooManyEntries: (max: number) =>
    `文件内部包含的条目超过 ${formatCount(max)} 个，不像正常的 Excel 工作簿，请在 Excel 中打开后重新“另存为”.xlsx，再重新上传。`,
  tooMuchUnpacked: (maxBytes: number) =>
    `文件解压后的内容超过 ${formatBytes(maxBytes)} 的上限，请删除多余的工作表或把数据拆分到多个文件后分别上传。`,
  compressionBomb: (maxRatio: number) =>
    `文件中有压缩比超过 ${maxRatio}:1 的异常内容（疑似压缩炸弹），已拒绝读取，请在 Excel 中打开后重新“另存为”.xlsx，再重新上传。`,
  tooManyRows: (max: number) =>
    `工作簿的行数（算到每个工作表最后一个有内容的行）超过 ${formatCount(max)} 行的上限，请删除表格下方远处的零散内容，或把数据拆分到多个文件后分别上传。`,
  tooManyCells: (max: number) =>
    `工作簿的数据区域超过 ${formatCount(max)} 个单元格的上限，请删除远离数据区域的零散内容或把数据拆分到多个文件后分别上传。`,
  outsideSheet: (rows: number, cols: number) =>
    `文件中有单元格超出了 Excel 工作表的范围（${formatCount(rows)} 行 × ${formatCount(cols)} 列），不像 Excel 保存的工作簿，请在 Excel 中打开后重新“另存为”.xlsx，再重新上传。`,
  tooManyMerges: (max: number) => `一个工作表中的合并区域超过 ${formatCount(max)} 个的上限，请取消不必要的合并后重新上传。`,
  tooManyMergedCells: (max: number) =>
    `工作簿的合并区域展开后超过 ${formatCount(max)} 个单元格的上限，请取消大范围的合并（如整行、整列合并）后重新上传。`,
} as const;

/** 1000000 → "100 万", 10000 → "1 万", 2500 → "2500": how limits read in Chinese. */
export function formatCount(n: number): string {
  return n >= 10000 && n % 10000 === 0 ? `${n / 10000} 万` : String(n);
}

/** A size as people read it in a message: 500 字节, 9.8 KB, 16 KB, 1.5 MB, 64 MB. */
export function formatBytes(bytes: number): string {
  const [unit, size] = bytes >= 1024 * 1024 ? ['MB', 1024 * 1024] : bytes >= 1024 ? ['KB', 1024] : ['字节', 1];
  return `${Number((bytes / size).toFixed(1))} ${unit}`;
}

/**
 * Everything that is not already a WorkbookReadError means the file could not be parsed, except
 * an operating-system failure (it carries `syscall`: EMFILE, EIO, ENOENT …), which is the
 * server's problem rather than the file's and is rethrown as it is.
 */
export function asReadError(err: unknown): unknown {
  if (err instanceof WorkbookReadError) return err;
  // Not `instanceof Error`: Node's own errors come from another realm under jest.
  if (typeof err === 'object' && err !== null && typeof (err as NodeJS.ErrnoException).syscall === 'string') return err;
  return new WorkbookReadError('corrupt', MESSAGES.corrupt, { cause: err });
}
