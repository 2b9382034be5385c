/**
 * The diff of a workbook that holds a catalogue and its lists: the negative list (and the
 * responsibility list) name catalogue resources again, and must not count as more of them.
 */
import request from 'supertest';
import type { WorkbookGrid } from '../../shared/src';
import { catalogueSheet, sheet, validResource } from '../../shared/src/testing';
import { startHarness, type Harness } from './harness';

let h: Harness;
const as = (who: keyof Harness['tokens']) => ({ Authorization: `Bearer ${h.tokens[who]}` });

beforeAll(async () => {
  h = await startHarness({}, 'sqlite');
});
afterAll(async () => h.close());

const basis = '《中华人民共和国统计法》第二十五条';
const workbook: WorkbookGrid = {
  sheets: [
    catalogueSheet([
      validResource({ 数据资源名称: '年度统计公报' }),
      validResource({ 数据资源名称: '企业名录' }),
      validResource({ 数据资源名称: '统计调查原始资料', 共享类型: '不予共享', 不予共享依据: basis, 共享方式: null, 开放属性: '不予开放' }),
    ]),
    sheet('负面清单', [['负面清单'], ['序号', '部门名称', '数据资源名称', '信息项', '不予共享理由', '法律法规依据', '责任科室'], [1, '芜湖市民政局', '统计调查原始资料', '年份', '涉及调查对象的商业秘密', basis, '综合科']]),
  ],
};

test('a first catalogue of 3 resources with a negative list: 新增 3 个资源, not 4', async () => {
  const sub = await request(h.app).post('/api/submissions').set(as('clerkB')).send({ workbook });
  expect(sub.status).toBe(201);
  expect(sub.body.report.sheets.map((s: { kind: string }) => s.kind)).toEqual(['catalogue', 'negative']);
  const diff = await request(h.app).get(`/api/submissions/${sub.body.submission.id}/diff`).set(as('coordinator'));
  expect(diff.status).toBe(200);
  expect(diff.body.base).toBeNull();
  expect(diff.body.resources.added).toEqual(['年度统计公报', '企业名录', '统计调查原始资料']);
  // Only the catalogue's rows are tinted.
  expect(new Set(diff.body.tones.map((t: { sheet: string }) => t.sheet))).toEqual(new Set(['目录']));

  // Approved, the consolidated catalogue holds each resource once.
  expect((await request(h.app).post(`/api/submissions/${sub.body.submission.id}/approve`).set(as('coordinator')).send({})).status).toBe(200);
  const offered = (await request(h.app).get('/api/catalogue/resources').set(as('clerkA'))).body as Array<{ name: string }>;
  expect(offered.map((r) => r.name)).toEqual(['年度统计公报', '企业名录', '统计调查原始资料']);
});
