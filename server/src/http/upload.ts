import multer from 'multer';
import { ApiError } from './errors';
import { formatBytes } from '../xlsx/errors';
import { KiB, limitedParser, type BodyLimit, type BodyParser } from './body';

/**
 * The workbook upload: one file in field `file`, held in memory up to the configured size (it is
 * stored with the submission anyway), anything but an .xlsx, .xls or .ods refused before it is
 * read (the reader then tells the format by content, not by this name). The form
 * around it is a few short text fields (`taskId`); everything past that is refused with the limit
 * it broke, as a 4xx.
 */
const WORKBOOK_NAME = /\.(?:xlsx|xls|ods)$/i;

const XLSX_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/octet-stream',
  'application/zip',
  'application/x-zip-compressed',
]);

const FORM = { fields: 10, fieldNameSize: 100, fieldSize: 10 * KiB, parts: 10 };
/** What busboy reads of one part's headers at most. */
const PART_HEADER_BYTES = 16 * KiB;
/** The form around the file, at its largest: every part's headers and every field's value. */
const FORM_OVERHEAD_BYTES = FORM.parts * PART_HEADER_BYTES + FORM.fields * FORM.fieldSize;

/** A multer error code: its status, stable code and message. */
const FORM_REFUSALS: Record<string, [number, string, string]> = {
  LIMIT_FILE_COUNT: [400, 'too-many-files', '一次只能上传一个文件'],
  LIMIT_UNEXPECTED_FILE: [400, 'unexpected-file', '文件应放在表单字段 file 中，一次一个'],
  LIMIT_PART_COUNT: [400, 'too-many-parts', `表单的部分过多（最多 ${FORM.parts} 个：一个文件和若干文本字段）`],
  LIMIT_FIELD_COUNT: [400, 'too-many-fields', `表单的文本字段过多（最多 ${FORM.fields} 个）`],
  LIMIT_FIELD_KEY: [400, 'field-name-too-long', `表单字段名过长（最多 ${FORM.fieldNameSize} 字节）`],
  LIMIT_FIELD_VALUE: [400, 'field-too-long', `表单字段内容过长（最多 ${formatBytes(FORM.fieldSize)}）`],
  MISSING_FIELD_NAME: [400, 'field-name-missing', '表单字段缺少名称'],
  // Bracketed names (taskId[99999999]) would build arrays and objects; the form has none.
  LIMIT_FIELD_NESTING: [400, 'invalid-field-name', '表单字段名不能含方括号'],
  INVALID_FIELD_NAME: [400, 'invalid-field-name', '表单字段名无效'],
};

export function xlsxUpload(maxBytes: number): BodyParser {
  const parser = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: maxBytes, files: 1, ...FORM, fieldNestingDepth: 0 },
    fileFilter: (_req, file, done) => {
      const name = decodeName(file.originalname);
      if (!WORKBOOK_NAME.test(name) || !XLSX_TYPES.has(file.mimetype)) {
        done(new ApiError(415, 'unsupported-file-type', `只接受 .xlsx、.xls 或 .ods 文件，“${name}”不是。.csv、.et 等请先在 Excel 或 WPS 中另存为 .xlsx`));
        return;
      }
      file.originalname = name;
      done(null, true);
    },
  }).single('file');
  const fileTooLarge = () => new ApiError(413, 'file-too-large', `上传的文件超过大小上限（${formatBytes(maxBytes)}）`);
  const limit: BodyLimit = { maxBytes: maxBytes + FORM_OVERHEAD_BYTES, tooLarge: fileTooLarge };
  return limitedParser(parser, limit, (err) => {
    if (err instanceof ApiError) return err;
    const code = (err as { code?: string })?.code;
    if (code === 'LIMIT_FILE_SIZE') return fileTooLarge();
    if (code && Object.hasOwn(FORM_REFUSALS, code)) return new ApiError(...FORM_REFUSALS[code]);
    // busboy's own complaints (no boundary, a malformed part, an unexpected end) and an aborted request.
    return new ApiError(400, 'malformed-form', '表单格式有误（multipart/form-data），请重新选择文件上传');
  });
}

/** Browsers send UTF-8 file names that busboy reads as latin1; Chinese names need re-decoding. */
export function decodeName(name: string): string {
  if (!/[\u0080-\u00ff]/.test(name)) return name;
  const decoded = Buffer.from(name, 'latin1').toString('utf8');
  return decoded.includes('\ufffd') ? name : decoded;
}
