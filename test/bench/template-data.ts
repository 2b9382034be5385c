/**
 * A large, realistic data template for benchmarks: 12 typed columns about natural persons,
 * generated deterministically, with one broken identity number every 500 rows.
 */
import { idCardCheckChar, type CatalogueResource, type CellValue, templateHeadRows } from '../../shared/src';

export const BENCH_RESOURCE: CatalogueResource = {
  department: '芜湖市民政局',
  code: '307021022100/000123',
  name: '城乡低保对象信息',
  version: 2,
  shareType: '有条件共享',
  updateFrequency: '每月',
  openType: '不予开放',
  items: [
    { name: '证件编号', dataType: 'C', dataLength: 20, isKey: true },
    { name: '姓名', dataType: 'C', dataLength: 50, isKey: false },
    { name: '身份证号', dataType: 'C', dataLength: 18, isKey: false },
    { name: '性别', dataType: 'C', dataLength: 2, isKey: false },
    { name: '出生日期', dataType: 'D', dataLength: null, isKey: false },
    { name: '行政区划代码', dataType: 'C', dataLength: 6, isKey: false },
    { name: '手机号', dataType: 'C', dataLength: 11, isKey: false },
    { name: '电子邮箱', dataType: 'C', dataLength: 100, isKey: false },
    { name: '月保障金额', dataType: 'Y', dataLength: null, isKey: false },
    { name: '家庭人口', dataType: 'I', dataLength: 2, isKey: false },
    { name: '登记时间', dataType: 'T', dataLength: null, isKey: false },
    { name: '是否有效', dataType: 'L', dataLength: null, isKey: false },
  ],
};

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚';
const DIVISIONS = ['340202', '340207', '340209', '340210', '340212', '340223', '340281'];

/** Row i of the template (0-based), as the grid cells Office.js or the xlsx reader would give. */
export function benchRow(i: number): CellValue[] {
  const division = DIVISIONS[i % DIVISIONS.length];
  const year = 1940 + (i % 60);
  const month = 1 + (i % 12);
  const day = 1 + (i % 28);
  const birth = `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
  const first17 = `${division}${birth}${String(i % 1000).padStart(3, '0')}`;
  // Every 500th identity number carries a wrong check character.
  const check = idCardCheckChar(first17);
  const id = first17 + (i % 500 === 499 ? (check === '1' ? '2' : '1') : check);
  return [
    `MZ${String(i).padStart(8, '0')}`,
    SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length] + GIVEN[(i * 13) % GIVEN.length],
    id,
    i % 2 === 0 ? '男' : '女',
    `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    division,
    `13${String(800000000 + ((i * 7919) % 100000000)).padStart(9, '0')}`,
    `user${i}@wuhu.gov.cn`,
    Math.round(((i % 900) + 300) * 100) / 100 + 0.5,
    1 + (i % 6),
    45000 + (i % 3000) + 0.375,
    i % 10 === 0 ? '否' : '是',
  ];
}

export function benchTemplateHead(): CellValue[][] {
  return templateHeadRows(BENCH_RESOURCE, { period: '2026-11' });
}

/** The catalogue sheet naming the resource, as a clerk's workbook would carry it. */
export function benchCatalogueRows(): CellValue[][] {
  const header = ['序号', '部门名称', '资源代码', '数据资源名称', '信息项名称', '数据类型', '数据长度', '是否主键', '共享类型', '共享条件', '共享方式', '更新周期', '开放属性', '责任科室'];
  const r = BENCH_RESOURCE;
  return [
    header,
    ...r.items.map((item, i) =>
      i === 0
        ? [1, r.department, r.code, r.name, item.name, item.dataType, item.dataLength, item.isKey ? '是' : '否', r.shareType, '仅限社会救助业务使用', '接口', r.updateFrequency, r.openType, '社会救助科']
        : [null, null, null, null, item.name, item.dataType, item.dataLength, item.isKey ? '是' : '否', null, null, null, null, null, null],
    ),
  ];
}
