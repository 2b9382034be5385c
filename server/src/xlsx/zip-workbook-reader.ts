/**
 * exceljs's streaming WorkbookReader, fed from yauzl's random access instead of its own
 * front-to-back unzip. exceljs still parses the XML and builds the rows; only the walk over the
 * zip is replaced, because that walk:
 * - meets the parts in the order they were zipped. Excel zips the worksheets before
 *   sharedStrings.xml (exceljs even puts workbook.xml last), so exceljs copies every worksheet to a
 *   temp file first, and leaves those files behind when reading stops early;
 * - yields the sheets in zip order, named by matching `worksheets/sheetN.xml` against the
 *   relationships, which misses absolute or unusual targets;
 * - decodes UTF-8 chunk by chunk (see sheet-xml-filter.ts).
 * Here the workbook, its relationships and the shared strings are read first, then each worksheet
 * streams straight from the zip, in the workbook's tab order, under the name the workbook gives it.
 */
import ExcelJS from 'exceljs';
import { posix } from 'node:path';
import { PassThrough, pipeline, type Readable } from 'node:stream';
import type { Entry } from 'yauzl';
import { primeAddressCache } from './address-cache';
import { MESSAGES, WorkbookReadError } from './errors';
import { NoDtd } from './no-dtd';
import { SheetXmlFilter } from './sheet-xml-filter';
import type { GuardedZip } from './zip-guard';

/** The parts of exceljs's WorksheetReader used here (its typings omit `name`). */
export interface WorksheetRows {
  name: string;
  [Symbol.asyncIterator](): AsyncIterator<ExcelJS.Row>;
}

interface Relationship {
  Id: string;
  Type: string;
  Target: string;
  TargetMode?: string;
}

interface WorkbookSheet {
  name: string;
  rId: string;
}

type ReaderEvent = { eventType: string; value: WorksheetRows };

/** exceljs's WorkbookReader with the members this subclass relies on (exceljs 4.4, lib/stream/xlsx/workbook-reader.js). */
interface ExcelJsWorkbookReader {
  workbookRels?: Relationship[];
  model?: { sheets?: WorkbookSheet[] };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  /** Yields nothing with sharedStrings: 'cache'; it fills this.sharedStrings. */
  _parseSharedStrings(entry: Readable): AsyncGenerator<never>;
  _parseWorksheet(iterator: AsyncIterable<string>, sheetNo: string): Generator<ReaderEvent>;
  parse(): AsyncGenerator<ReaderEvent>;
  [Symbol.asyncIterator](): AsyncGenerator<WorksheetRows>;
}

const ExcelJsWorkbookReader = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (
  input: unknown,
  options: object,
) => ExcelJsWorkbookReader;

const READER_OPTIONS = { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' };

/**
 * Inflated XML buffered ahead of the parser. yauzl inflates on the libuv thread pool; with only
 * the default 16 KiB of read-ahead the parser waits on every chunk (~5% of a 200,000-row read).
 */
const INFLATE_AHEAD = 1024 * 1024;

const noop = () => undefined;

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';

export class ZipWorkbookReader extends ExcelJsWorkbookReader {
  private readonly filters = new WeakMap<WorksheetRows, SheetXmlFilter>();
  private readonly streams = new Set<Readable>();

  constructor(private readonly source: GuardedZip) {
    super(null, READER_OPTIONS);
    primeAddressCache();
  }

  /** The merges and typed cells seen so far in a worksheet's XML. */
  filterOf(worksheet: WorksheetRows): SheetXmlFilter {
    const filter = this.filters.get(worksheet);
    if (!filter) throw new Error('worksheet not from this reader');
    return filter;
  }

  /** Ends every entry stream still open and releases the zip; safe to call more than once. */
  dispose(): void {
    for (const stream of this.streams) stream.destroy();
    this.streams.clear();
    this.source.close();
  }

  override async *parse(): AsyncGenerator<ReaderEvent> {
    const book = this.source.entry(WORKBOOK);
    const rels = this.source.entry(WORKBOOK_RELS);
    if (!book) throw new WorkbookReadError('not-xlsx', MESSAGES.notXlsx);
    if (!rels) throw new WorkbookReadError('corrupt', MESSAGES.corrupt);
    await this._parseRels(await this.openText(rels));
    await this._parseWorkbook(await this.openText(book));
    const relationships = this.workbookRels ?? [];

    const sharedStrings = this.partOfType(relationships, 'sharedStrings') ?? this.source.entry('xl/sharedStrings.xml');
    if (sharedStrings) yield* this._parseSharedStrings(await this.openText(sharedStrings));

    const byId = new Map(relationships.map((rel) => [rel.Id, rel]));
    let sheetNo = 0;
    for (const sheet of this.model?.sheets ?? []) {
      const rel = byId.get(sheet.rId);
      // Chartsheets, dialog and macro sheets hold no cells.
      if (!rel || !isType(rel, 'worksheet')) continue;
      const entry = this.source.entry(partName(rel.Target));
      if (!entry) throw new WorkbookReadError('corrupt', MESSAGES.corrupt);
      const filter = new SheetXmlFilter();
      const xml = filter.text(await this.openBuffered(entry));
      for (const event of this._parseWorksheet(xml, String(++sheetNo))) {
        event.value.name = sheet.name;
        this.filters.set(event.value, filter);
        yield event;
      }
    }
  }

  private partOfType(relationships: Relationship[], type: string): Entry | undefined {
    const rel = relationships.find((r) => isType(r, type));
    return rel ? this.source.entry(partName(rel.Target)) : undefined;
  }

  /** For exceljs's own parsers, which read a stream's 'data' events: decoded here so characters arrive whole. */
  private async openText(entry: Entry): Promise<Readable> {
    const stream = await this.open(entry);
    stream.setEncoding('utf8');
    return stream;
  }

  /** A worksheet, inflated ahead of its parser; it stays bytes until taken (see SheetXmlFilter.text). */
  private async openBuffered(entry: Entry): Promise<Readable> {
    return this.track(pipeline(await this.open(entry), new PassThrough({ highWaterMark: INFLATE_AHEAD }), noop));
  }

  private async open(entry: Entry): Promise<Readable> {
    const inflated = this.track(await this.source.zip.openReadStreamPromise(entry));
    return this.track(pipeline(inflated, new NoDtd(), noop));
  }

  private track<S extends Readable>(stream: S): S {
    this.streams.add(stream);
    stream.once('close', () => this.streams.delete(stream));
    // Whoever reads the stream gets its errors; this only keeps an abandoned stream's error from being uncaught.
    stream.on('error', noop);
    return stream;
  }
}

/** Relationship types end in /worksheet, /sharedStrings … in both transitional and strict OOXML. */
function isType(rel: Relationship, type: string): boolean {
  return rel.TargetMode !== 'External' && typeof rel.Type === 'string' && rel.Type.endsWith(`/${type}`);
}

/** The zip entry a target of xl/workbook.xml's relationships names: relative to xl/, or absolute. */
function partName(target: string): string {
  return target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('xl', target));
}
