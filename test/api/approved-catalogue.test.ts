/**
 * What the approved catalogue holds for the rest of the product: each resource once (a negative
 * or responsibility list beside the catalogue names its resources again), and the catalogue
 * version a data template carries: the department's count of approved catalogues, across tasks.
 * A series' own version number restarts with every task (this year's first submission is 第 1 版
 * again), so it cannot tell last year's template from this year's.
 */
import request from 'supertest';
import type { CatalogueResource, WorkbookGrid } from '../../shared/src';
import { catalogueSheet, sheet, templateSheet, validResource } from '../../shared/src/testing';
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
      validResource({ 部门名称: '芜湖市民政局', 数据资源名称: '年度统计公报' }),
      validResource({ 部门名称: '芜湖市民政局', 数据资源名称: '企业名录' }),
      validResource({ 部门名称: '芜湖市民政局', 数据资源名称: '统计调查原始资料', 共享类型: '不予共享', 不予共享依据: basis, 共享方式: null, 开放属性: '不予开放' }),
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
  const offered = (await request(h.app).get('/api/catalogue/resources').set(as('clerkA'))).body as Array<{ name: string; department: string }>;
  expect(offered.filter((r) => r.department === '芜湖市民政局').map((r) => r.name)).toEqual(['年度统计公报', '企业名录', '统计调查原始资料']);
});

const RESOURCE = '统计调查证信息表';
const catalogue = (extraItem: string): WorkbookGrid => ({
  sheets: [catalogueSheet([validResource({ 数据资源名称: RESOURCE, 资源代码: '307021022100/000009', items: [['证件编号', 'C', 20], ['姓名', 'C', 50], [extraItem, 'C', 50]] })])],
});

/** A task for department A, a catalogue submitted in it and approved; the submission's series version. */
async function approveInNewTask(title: string, workbook: WorkbookGrid): Promise<number> {
  const task = await request(h.app).post('/api/tasks').set(as('coordinator')).send({ title, sheetKinds: ['catalogue'], departmentIds: [h.departments.a], dueInWorkingDays: 10 });
  expect(task.status).toBe(201);
  const sub = await request(h.app).post('/api/submissions').set(as('clerkA')).send({ taskId: task.body.id, workbook });
  expect(sub.status).toBe(201);
  expect((await request(h.app).post(`/api/submissions/${sub.body.submission.id}/approve`).set(as('coordinator')).send({})).status).toBe(200);
  return sub.body.submission.version;
}

const offered = async (): Promise<CatalogueResource> => {
  const res = await request(h.app).get('/api/catalogue/resources').set(as('clerkA'));
  expect(res.status).toBe(200);
  return (res.body as CatalogueResource[]).find((r) => r.name === RESOURCE)!;
};

const outdated = async (template: CatalogueResource) => {
  const workbook: WorkbookGrid = { sheets: [templateSheet(template, [['TJ001', '张三', '统计科']])] };
  const res = await request(h.app).post('/api/submissions').set(as('clerkA')).send({ workbook });
  expect(res.status).toBe(201);
  expect(res.body.report.sheets[0]).toMatchObject({ kind: 'template' });
  return (res.body.report.issues as Array<{ ruleId: string; message: string }>).filter((i) => i.ruleId === 'template.outdated');
};

test('approvals in two tasks give versions 1 then 2; a template of version 1 is then outdated', async () => {
  expect(await approveInNewTask('2025年度目录梳理', catalogue('所在单位'))).toBe(1);
  const first = await offered();
  expect(first.version).toBe(1);
  expect(await outdated(first)).toEqual([]);

  // Next year's task: the series starts again at 第 1 版, the catalogue version goes on to 2.
  expect(await approveInNewTask('2026年度目录梳理', catalogue('所在单位'))).toBe(1);
  const second = await offered();
  expect(second.version).toBe(2);

  const stale = await outdated(first);
  expect(stale).toHaveLength(1);
  expect(stale[0].message).toContain('第 1 版生成，目录已更新到第 2 版');
  expect(await outdated(second)).toEqual([]);
});
