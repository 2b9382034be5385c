import { diffCatalogues } from './diff';
import { book, catalogueSheet, resource, sheet, validResource, type ResourceSpec } from './testing';
import { readCatalogue } from './validate';

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

describe('the catalogue a workbook holds, for diffing', () => {
  const unshared: ResourceSpec = { 数据资源名称: '统计调查原始资料', 共享类型: '不予共享', 不予共享依据: '《中华人民共和国统计法》第二十五条', 开放属性: '不予开放' };
  const NEGATIVE_HEADER = ['序号', '部门名称', '数据资源名称', '信息项', '不予共享理由', '法律法规依据', '责任科室'];
  const RESP_HEADER = ['序号', '部门名称', '数据资源名称', '信息项', '共享类型', '更新周期', '责任科室'];
  const workbook = book(
    catalogueSheet([validResource({ 数据资源名称: '年度统计公报' }), validResource({ 数据资源名称: '企业名录' }), validResource(unshared)]),
    sheet('负面清单', [['负面清单'], NEGATIVE_HEADER, [1, '芜湖市统计局', '统计调查原始资料', '调查对象名称', '涉及商业秘密', '《中华人民共和国统计法》第二十五条', '综合科']]),
    sheet('共享责任清单', [['共享责任清单'], RESP_HEADER, [1, '芜湖市统计局', '年度统计公报', '年份', '无条件共享', '每月', '综合科']]),
  );

  test('a negative list and a responsibility list beside the catalogue are not read as more resources', () => {
    const { resources, locations } = readCatalogue(workbook);
    expect(resources.map((r) => r.name)).toEqual(['年度统计公报', '企业名录', '统计调查原始资料']);
    expect(locations.map((l) => l.sheet)).toEqual(['目录', '目录', '目录']);
    expect(diffCatalogues([], resources).added).toHaveLength(3);
  });
});
