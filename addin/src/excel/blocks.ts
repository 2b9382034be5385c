/**
 * Reading a large sheet from Excel in blocks: Excel on the web caps each request and response at
 * 5 MB and one read at 5,000,000 cells. A block's rows follow from the column count and the bytes
 * a cell's value takes in the JSON payload, measured on the first block and corrected as it goes.
 */
export const MAX_PAYLOAD_BYTES = 5 * 1024 * 1024;
export const MAX_CELLS_PER_READ = 5_000_000;
/** Room left in each response for everything but the values. */
const PAYLOAD_SHARE = 0.6;
/** A first guess before any block is read: short Chinese text, dates and numbers. */
export const FIRST_GUESS_BYTES_PER_CELL = 40;

export function rowsPerBlock(columns: number, bytesPerCell: number): number {
  const cols = Math.max(1, columns);
  const byBytes = Math.floor((MAX_PAYLOAD_BYTES * PAYLOAD_SHARE) / (cols * Math.max(4, bytesPerCell)));
  const byCells = Math.floor(MAX_CELLS_PER_READ / cols);
  return Math.max(1, Math.min(byBytes, byCells));
}

/** Bytes a block's values took as JSON, per cell: the measure for the next block. */
export function measuredBytesPerCell(values: unknown[][]): number {
  let cells = 0;
  for (const row of values) cells += row.length;
  return cells === 0 ? FIRST_GUESS_BYTES_PER_CELL : Math.ceil(JSON.stringify(values).length / cells);
}

/**
 * The context.sync() calls a read takes: one for the used range and its merged areas, then one
 * per block. With b = rowsPerBlock(columns, bytes per cell): syncs = 1 + ⌈rows ÷ b⌉.
 */
export function readSyncs(rows: number, columns: number, bytesPerCell: number): number {
  return 1 + Math.ceil(rows / rowsPerBlock(columns, bytesPerCell));
}
