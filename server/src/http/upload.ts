import multer from 'multer';
import { ApiError } from './errors';

/**
 * The .xlsx upload: one file in field `file`, held in memory up to the configured size (it is
 * stored with the submission anyway), anything but an .xlsx refused before it is read.
 */
const XLSX_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
  'application/zip',
  'application/x-zip-compressed',
]);

export function xlsxUpload(maxBytes: number) {
  return multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 10_000, parts: 12 },
    fileFilter: (_req, file, done) => {
      const name = decodeName(file.originalname);
      if (!/\.xlsx$/i.test(name) || !XLSX_TYPES.has(file.mimetype)) {
        done(new ApiError(415, 'unsupported-file-type', `只接受 .xlsx 文件，“${name}”不是。旧版 .xls、.csv、.et 等请先在 Excel 或 WPS 中另存为 .xlsx`));
        return;
      }
      file.originalname = name;
      done(null, true);
    },
  }).single('file');
}

/** Browsers send UTF-8 file names that busboy reads as latin1; Chinese names need re-decoding. */
export function decodeName(name: string): string {
  if (!/[\u0080-\u00ff]/.test(name)) return name;
  const decoded = Buffer.from(name, 'latin1').toString('utf8');
  return decoded.includes('\ufffd') ? name : decoded;
}
