/**
 * `govcat validate` in process: exit codes 0 / 1 / 2, the readable report grouped by sheet and
 * rule, JSON, and one Chinese sentence (never a stack trace) for every file it cannot use.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import CFB from 'cfb';
import ExcelJS from 'exceljs';
import { ReportSchema, RULES } from '../shared/src';
import { runCli } from '../server/src/cli/main';
import { writeWorkbook } from '../server/src/xlsx/write';
import { catalogueSheet, resource, templateSheet, validResource } from '../shared/src/testing';
import { writeSeedWorkbook } from './fixtures/seed-000';

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'govcat-cli-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const path = (name: string) => join(dir, name);
const CJK = /[\u4e00-\u9fff]/;

function expectUnusable(r: { code: number; stdout: string; stderr: string }, words: RegExp) {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(CJK);
  expect(r.stderr).toMatch(words);
  expect(r.stderr).not.toMatch(/\n\s+at |Error:|node_modules/);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
}

describe('reports', () => {
  test('a workbook with mistakes: exit 1, grouped by sheet and rule with cell addresses', async () => {
    await writeSeedWorkbook(path('seed.xlsx'));
    const r = await cli('validate', path('seed.xlsx'));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('工作表“附件1 共享目录”（数据资源目录，表头在第 2 行，73 行数据，10 条资源）：10 个错误，3 个警告');
    expect(r.stdout).toMatch(/\[catalogue\.unshared-basis\]\n {6}G5 +资源“各部门统计报表数据”：共享类型为“不予共享”时须填写不予共享依据/);
    expect(r.stdout).toMatch(/✗ 错误 {2}必填项为空（8 处） {2}\[cell\.required\]\n {6}G6 +资源“统计局诚信信息”的“部门间数据使用属性”（共享类型）不能为空/);
    expect(r.stdout).toContain('! 警告  法人数据缺少统一社会信用代码（2 处）');
    expect(r.stdout).toContain('合计：11 个错误，8 个警告');
    // Errors come before warnings within a sheet.
    const sheet1 = r.stdout.slice(r.stdout.indexOf('附件1'), r.stdout.indexOf('附件2'));
    expect(sheet1.lastIndexOf('✗')).toBeLessThan(sheet1.indexOf('!'));
  });

  test('--json gives the engine report, valid against its schema', async () => {
    const r = await cli('validate', path('seed.xlsx'), '--json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.file).toBe(path('seed.xlsx'));
    const report = ReportSchema.parse(json);
    expect(report.counts).toMatchObject({ errors: 11, warnings: 8 });
    expect(report.issues[0]).toEqual(expect.objectContaining({ sheet: expect.any(String), ruleId: expect.any(String), severity: expect.any(String) }));
  });

  test('a clean catalogue: exit 0', async () => {
    await writeWorkbook({ sheets: [catalogueSheet([validResource(), validResource()])] }, path('clean.xlsx'));
    const r = await cli('validate', path('clean.xlsx'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('合计：0 个错误，0 个警告');
    expect(r.stdout).toContain('没有错误，可以提交');
  });

  test('a long rule group is cut to 20 lines unless --all', async () => {
    const many = Array.from({ length: 25 }, () => validResource({ 责任科室: null }));
    await writeWorkbook({ sheets: [catalogueSheet(many)] }, path('many.xlsx'));
    expect((await cli('validate', path('many.xlsx'))).stdout).toContain('…还有 5 处（加 --all 显示全部）');
    expect((await cli('validate', path('many.xlsx'), '--all')).stdout).not.toContain('…还有');
  });

  test('--max-issues bounds the list and says so; counts stay complete', async () => {
    const r = await cli('validate', path('many.xlsx'), '--json', '--max-issues', '3');
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    expect(report.issues).toHaveLength(3);
    expect(report.truncated).toBe(true);
    expect(report.counts.errors).toBe(25);
  });
});

describe('data templates and --catalog', () => {
  const res = resource();
  const rows = [['TJ001', '张三', '11010519491231002X', '2020-01-31'], ['TJ002', '李四', '110105194912310025', '2020-02-30']];

  test('without its catalogue the template says it cannot find the resource', async () => {
    await writeWorkbook({ sheets: [templateSheet(res, rows)] }, path('template.xlsx'));
    const r = await cli('validate', path('template.xlsx'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('找不到数据模板对应的目录资源');
    expect(r.stdout).toContain('--catalog');
  });

  test('with --catalog the data is checked against the resource', async () => {
    const catalogue = catalogueSheet([
      validResource({ 资源代码: res.code, 数据资源名称: res.name, 共享类型: '有条件共享', 共享条件: '限统计执法', items: res.items.map((i) => [i.name, i.dataType, i.dataLength]) }),
    ]);
    await writeWorkbook({ sheets: [catalogue] }, path('catalogue.xlsx'));
    const r = await cli('validate', path('template.xlsx'), '--catalog', path('catalogue.xlsx'), '--json');
    expect(r.code).toBe(1);
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    expect(report.sheets[0].template).toMatchObject({ resourceName: res.name, matchedBy: 'marker' });
    expect(report.issues.map((i) => [i.ruleId, i.cell])).toEqual([['id.idcard', 'C5'], ['template.date', 'D5']]);
  });

  test('a catalogue file without a catalogue sheet is refused', async () => {
    const r = await cli('validate', path('template.xlsx'), '--catalog', path('template.xlsx'));
    expectUnusable(r, /没有找到数据资源目录表/);
  });
});

describe('files it cannot use: one Chinese sentence, exit 2', () => {
  test('not an xlsx (a CSV renamed)', async () => {
    writeFileSync(path('data.xlsx'), '序号,部门名称\n1,统计局\n');
    expectUnusable(await cli('validate', path('data.xlsx')), /xlsx/);
  });

  test('a corrupt xlsx (cut short)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('目录').addRow(['序号']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    writeFileSync(path('cut.xlsx'), buf.subarray(0, Math.floor(buf.length / 2)));
    expectUnusable(await cli('validate', path('cut.xlsx')), /损坏/);
  });

  test('a password-protected xlsx', async () => {
    const cfb = CFB.utils.cfb_new();
    CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.alloc(64, 1));
    CFB.utils.cfb_add(cfb, '/EncryptedPackage', Buffer.alloc(512, 2));
    writeFileSync(path('secret.xlsx'), CFB.write(cfb, { type: 'buffer' }) as Buffer);
    expectUnusable(await cli('validate', path('secret.xlsx')), /密码/);
  });

  test('an empty workbook', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    await wb.xlsx.writeFile(path('empty.xlsx'));
    expectUnusable(await cli('validate', path('empty.xlsx')), /空|没有/);
  });

  test('a sheet whose header cannot be recognised', async () => {
    await writeWorkbook({ sheets: [{ name: '汇总', rows: [['年份', '数量'], [2025, 12]] }] }, path('other.xlsx'));
    expectUnusable(await cli('validate', path('other.xlsx')), /无法识别/);
  });

  test('a file that does not exist', async () => {
    expectUnusable(await cli('validate', path('nope.xlsx')), /找不到/);
  });

  test('a wrong option or a missing file argument', async () => {
    expectUnusable(await cli('validate', path('seed.xlsx'), '--jsn'), /未知的选项“--jsn”/);
    expectUnusable(await cli('validate'), /缺少要校验的文件/);
    expectUnusable(await cli('check', 'a.xlsx'), /未知的命令/);
    expectUnusable(await cli('validate', path('seed.xlsx'), '--max-issues', '0'), /正整数/);
  });

  test('help is shown and exits 0', async () => {
    const r = await cli('validate', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--catalog');
  });
});

describe('govcat rules', () => {
  test('--json lists every sheet kind’s columns and every rule with its source and both examples', async () => {
    const r = await cli('rules', '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const ref = JSON.parse(r.stdout);
    expect(ref.rules.map((x: { id: string }) => x.id).sort()).toEqual(Object.keys(RULES).sort());
    for (const rule of ref.rules) {
      expect([rule.id, rule.examples.fire.note.length > 0, rule.examples.quiet.note.length > 0, rule.examples.fire.message !== null]).toEqual([rule.id, true, true, true]);
    }
    const catalogue = ref.kinds.find((k: { kind: string }) => k.kind === 'catalogue');
    const condition = catalogue.columns.find((c: { label: string }) => c.label === '共享条件');
    expect(condition.required).toEqual({ always: false, when: { column: '共享类型', equals: '有条件共享', rule: 'catalogue.share-condition' }, text: '“共享类型”为“有条件共享”时必填' });
    expect(catalogue.columns.find((c: { label: string }) => c.label === '共享类型').values).toEqual(['无条件共享', '有条件共享', '不予共享']);
    expect(ref.rules.find((x: { id: string }) => x.id === 'catalogue.unshared-basis').source).toMatchObject({ source: '004', article: '第七条' });
    expect(ref.kinds.map((k: { kind: string }) => k.kind)).toEqual(['catalogue', 'responsibility', 'negative', 'demand', 'contact', 'template']);
  });

  test('without --json: the reference in Chinese, per sheet kind and per rule', async () => {
    const r = await cli('rules');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('■ 数据资源目录');
    expect(r.stdout).toContain('共享条件  “共享类型”为“有条件共享”时必填');
    expect(r.stdout).toMatch(/✗ 错误 {2}不予共享须填写依据 {2}\[catalogue\.unshared-basis\]\n.*\n {6}依据：004 .*第七条/);
  });
});
