/** Reading uploaded .xlsx files into the engine's WorkbookGrid, and writing grids back for tests and benchmarks. */
export { readWorkbook, streamWorkbook, DEFAULT_READ_OPTIONS, type ReadOptions, type WorkbookVisitor, type SheetVisitor } from './read';
export { detectFormat, detectFileFormat, type FileFormat } from './detect';
export { WorkbookReadError, type WorkbookReadErrorCode } from './errors';
export { writeWorkbook, type WriteOptions } from './write';
