/**
 * Opens the .xlsx container with yauzl and vets its central directory before anything is
 * inflated: a zip bomb or a junk archive is refused from the sizes it declares. yauzl then holds
 * every entry to its declared size while inflating, so the declared sizes can be trusted.
 */
import { Transform, pipeline, type Readable, type TransformCallback } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { MESSAGES, WorkbookReadError } from './errors';

export interface ZipLimits {
  /** Sum of the entries' uncompressed sizes. */
  maxUncompressedBytes: number;
  maxEntries: number;
  /** An entry is a bomb when it inflates more than maxRatio times and past bombMinBytes. */
  maxRatio: number;
  bombMinBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxUncompressedBytes: 512 * 1024 * 1024,
  maxEntries: 10_000,
  maxRatio: 200,
  bombMinBytes: 50 * 1024 * 1024,
};

export interface GuardedZip {
  zip: ZipFile;
  /** The entry for a part name; OPC part names are case-insensitive. */
  entry(name: string): Entry | undefined;
  /**
   * An entry's bytes, inflated here rather than by yauzl so that the output chunk size can be set;
   * they are held to the entry's declared size as yauzl would (validateEntrySizes).
   */
  openInflated(entry: Entry, chunkSize: number): Promise<Readable>;
  /** Releases the file descriptor once the streams opened from it have ended or been destroyed. */
  close(): void;
}

const OPEN_OPTIONS: yauzl.Options = { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true };

export async function openGuardedZip(input: string | Buffer, limits: ZipLimits): Promise<GuardedZip> {
  const zip = typeof input === 'string' ? await yauzl.openPromise(input, OPEN_OPTIONS) : await yauzl.fromBufferPromise(input, OPEN_OPTIONS);
  try {
    const entries = await vetEntries(zip, limits);
    // Read failures after this point also surface on the entry streams, which are handled; without
    // a listener the ZipFile's own copy of such an error would be an uncaught exception.
    zip.on('error', () => undefined);
    return {
      zip,
      entry: (name) => entries.get(name.toLowerCase()),
      openInflated: (entry, chunkSize) => openInflated(zip, entry, chunkSize),
      close: () => zip.close(),
    };
  } catch (err) {
    zip.close();
    throw err;
  }
}

async function vetEntries(zip: ZipFile, limits: ZipLimits): Promise<Map<string, Entry>> {
  if (zip.entryCount > limits.maxEntries) throw new WorkbookReadError('too-large', MESSAGES.tooManyEntries(limits.maxEntries));
  const entries = new Map<string, Entry>();
  let total = 0;
  for await (const entry of zip.eachEntry()) {
    const size = entry.uncompressedSize;
    total += size;
    if (total > limits.maxUncompressedBytes) throw new WorkbookReadError('too-large', MESSAGES.tooMuchUnpacked(limits.maxUncompressedBytes));
    if (size > limits.bombMinBytes && size > limits.maxRatio * entry.compressedSize) {
      throw new WorkbookReadError('too-large', MESSAGES.compressionBomb(limits.maxRatio));
    }
    if (!entry.fileName.endsWith('/')) entries.set(entry.fileName.toLowerCase(), entry);
  }
  return entries;
}

const noop = () => undefined;

async function openInflated(zip: ZipFile, entry: Entry, chunkSize: number): Promise<Readable> {
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) throw new WorkbookReadError('corrupt', MESSAGES.corrupt);
  // A stored entry is yauzl's to size-check; it refuses `decompress` for one.
  if (entry.compressionMethod === 0) return zip.openReadStreamPromise(entry);
  const raw = await zip.openReadStreamPromise(entry, { decompress: false });
  raw.on('error', noop);
  return pipeline(raw, createInflateRaw({ chunkSize }), new DeclaredSize(entry.uncompressedSize), noop);
}

/** Fails a stream that ends up longer or shorter than the size its entry declares. */
class DeclaredSize extends Transform {
  private seen = 0;

  constructor(private readonly declared: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.declared) callback(new WorkbookReadError('corrupt', MESSAGES.corrupt));
    else callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    callback(this.seen === this.declared ? null : new WorkbookReadError('corrupt', MESSAGES.corrupt));
  }
}
