import { deflateGrid, inflateGrid } from './grid-codec';
import { toDeflatedGrid } from '../modules/submissions/repository/submission-rows';

const grid = { sheets: [{ name: '目录', rows: [['序号', '部门名称'], [1, '芜湖市统计局'], [null, true]] }] };

test('a grid survives deflating exactly, and takes far less room', () => {
  const json = JSON.stringify({ sheets: [{ name: '目录', rows: Array.from({ length: 1000 }, (_, i) => [i, '芜湖市统计局', `统计资源${i % 50}`, '无条件共享']) }] });
  const deflated = deflateGrid(json);
  expect(JSON.stringify(inflateGrid(deflated))).toBe(json);
  expect(deflated.length).toBeLessThan(json.length / 4);
});

test('a stored row reads back as its grid', () => {
  expect(inflateGrid(toDeflatedGrid({ grid_deflated: deflateGrid(JSON.stringify(grid)) }))).toEqual(grid);
});

test('a JSON submission body is stored as received and reads back as its workbook', () => {
  const body = Buffer.from(JSON.stringify({ taskId: 3, workbook: grid }));
  expect(inflateGrid(deflateGrid(body))).toEqual(grid);
  expect(inflateGrid(deflateGrid(JSON.stringify(grid)))).toEqual(grid);
});
