import { validateWorkbook, CATALOGUE } from '../../../shared/src';
import { MemoryHost } from '../host/memory-host';
import { blankSheet, CREATABLE } from './sheet-specs';

test('a blank catalogue has every standard header and drop-downs on coded columns', () => {
  const spec = blankSheet(CATALOGUE, '政务数据资源目录');
  expect(spec.headers).toContain('共享类型');
  const byHeader = new Map(spec.lists.map((l) => [spec.headers[l.column], l.values]));
  expect(byHeader.get('共享类型')).toEqual(['无条件共享', '有条件共享', '不予共享']);
  expect(byHeader.get('数据类型')).toContain('C');
  expect(byHeader.get('安全级别')).toEqual(['1级', '2级', '3级', '4级']);
  expect(byHeader.get('更新周期')).toEqual(['实时', '每日', '每周', '每月', '每季度', '每年', '其他']);
  expect(byHeader.get('所属领域')).toContain('财税金融');
  expect(byHeader.has('共享方式')).toBe(false);
});

test.each(CREATABLE.map((c) => [c.def.label, c] as const))('a created %s is recognised by the engine as its kind', async (_label, { def, title }) => {
  const host = new MemoryHost([]);
  await host.createSheet(blankSheet(def, title));
  const grid = await host.readSheet(def.label);
  const report = validateWorkbook({ sheets: [grid] });
  expect(report.sheets[0]).toMatchObject({ kind: def.kind, headerRow: 2 });
});
