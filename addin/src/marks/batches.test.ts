import { addressBatches, areasOf, MAX_ADDRESS_CHARS, MAX_AREAS } from './batches';

test('adjacent cells in a column become one area; others stay single', () => {
  expect(areasOf(['B3', 'B4', 'B5', 'B9', 'A2', 'B4', 'AA10', 'AA11'])).toEqual(['A2', 'B3:B5', 'B9', 'AA10:AA11']);
});

test('a column of 5,000 problem cells in runs costs few areas', () => {
  const cells = Array.from({ length: 5000 }, (_, i) => `C${2 + i}`);
  expect(areasOf(cells)).toEqual(['C2:C5001']);
});

test('batches stay under the address-length and area limits and keep every area once', () => {
  const areas = Array.from({ length: 5000 }, (_, i) => `L${10 + i * 2}`);
  const batches = addressBatches(areas);
  for (const b of batches) {
    expect(b.length).toBeLessThanOrEqual(MAX_ADDRESS_CHARS);
    expect(b.split(',').length).toBeLessThanOrEqual(MAX_AREAS);
  }
  expect(batches.flatMap((b) => b.split(','))).toEqual(areas);
  expect(batches.length).toBe(Math.ceil(5000 / MAX_AREAS));
});

test('the character limit cuts a batch before the area limit when addresses are long', () => {
  const areas = Array.from({ length: 300 }, (_, i) => `XFD${1000000 + i}:XFD${1000000 + i}`);
  const batches = addressBatches(areas, 1000, 400);
  expect(batches.every((b) => b.length <= 1000)).toBe(true);
  expect(batches.length).toBeGreaterThan(1);
});
