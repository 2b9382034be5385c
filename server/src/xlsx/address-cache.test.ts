/** The primed cache must hold exactly what exceljs's decodeAddress would have put there itself. */
interface ColCache {
  decodeAddress(address: string): { address: string; col: number; row: number; $col$row: string };
  n2l(col: number): string;
  _hash: Record<string, unknown>;
}

/** A fresh copy of exceljs's col-cache, and of address-cache bound to it. */
function freshModules(): { colCache: ColCache; primeAddressCache: () => void } {
  let modules!: { colCache: ColCache; primeAddressCache: () => void };
  jest.isolateModules(() => {
    modules = {
      colCache: require('exceljs/lib/utils/col-cache') as ColCache,
      primeAddressCache: (require('./address-cache') as typeof import('./address-cache')).primeAddressCache,
    };
  });
  return modules;
}

test('priming fills the cache with the entries decodeAddress itself stores for the top-left 100 × 100 cells', () => {
  const own = freshModules().colCache;
  for (let col = 1; col <= 100; col++) for (let row = 1; row <= 100; row++) own.decodeAddress(own.n2l(col) + row);

  const { colCache, primeAddressCache } = freshModules();
  primeAddressCache();
  expect(colCache._hash).toEqual(own._hash);
  expect(Object.keys(colCache._hash)).toHaveLength(2 * 100 * 100);
});

test('decodeAddress answers from the primed cache, and still decodes cells outside it', () => {
  const { colCache, primeAddressCache } = freshModules();
  primeAddressCache();
  const b3 = colCache.decodeAddress('B3');
  expect(b3).toEqual({ address: 'B3', col: 2, row: 3, $col$row: '$B$3' });
  expect(colCache.decodeAddress('$B$3')).toBe(b3);
  expect(colCache.decodeAddress('L200000')).toEqual({ address: 'L200000', col: 12, row: 200000, $col$row: '$L$200000' });
});
