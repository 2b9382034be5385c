/** What the API suites share: the backends to run on, test workbooks, and the shape of a refusal. */
import type request from 'supertest';
import { catalogueSheet, validResource } from '../../shared/src/testing';
import type { WorkbookGrid } from '../../shared/src';
import { workbookBytes } from '../../server/src/xlsx/write';

export const CJK = /[\u4e00-\u9fff]/;
export const backends = (process.env.GOVCAT_TEST_BACKENDS ?? 'sqlite,postgres').split(',');

export function catalogueBook(overrides: Parameters<typeof validResource>[0] = {}, count = 2): WorkbookGrid {
  return { sheets: [catalogueSheet(Array.from({ length: count }, (_, i) => validResource({ 数据资源名称: `资源${i + 1}`, ...overrides })))] };
}

export function xlsx(grid: WorkbookGrid): Promise<Buffer> {
  return workbookBytes(grid);
}

export function expectError(res: request.Response, status: number, code: string) {
  expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
  expect(res.body.error.message).toMatch(CJK);
  expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js):\d+|node_modules|SQLITE|syntax error/i);
}

