import { book, catalogueSheet, validResource } from '../../../../shared/src/testing';
import { CHUNK_ROWS, indexGrid, readRows } from './grid-index';

describe('indexGrid and readRows', () => {
  const long = Array.from({ length: CHUNK_ROWS * 2 + 7 }, (_, i) => [`行${i}`, i % 3 === 0 ? null : i, i % 2 === 0]);
  const grid = book(catalogueSheet([validResource({ 数据资源名称: '人口统计' })]), { name: '数据', rows: long, merges: [{ top: 1, left: 1, bottom: 2, right: 1 }] });
  const index = indexGrid(grid);

  test('outlines each sheet: size, position and merges with their anchor text', () => {
    expect(index.sheets[1]).toEqual({ index: 1, name: '数据', startRow: 1, startCol: 1, rowCount: long.length, width: 3, merges: [{ top: 1, left: 1, bottom: 2, right: 1, value: '行0' }] });
    expect(index.chunks[1]).toHaveLength(3);
  });

  test('any window reads back exactly what was stored, across chunk boundaries and at the end', () => {
    for (const [offset, limit] of [[0, 1], [CHUNK_ROWS - 2, 5], [CHUNK_ROWS, CHUNK_ROWS], [0, long.length], [long.length - 3, 100], [long.length, 10]]) {
      expect(readRows(index, 1, offset, limit)).toEqual(long.slice(offset, offset + limit));
    }
    expect(readRows(index, 0, 0, 1000)).toEqual(grid.sheets[0].rows);
    expect(readRows(index, 9, 0, 10)).toEqual([]);
  });

  test('extracts the catalogue and where its resources sit, for the diff', () => {
    expect(index.catalogue.map((r) => r.name)).toEqual(['人口统计']);
    expect(index.locations[0]).toMatchObject({ sheet: '目录', name: '人口统计' });
  });

  test('counts what it holds for the cache, compressed', () => {
    expect(index.bytes).toBeGreaterThan(0);
    expect(index.bytes).toBeLessThan(JSON.stringify(grid).length);
  });
});
