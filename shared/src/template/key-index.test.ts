import { validateWorkbook } from '../validate';
import { resource, templateSheet } from '../testing';
import { fnv1a, KeyIndex } from './key-index';

/** What a Map gives, as the reference: for each key in order, the first row it was seen on, or undefined. */
function reference(keys: string[]): Array<number | undefined> {
  const first = new Map<string, number>();
  return keys.map((k, i) => {
    const row = first.get(k);
    if (row === undefined) first.set(k, i + 1);
    return row;
  });
}

const viaIndex = (index: KeyIndex, keys: string[]) => keys.map((k, i) => index.firstRowOrAdd(k, i + 1));

/** 30,000 keys, a third of them repeats of earlier ones, in a fixed pseudo-random order. */
function manyKeys(): string[] {
  const keys: string[] = [];
  let seed = 42;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  for (let i = 0; i < 30_000; i++) keys.push(i % 3 === 2 ? keys[next() % keys.length] : `MZ${String(next() % 1e8).padStart(8, '0')}`);
  return keys;
}

test('gives the first row of every repeated key, as a Map would, across many resizes', () => {
  const keys = manyKeys();
  const index = new KeyIndex();
  expect(viaIndex(index, keys)).toEqual(reference(keys));
  expect(index.size).toBe(new Set(keys).size);
});

test('keys whose hashes collide are still told apart', () => {
  const keys = manyKeys().slice(0, 3000);
  // Every key the same hash: each lookup walks past keys that differ only in their text.
  expect(viaIndex(new KeyIndex(() => 7), keys)).toEqual(reference(keys));
  // Two hashes only, and hashes with the top bit set.
  expect(viaIndex(new KeyIndex((k) => (k.length % 2 ? 0xffffffff : 0x80000000)), keys)).toEqual(reference(keys));
});

test('real FNV-1a collisions are told apart', () => {
  // Distinct keys with equal 32-bit FNV-1a hashes, found by search ahead of time.
  const [a, b] = ['costarring', 'liquid'];
  expect(fnv1a(a)).toBe(fnv1a(b));
  const index = new KeyIndex();
  expect(viaIndex(index, [a, b, b, a])).toEqual([undefined, undefined, 2, 1]);
});

test('empty strings, long keys and non-ASCII keys are keys like any other', () => {
  const keys = ['', '张三\u0001男\u0001', 'x'.repeat(10_000), '', '张三\u0001男\u0001', 'x'.repeat(10_000), '张三\u0001女\u0001'];
  expect(viaIndex(new KeyIndex(), keys)).toEqual(reference(keys));
});

/** The duplicate-key issues of a template with these 证件编号 values, as [row, value, row repeated]. */
function duplicates(validate: typeof validateWorkbook, ids: string[]): Array<[number | null, string | null, string | undefined]> {
  const res = resource();
  const rows = ids.map((id) => [id, '张三', '11010519491231002X', '2020-01-31']);
  const r = validate({ sheets: [templateSheet(res, rows)] }, { catalogue: [res] });
  return r.issues.filter((i) => i.ruleId === 'template.duplicate-key').map((i) => [i.row, i.value, /第 (\d+) 行/.exec(i.message)?.[1]]);
}

describe('the duplicate-key rule', () => {
  const ids = ['TJ001', 'TJ002', 'TJ001', 'TJ003', 'TJ002', 'TJ001'];
  // Data rows start on sheet row 4: the repeats on rows 6, 8 and 9 are of rows 4, 5 and 4.
  const expected = [
    [6, 'TJ001', '4'],
    [8, 'TJ002', '5'],
    [9, 'TJ001', '4'],
  ];

  test('reports every repeat with the row it repeats', () => {
    expect(duplicates(validateWorkbook, ids)).toEqual(expected);
  });

  test('does so even when every key hashes alike', () => {
    let collidingValidate!: typeof validateWorkbook;
    jest.isolateModules(() => {
      jest.doMock('./key-index', () => {
        const actual = jest.requireActual<typeof import('./key-index')>('./key-index');
        class Colliding extends actual.KeyIndex {
          constructor() {
            super(() => 0);
          }
        }
        return { ...actual, KeyIndex: Colliding };
      });
      collidingValidate = (require('../validate') as typeof import('../validate')).validateWorkbook;
    });
    expect(duplicates(collidingValidate, ids)).toEqual(expected);
  });
});
