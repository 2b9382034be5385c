/**
 * The catalogue version a data template carries: the department's count of approved catalogues,
 * across tasks. A series' own version number restarts with every task (this year's first
 * submission is 第 1 版 again), so it cannot tell last year's template from this year's.
 */
import request from 'supertest';
import type { CatalogueResource, WorkbookGrid } from '../../shared/src';
import { catalogueSheet, templateSheet, validResource } from '../../shared/src/testing';
import { startHarness, type Harness } from './harness';

let h: Harness;
const as = (who: keyof Harness['tokens']) => ({ Authorization: `Bearer ${h.tokens[who]}` });

beforeAll(async () => {
  h = await startHarness({}, 'sqlite');
});
afterAll(async () => h.close());

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
