import { validateWorkbook } from '../../../shared/src';
import { resource } from '../../../shared/src/testing';
import { MemoryHost } from '../host/memory-host';
import { sheetNameFor, templateSheet } from './template-sheet';

const res = resource({ version: 3, items: [...resource().items, { name: '是否有效', dataType: 'L', dataLength: null, isKey: false }] });

test('a generated template carries the resource’s identity and is checked against it', async () => {
  const host = new MemoryHost([]);
  await host.createSheet(templateSheet(res, { period: '2026-11', zeroReport: false }));
  const sheet = host.sheets[0];
  expect(sheet.frozenRows).toBe(3);
  expect(sheet.lists.get(4)).toEqual(['是', '否']);
  sheet.cells.push(['TJ001', '张三', '11010519491231002X', '2020-01-31', '是']);
  const report = validateWorkbook({ sheets: [await host.readSheet(sheet.name)] }, { catalogue: [res] });
  expect(report.sheets[0]).toMatchObject({ kind: 'template', template: { resourceName: res.name, version: 3, period: '2026-11', zeroReport: false, matchedBy: 'marker' } });
  expect(report.counts.errors).toBe(0);
});

test('a zero report is an explicit empty submission for the period', async () => {
  const host = new MemoryHost([]);
  await host.createSheet(templateSheet(res, { period: '2026-11', zeroReport: true }));
  const report = validateWorkbook({ sheets: [await host.readSheet(host.sheets[0].name)] }, { catalogue: [res] });
  expect(report.sheets[0].template?.zeroReport).toBe(true);
  expect(report.counts.errors).toBe(0);
  expect(host.sheets[0].name).toBe(`${res.name}（零上报）`);
});

test('sheet names keep within Excel’s rules', () => {
  expect(sheetNameFor({ ...res, name: '统计/调查:证[信息]表*?' }, false)).toBe('统计调查证信息表');
  expect(sheetNameFor({ ...res, name: '很'.repeat(40) }, true).length).toBeLessThanOrEqual(31);
});
