/**
 * What kind of file an upload is, from its bytes rather than its name: clerks rename .xls and
 * .csv files to .xlsx, and Excel saves a password-protected .xlsx as an OLE2 (CFB) container.
 */
import { open } from 'node:fs/promises';

export type FileFormat = 'zip' | 'cfb-encrypted' | 'cfb' | 'zero-bytes' | 'unknown';

const ZIP_LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ZIP_EMPTY_ARCHIVE = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * A CFB directory entry is 128 bytes and starts with its UTF-16LE name; bytes 64–65 hold the
 * name's length in bytes including the terminating NUL. Entries always sit at file offsets that
 * are multiples of 128 (sectors are 512 or 4096 bytes), which keeps a cell that merely contains
 * the text "EncryptionInfo" from passing for the stream.
 */
const DIR_ENTRY_SIZE = 128;
const ENCRYPTION_STREAMS = ['EncryptionInfo', 'EncryptedPackage'].map((name) => ({
  needle: Buffer.from(name, 'utf16le'),
  nameBytes: (name.length + 1) * 2,
}));

/**
 * Tells the format from the start of a file. For a CFB file the whole file (or at least its
 * directory) must be passed to tell an encrypted .xlsx from an old .xls; readWorkbook does that
 * with detectFileFormat, which scans a file on disk without loading it.
 */
export function detectFormat(head: Buffer): FileFormat {
  // A 0-byte file is what a failed save or copy leaves; the clerk should hear that, not "not a workbook".
  if (head.length === 0) return 'zero-bytes';
  if (startsWith(head, ZIP_LOCAL_HEADER) || startsWith(head, ZIP_EMPTY_ARCHIVE)) return 'zip';
  if (startsWith(head, CFB_MAGIC)) return hasEncryptionStream(head) ? 'cfb-encrypted' : 'cfb';
  return 'unknown';
}

/** detectFormat for a file on disk: reads the magic, and scans a CFB file in aligned chunks. */
export async function detectFileFormat(path: string): Promise<FileFormat> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(CFB_MAGIC.length);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    const format = detectFormat(head.subarray(0, bytesRead));
    if (format !== 'cfb') return format;
    // Chunks are multiples of 128 bytes read at aligned offsets, so no directory entry straddles two.
    const chunk = Buffer.alloc(1024 * 1024);
    for (let position = 0; ; position += chunk.length) {
      const { bytesRead: n } = await file.read(chunk, 0, chunk.length, position);
      if (n > 0 && hasEncryptionStream(chunk.subarray(0, n), position)) return 'cfb-encrypted';
      if (n < chunk.length) return 'cfb';
    }
  } finally {
    await file.close();
  }
}

/** Whether `bytes`, which start at file offset `base`, hold a CFB directory entry for an encryption stream. */
export function hasEncryptionStream(bytes: Buffer, base = 0): boolean {
  for (const { needle, nameBytes } of ENCRYPTION_STREAMS) {
    for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1)) {
      if ((base + at) % DIR_ENTRY_SIZE === 0 && at + 66 <= bytes.length && bytes.readUInt16LE(at + 64) === nameBytes) return true;
    }
  }
  return false;
}

function startsWith(bytes: Buffer, magic: Buffer): boolean {
  return bytes.length >= magic.length && bytes.subarray(0, magic.length).equals(magic);
}
