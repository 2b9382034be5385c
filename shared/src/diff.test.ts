import { diffCatalogues } from './diff';
import { resource } from './testing';

describe('diffCatalogues', () => {
  const a = resource({ name: '统计调查证信息表', code: 'BA6006/000001' });
  const b = resource({ name: '企业名录', code: 'BA6006/000002', items: [{ name: '企业名称', dataType: 'C', dataLength: 100, isKey: false }] });

  test('no change, no diff', () => {
    expect(diffCatalogues([a, b], [a, b])).toEqual({ added: [], removed: [], changed: [] });
  });

  test('resources added and removed', () => {
    const c = resource({ name: '个体户名录', code: 'BA6006/000003' });
    expect(diffCatalogues([a, b], [a, c])).toEqual({ added: ['个体户名录'], removed: ['企业名录'], changed: [] });
  });

  test('fields and items changed, added and removed, matched by code across a rename', () => {
    const after = {
      ...a,
      name: '统计调查证持证人员信息表',
      shareType: '无条件共享',
      items: [
        { ...a.items[0], dataLength: 30 },
        a.items[1],
        a.items[2],
        { name: '发证机关', dataType: 'C', dataLength: 100, isKey: false },
      ],
    };
    expect(diffCatalogues([a], [after])).toEqual({
      added: [],
      removed: [],
      changed: [
        {
          name: '统计调查证持证人员信息表',
          fields: [
            { field: '数据资源名称', before: '统计调查证信息表', after: '统计调查证持证人员信息表' },
            { field: '共享类型', before: '有条件共享', after: '无条件共享' },
          ],
          itemsAdded: ['发证机关'],
          itemsRemoved: ['发证日期'],
          itemsChanged: [{ name: '证件编号', fields: [{ field: '数据长度', before: '20', after: '30' }] }],
        },
      ],
    });
  });
});
