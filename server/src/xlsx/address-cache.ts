/**
 * Keeps V8 from allocating exceljs's per-cell address objects in the old generation.
 *
 * exceljs's WorksheetReader decodes every cell's reference with colCache.decodeAddress, which
 * makes an { address, col, row, $col$row } object each time and keeps those of the top-left
 * 100 × 100 cells in a cache for good. V8 pretenures an allocation site whose objects survive a
 * young-generation collection: if one falls while a sheet's first 100 rows are decoded, all of
 * that site's recent objects are alive in the cache, and from then on the address objects of every
 * cell are allocated straight into the old generation, as garbage that only full collections free.
 * Whether that happens depends on timing: reads of one 200,000-row file took either ~4.5 s or
 * ~6.2 s, with a peak RSS of either ~185 MB or ~320 MB (V8's --trace-pretenuring-statistics and
 * --trace-deopt show the decision and decodeAddress deoptimised for it).
 *
 * Filling the cache beforehand, with objects made here, leaves decodeAddress only objects that die
 * young, so its site is never pretenured. The entries are exactly those decodeAddress would store.
 */
// exceljs 4.4, lib/utils/col-cache.js: a plain object shared by the whole library.
const colCache = require('exceljs/lib/utils/col-cache') as ColCache;

interface CellAddress {
  address: string;
  col: number;
  row: number;
  $col$row: string;
}

interface ColCache {
  n2l(col: number): string;
  _hash: Record<string, CellAddress>;
}

/** The square decodeAddress caches ("cache only the tl 100x100 square"). */
export const CACHED_SQUARE = 100;

let primed = false;

export function primeAddressCache(): void {
  if (primed) return;
  primed = true;
  const hash = colCache._hash;
  for (let col = 1; col <= CACHED_SQUARE; col++) {
    const letters = colCache.n2l(col);
    for (let row = 1; row <= CACHED_SQUARE; row++) {
      const address: CellAddress = { address: letters + row, col, row, $col$row: `$${letters}$${row}` };
      hash[address.address] = address;
      hash[address.$col$row] = address;
    }
  }
}
