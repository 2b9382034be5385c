import { MAX_CELLS_PER_READ, MAX_PAYLOAD_BYTES, measuredBytesPerCell, readSyncs, rowsPerBlock } from './blocks';

test('a block stays under the payload limit at the measured cell size', () => {
  for (const [cols, bytes] of [[12, 40], [12, 400], [200, 30], [1, 10]] as const) {
    const rows = rowsPerBlock(cols, bytes);
    expect(rows * cols * bytes).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    expect(rows * cols).toBeLessThanOrEqual(MAX_CELLS_PER_READ);
    expect(rows).toBeGreaterThanOrEqual(1);
  }
});

test('very narrow sheets are held to the cell limit, very wide ones still read a row at a time', () => {
  expect(rowsPerBlock(1, 4) * 1).toBeLessThanOrEqual(MAX_CELLS_PER_READ);
  expect(rowsPerBlock(16384, 400)).toBe(1);
});

test('the measure follows what the values really take', () => {
  expect(measuredBytesPerCell([['芜湖市统计局', 12345], ['综合科', null]])).toBeGreaterThan(5);
  expect(measuredBytesPerCell([])).toBe(40);
});

test('100,000 rows × 12 columns of 40-byte cells read in a handful of syncs', () => {
  const syncs = readSyncs(100_000, 12, 40);
  expect(syncs).toBe(1 + Math.ceil(100_000 / rowsPerBlock(12, 40)));
  expect(syncs).toBeLessThan(20);
});
