/**
 * Zip plumbing for test fixtures: take an .xlsx apart, change a part, put it back together, or
 * build a zip bomb without ever holding its inflated bytes. Plain zip: no zip64, no data descriptors.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import * as XLSX from '@e965/xlsx';
import type { SheetGrid } from '../../../shared/src/grid';

export interface ZipPart {
  name: string;
  data: Buffer | string;
}

/** An entry as it sits in the archive; `compressed` is raw deflate when method is 8. */
export interface RawZipEntry {
  name: string;
  method: 0 | 8;
  compressed: Buffer;
  size: number;
  crc: number;
}

export function deflatedEntry({ name, data }: ZipPart): RawZipEntry {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return { name, method: 8, compressed: deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) };
}

/**
 * `mib` MiB of zeros, deflated: one fully flushed MiB repeated (a full flush makes each copy
 * independent of the previous one) and a final empty block. About 1 KiB per MiB.
 */
export function zerosEntry(name: string, mib: number): RawZipEntry {
  const oneMiB = Buffer.alloc(1024 * 1024);
  const segment = deflateRawSync(oneMiB, { finishFlush: constants.Z_FULL_FLUSH });
  const parts: Buffer[] = [];
  let crc = 0;
  for (let i = 0; i < mib; i++) {
    parts.push(segment);
    crc = crc32(oneMiB, crc);
  }
  parts.push(Buffer.from([0x03, 0x00]));
  return { name, method: 8, compressed: Buffer.concat(parts), size: mib * oneMiB.length, crc };
}

export function zip(parts: Array<ZipPart | RawZipEntry>): Buffer {
  const entries = parts.map((p) => ('compressed' in p ? p : deflatedEntry(p)));
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.compressed.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(e.method, 10);
    header.writeUInt32LE(e.crc >>> 0, 16);
    header.writeUInt32LE(e.compressed.length, 20);
    header.writeUInt32LE(e.size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    chunks.push(local, name, e.compressed);
    offset += local.length + name.length + e.compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}

/** Every file in a zip, in archive order. */
export async function unzip(archive: Buffer): Promise<Array<{ name: string; data: Buffer }>> {
  const file = await yauzl.fromBufferPromise(archive, { lazyEntries: true });
  const parts: Array<{ name: string; data: Buffer }> = [];
  for await (const entry of file.eachEntry()) {
    if (entry.fileName.endsWith('/')) continue;
    const chunks: Buffer[] = [];
    for await (const chunk of await file.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    parts.push({ name: entry.fileName, data: Buffer.concat(chunks) });
  }
  return parts;
}

/** An archive with some parts replaced (by name), removed (null) or added. */
export async function rezip(archive: Buffer, changes: Record<string, Buffer | string | null>): Promise<Buffer> {
  const parts: ZipPart[] = [];
  const seen = new Set<string>();
  for (const p of await unzip(archive)) {
    seen.add(p.name);
    if (!(p.name in changes)) parts.push(p);
    else if (changes[p.name] !== null) parts.push({ name: p.name, data: changes[p.name]! });
  }
  for (const [name, data] of Object.entries(changes)) if (!seen.has(name) && data !== null) parts.push({ name, data });
  return zip(parts);
}

/**
 * For tests: the sheets as SheetJS writes them as an .xls (BIFF8) or .ods, merges included.
 * SheetJS's .ods writer drops a merge whose first cell is empty (LibreOffice and WPS keep it): an
 * empty text there, read as no value, keeps it.
 */
export function sheetJsBook(sheets: SheetGrid[], bookType: 'xls' | 'ods'): Buffer {
  const book = XLSX.utils.book_new();
  for (const s of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(s.rows);
    ws['!merges'] = (s.merges ?? []).map((m) => ({ s: { r: m.top - 1, c: m.left - 1 }, e: { r: m.bottom - 1, c: m.right - 1 } }));
    for (const m of s.merges ?? []) ws[XLSX.utils.encode_cell({ r: m.top - 1, c: m.left - 1 })] ??= { t: 's', v: '' };
    XLSX.utils.book_append_sheet(book, ws, s.name);
  }
  return XLSX.write(book, { type: 'buffer', bookType: bookType === 'xls' ? 'biff8' : 'ods' }) as Buffer;
}
