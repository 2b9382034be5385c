import {
  against, cat, catWithHeaders, catWithRow, company, contact, demand, negative, person, personRow, res, resource,
  responsibility, single, templateSheet, tpl, unshared, validResource, book, catalogueSheet, sheet, DEMAND_HEADER,
} from './examples';
import type { CellValue, WorkbookGrid } from './grid';
import type { Severity } from './report';
import type { ValidateOptions } from './validate';

/**
 * Every rule the engine can report, declared as data (after frictionless-py's error types): a
 * stable id, its severity, a short title (to group issues), a description a clerk can read, the
 * message template whose `{named}` parameters the check fills in, the article of the source
 * regulation it comes from (quoted in docs/regulations.md, headed "### 004 第七条") and two examples, one that makes it
 * fire and one that keeps it quiet. The checks only decide when a rule fires and with which
 * parameters; `ruleMessage` renders the text. rules.test.ts runs every example, and the rule
 * reference (`govcat rules`, GET /help/rules) is generated from this table.
 */

/** The seeds: the five regulations quoted in docs/regulations.md, by their number there. */
export type SeedId = '000' | '001' | '002' | '003' | '004';

/** The seeds' titles, as docs/regulations.md heads them. */
export const SEED_TITLES: Record<SeedId, string> = {
  '000': '芜湖市统计局政务数据资源共享工作制度（芜统〔2020〕1号）',
  '001': '关于建立健全政务数据共享协调机制 快速推进数据有序共享的实施意见（阳泉市，含附件的填报释义）',
  '002': '关于打造“皖事通办”市级平台加快数据归集共享的实施意见（黄山市）',
  '003': '江门市政务大数据管理平台建设工作方案（江府办函〔2017〕82号）',
  '004': '抚州市政务信息资源共享实施细则（乐安县人民政府转发，乐府发〔2018〕12号）',
};

export interface SeedRef {
  source: SeedId;
  /** As the seed numbers it: 第七条, 附件1 …, 四、（二）…; a heading in docs/regulations.md. */
  article: string;
}

export interface RuleExample {
  /** What the example workbook holds, as a clerk would say it. */
  note: string;
  book: () => WorkbookGrid;
  options?: () => ValidateOptions;
  /** Where the rule's first issue points (fire examples of rules about one cell). */
  cell?: string;
}

export interface RuleDecl {
  severity: Severity;
  title: string;
  description: string;
  /** zh-CN text with `{name}` parameters. */
  message: string;
  /** Other wordings of the same rule, chosen with `variant` in the parameters. */
  variants?: Readonly<Record<string, string>>;
  /** The seed article the rule comes from; null for limits of Excel or of the engine itself. */
  source: SeedRef | null;
  /** A national standard the rule checks against, when there is one. */
  standard?: string;
  examples: { fire: RuleExample; quiet: RuleExample };
}

const ex = (note: string, b: () => WorkbookGrid, more: Omit<RuleExample, 'note' | 'book'> = {}): RuleExample => ({ note, book: b, ...more });
const s = (source: SeedId, article: string): SeedRef => ({ source, article });

/** A template cell of item `name` typed `type`: one value that breaks the type, one that keeps it. */
function typeExamples(name: string, type: string, len: number | null, bad: CellValue, good: CellValue) {
  const shown = (v: CellValue) => (typeof v === 'string' ? `“${v}”` : String(v));
  const note = (v: CellValue) => `数据类型 ${type}${len ? `、长度 ${len}` : ''} 的“${name}”填 ${shown(v)}`;
  return {
    fire: ex(note(bad), () => single(name, type, len, bad).book, { options: () => single(name, type, len, bad).options, cell: 'A4' }),
    quiet: ex(note(good), () => single(name, type, len, good).book, { options: () => single(name, type, len, good).options }),
  };
}

const CAT_HEAD = ['序号', '部门名称', '数据资源名称', '信息项名称', '共享类型', '共享方式', '更新周期'];
const ATTACH1 = '附件1 政务数据资源目录编制规范';
const ATTACH2 = '附件2 共享数据需求填报说明';
const ATTACH3 = '附件3 政务数据资源目录编制工作联系表';
const SHARE_CLASSES = '四、（二）确定政务信息资源共享交换方式';
const ONE_SOURCE = '四、（二）规范政务数据采集';
const person1 = () => tpl(person, [personRow('11010519491231002X')]);
const onPerson = () => against(person);
const onCompany = () => against(company);

export const RULES = {
  // Sheets and headers
  'sheet.unrecognised': {
    severity: 'warning', title: '无法识别的工作表',
    description: '工作表的前 20 行中找不到任何一种表格的表头，也不是已知资源的数据模板；此表不会被校验。',
    message: '无法识别“{sheet}”是哪种表：前 20 行中没有找到数据资源目录、共享责任清单、负面清单、共享需求清单、工作联系表的表头，也不是已知资源的数据模板。此表未被校验',
    source: null,
    examples: {
      fire: ex('只有填表说明文字的工作表', () => book(sheet('填表说明', [['填表说明'], ['一、请按编制规范填写'], ['二、不予共享须写明依据']]))),
      quiet: ex('标准的数据资源目录', () => cat({})),
    },
  },
  'sheet.empty': {
    severity: 'warning', title: '表头下没有数据',
    description: '认出了表头，但表头下一行数据也没有。',
    message: '“{sheet}”表头下没有数据，请填写后再校验',
    source: null,
    examples: {
      fire: ex('只有表头的共享需求清单', () => book(sheet('共享需求清单', [['共享需求清单'], DEMAND_HEADER]))),
      quiet: ex('有一条需求的共享需求清单', () => demand({})),
    },
  },
  'header.missing-column': {
    severity: 'error', title: '缺少必填列',
    description: '表格缺少规定的列，或某些资源按其取值须填写的列（如不予共享依据）。',
    message: '缺少“{label}”列，请在第 {headerRow} 行表头中加上此列',
    variants: {
      synonyms: '缺少“{label}”列，请在第 {headerRow} 行表头中加上此列（也可写作：{synonyms}）',
      conditional: '有资源的{decider}为{value}，但表中没有“{label}”列，请在第 {headerRow} 行表头中加上此列并为这些资源填写（各资源在其第一行另有提示）',
    },
    source: s('001', ATTACH1),
    examples: {
      fire: ex('目录没有“责任科室”列', () => catWithHeaders(CAT_HEAD)),
      quiet: ex('目录有全部必填列', () => cat({})),
    },
  },
  'header.unknown-column': {
    severity: 'warning', title: '无法识别的列',
    description: '表头中有不属于此类表格的列；此列保留，但内容不被校验。',
    message: '无法识别“{header}”列，此列的内容不会被校验；如它是标准列，请改用标准列名',
    variants: { template: '“{header}”不是资源“{resource}”的信息项，此列不会被校验；如是新增信息项，请先在目录中登记' },
    source: null,
    examples: {
      fire: ex('目录多了一列“联系人QQ”', () => catWithHeaders([...CAT_HEAD, '责任科室', '联系人QQ']), { cell: 'I2' }),
      quiet: ex('目录只有标准列', () => cat({})),
    },
  },
  'header.duplicate-column': {
    severity: 'error', title: '重复的列',
    description: '两列表示同一个标准列（如“数据资源名称”和“信息资源名称”），无法确定以哪一列为准。',
    message: '“{header}”与前面的列都表示“{label}”，请删除或改名其中一列',
    source: null,
    examples: {
      fire: ex('“数据资源名称”和“信息资源名称”两列', () => catWithHeaders(['序号', '部门名称', '数据资源名称', '信息资源名称', '信息项名称', '共享类型', '共享方式', '更新周期', '责任科室']), { cell: 'D2' }),
      quiet: ex('每个标准列只有一列', () => cat({})),
    },
  },

  // Any cell
  'cell.required': {
    severity: 'error', title: '必填项为空',
    description: '必填列的单元格为空。资源一级的列（部门名称、数据资源名称、共享类型、责任科室等）在资源的第一行填写一次即可。',
    message: '{resource}“{header}”{alias}不能为空，请填写',
    source: s('001', ATTACH1),
    examples: {
      fire: ex('资源的“责任科室”为空', () => cat({ 责任科室: null }), { cell: 'R3' }),
      quiet: ex('责任科室填“综合科”', () => cat({})),
    },
  },
  // Excel stops a cell at 32,767 characters; only a crafted grid holds more.
  'cell.too-long': {
    severity: 'error', title: '单元格文本超过 Excel 的 32,767 个字符上限',
    description: 'Excel 一个单元格最多 32,767 个字符；更长的文本只可能来自程序生成的文件。',
    message: '单元格有 {length} 个字符，超过 Excel 单元格最多 {limit} 个字符的上限，请精简内容或拆分到多个单元格',
    source: null,
    examples: {
      fire: ex('共享条件有 32,768 个字符', () => cat({ 共享条件: 'x'.repeat(32_768), 共享类型: '有条件共享' }), { cell: 'I3' }),
      quiet: ex('共享条件有 32,767 个字符', () => cat({ 共享条件: 'x'.repeat(32_767), 共享类型: '有条件共享' })),
    },
  },
  'cell.code': {
    severity: 'error', title: '取值不在代码表中',
    description: '共享类型、共享方式、更新周期、开放属性、数据类型、安全级别等列只能填规定的取值（也接受各地文件中的同义写法，如“无条件使用”即“无条件共享”）。',
    message: '{label}{value}不是规定的取值，请从以下选择：{allowed}',
    variants: { part: '{label}中的{value}不是规定的取值，请从以下选择：{allowed}' },
    source: s('001', ATTACH1),
    examples: {
      fire: ex('共享类型填“部分共享”', () => cat({ 共享类型: '部分共享' }), { cell: 'H3' }),
      quiet: ex('共享类型填“无条件使用”（即无条件共享）', () => cat({ 共享类型: '无条件使用' })),
    },
  },
  'cell.positive-int': {
    severity: 'error', title: '应为正整数',
    description: '序号、数据长度须为正整数。',
    message: '{label}应为正整数，当前为{value}',
    source: s('001', ATTACH1),
    examples: {
      fire: ex('序号填“第一”', () => cat({ 序号: '第一' }), { cell: 'A3' }),
      quiet: ex('序号填 7', () => cat({ 序号: 7 })),
    },
  },
  'cell.duplicate': {
    severity: 'error', title: '取值重复',
    description: '序号、资源代码在一张表内不能重复。',
    message: '{label}{value}与第 {first} 行重复，每条记录的{label}须唯一',
    source: s('001', ATTACH1),
    examples: {
      fire: ex('两条资源的序号都是 1', () => cat({ 序号: 1 }, { 序号: 1 }), { cell: 'A5' }),
      quiet: ex('序号 1、2', () => cat({ 序号: 1 }, { 序号: 2 })),
    },
  },
  'cell.resource-code': {
    severity: 'error', title: '资源代码格式不正确',
    description: '信息资源代码由前段码和后段码组成，中间用“/”分隔（《政务信息资源目录编制指南》）；各地前段码长度不一，只检查形式。',
    message: '{label}应写成“前段码/后段码”，如 307021022100/000009 或 BA6006/000218，当前为{value}',
    source: s('004', '第二十七条'),
    standard: '政务信息资源目录编制指南（2017）',
    examples: {
      fire: ex('资源代码“307021022100-000009”', () => cat({ 资源代码: '307021022100-000009' }), { cell: 'C3' }),
      quiet: ex('资源代码“BA6006/000218”', () => cat({ 资源代码: 'BA6006/000218' })),
    },
  },
  'cell.frequency-period': {
    severity: 'error', title: '更新周期为“其他”时须写明具体周期',
    description: '更新周期选“其他”时，由部门写明具体的更新周期，如每三年。',
    message: '{label}为“其他”时请写明具体周期，如“其他（每三年）”或直接写“每三年”',
    source: s('001', ATTACH1),
    examples: {
      fire: ex('更新周期只填“其他”', () => cat({ 更新周期: '其他' }), { cell: 'L3' }),
      quiet: ex('更新周期填“其他（每三年）”', () => cat({ 更新周期: '其他（每三年）' })),
    },
  },
  'cell.domain-other': {
    severity: 'error', title: '所属领域为“其他”时须写明领域',
    description: '所属领域不在标准领域中时，须写明具体的领域。',
    message: '{label}填写了“其他”，请写明具体领域（如“档案管理”），或从标准领域中选择：{allowed}',
    source: s('001', ATTACH1),
    examples: {
      fire: ex('所属领域只填“其他”', () => cat({ 所属领域: '其他' }), { cell: 'O3' }),
      quiet: ex('所属领域填“其他：档案管理”', () => cat({ 所属领域: '其他：档案管理' })),
    },
  },
  'cell.citation': {
    severity: 'error', title: '依据未引用法律法规名称',
    description: '不予共享的资源必须有法律、行政法规或政策依据；依据须写出法律法规的名称并加书名号《》。',
    message: '{label}须引用法律、法规或政策的名称并加书名号，如“《中华人民共和国统计法》第二十五条”，当前为{value}',
    source: s('004', '第七条'),
    examples: {
      fire: ex('不予共享依据填“涉及国家秘密”', () => cat({ ...unshared('甲'), 不予共享依据: '涉及国家秘密' }), { cell: 'J3' }),
      quiet: ex('不予共享依据填“《中华人民共和国统计法》第二十五条”', () => cat(unshared('甲'))),
    },
  },
  'cell.citation-article': {
    severity: 'warning', title: '依据未写明具体条款',
    description: '不予共享的，应说明所依据的法律和法规的具体条款（第…条）。',
    message: '{label}已引用{title}，请补充具体条款（第…条），便于审核',
    source: s('001', ATTACH1),
    examples: {
      fire: ex('不予共享依据只写“《中华人民共和国统计法》”', () => cat({ ...unshared('甲'), 不予共享依据: '《中华人民共和国统计法》' }), { cell: 'J3' }),
      quiet: ex('依据写到“第二十五条”', () => cat(unshared('甲'))),
    },
  },
  'cell.mobile': {
    severity: 'error', title: '手机号码格式不正确',
    description: '手机号为 11 位大陆手机号码，可写 +86，可用空格或连字符分段。',
    message: '{column}{problem}',
    source: s('001', ATTACH3),
    examples: {
      fire: ex('手机填“1380013800”（10 位）', () => contact(null, '1380013800'), { cell: 'F3' }),
      quiet: ex('手机填“138 0013 8000”', () => contact(null, '138 0013 8000')),
    },
  },
  'cell.landline': {
    severity: 'error', title: '电话号码格式不正确',
    description: '办公电话写作“区号-号码”，区号须存在，本地号码 7–8 位。',
    message: '{column}{problem}',
    source: s('001', ATTACH3),
    examples: {
      fire: ex('办公电话填“12345”', () => contact('12345', null), { cell: 'E3' }),
      quiet: ex('办公电话填“0553-3831234”', () => contact('0553-3831234', null)),
    },
  },
  'cell.email': {
    severity: 'error', title: '电子邮箱格式不正确',
    description: '电子邮箱须为“用户名@域名.后缀”的形式，只用半角字符。',
    message: '{column}{problem}',
    source: s('001', ATTACH3),
    examples: {
      fire: ex('电子邮箱填“李明@wuhu”', () => contact('0553-3831234', null, '李明@wuhu'), { cell: 'G3' }),
      quiet: ex('电子邮箱填“liming@wuhu.gov.cn”', () => contact('0553-3831234', null, 'liming@wuhu.gov.cn')),
    },
  },

  // Resource groups
  'group.inconsistent': {
    severity: 'error', title: '同一资源内取值不一致',
    description: '一条资源占多行（每个信息项一行），资源一级的单元格只在第一行填写，下面留空或合并；同一资源内写了不同的值即为错误。',
    message: '同一资源的“{header}”应只在第一行填写一次：第 {firstRow} 行为{first}，此行为{value}；如是另一条资源，请填写序号和资源名称另起一组',
    source: s('000', '附件1 芜湖市政务数据共享目录（2019年版）'),
    examples: {
      fire: ex('资源第二行的共享类型写成“不予共享”', () => catWithRow((rows) => (rows[3][7] = '不予共享'), {}), { cell: 'H4' }),
      quiet: ex('资源第二行重复写“无条件共享”', () => catWithRow((rows) => (rows[3][7] = '无条件共享'), {})),
    },
  },

  // Catalogue
  'catalogue.empty': {
    severity: 'error', title: '目录中没有数据资源',
    description: '数据资源目录只有表头，没有登记任何资源。',
    message: '“{sheet}”只有表头，没有登记任何数据资源。请在第 {headerRow} 行表头下逐行填写本部门的数据资源（每个信息项一行），再校验提交',
    source: s('001', '（二）组织政务数据资源目录编制和填报'),
    examples: {
      fire: ex('只有表头的目录', () => book(catalogueSheet([]))),
      quiet: ex('有一条资源的目录', () => cat({})),
    },
  },
  'catalogue.duplicate-item': {
    severity: 'error', title: '同一资源内信息项重复',
    description: '同一资源的信息项不能重复。',
    message: '{about}信息项{value}与第 {first} 行重复，请删除重复行',
    source: s('001', ATTACH1),
    examples: {
      fire: ex('资源有两个信息项“年份”', () => cat({ items: [['年份', 'N', 4], ['年份', 'N', 4]] }), { cell: 'E4' }),
      quiet: ex('信息项“年份”“地区生产总值”', () => cat({})),
    },
  },
  'catalogue.duplicate-resource': {
    severity: 'warning', title: '同一部门内资源名称重复',
    description: '同一部门两条资源同名，多半是一条资源被拆成了两组。',
    message: '资源名称{value}与第 {first} 行的资源相同；如是同一资源，请合并为一组，否则请改名加以区分',
    source: s('000', '附件1 芜湖市政务数据共享目录（2019年版）'),
    examples: {
      fire: ex('两条资源都叫“企业名录”', () => cat({ 数据资源名称: '企业名录' }, { 数据资源名称: '企业名录' }), { cell: 'D5' }),
      quiet: ex('“企业名录”和“个体户名录”', () => cat({ 数据资源名称: '企业名录' }, { 数据资源名称: '个体户名录' })),
    },
  },
  'catalogue.unshared-basis': {
    severity: 'error', title: '不予共享须填写依据',
    description: '凡列入不予共享类的资源，必须有法律、行政法规或上级部门的政策依据。',
    message: '{about}共享类型为“不予共享”时须填写不予共享依据，并引用法律法规名称《…》及条款（第…条）{noColumn}',
    source: s('004', '第七条'),
    examples: {
      fire: ex('不予共享，依据为空', () => cat({ ...unshared('甲'), 不予共享依据: null }), { cell: 'J3' }),
      quiet: ex('不予共享，依据“《中华人民共和国统计法》第二十五条”', () => cat(unshared('甲'))),
    },
  },
  'catalogue.unshared-open': {
    severity: 'error', title: '不予共享的资源不能无条件开放',
    description: '部门之间都不予共享的资源，不能向社会无条件开放。',
    message: '{about}部门间不予共享的资源不能向社会无条件开放，请改为“不予开放”或“有条件开放”，或重新核定共享类型',
    source: s('003', SHARE_CLASSES),
    examples: {
      fire: ex('不予共享，开放属性“无条件开放”', () => cat({ ...unshared('甲'), 开放属性: '无条件开放' }), { cell: 'M3' }),
      quiet: ex('不予共享，开放属性“不予开放”', () => cat(unshared('甲'))),
    },
  },
  'catalogue.share-condition': {
    severity: 'error', title: '有条件共享须填写共享条件',
    description: '有条件共享的资源只提供给相关部门或只提供一部分，须写明共享条件。',
    message: '{about}共享类型为“有条件共享”时须写明共享条件（如：仅限办理××业务时使用）{noColumn}',
    source: s('004', '第六条'),
    examples: {
      fire: ex('有条件共享，共享条件为空', () => cat({ 共享类型: '有条件共享' }), { cell: 'I3' }),
      quiet: ex('有条件共享，共享条件“仅限办理统计执法业务使用”', () => cat({ 共享类型: '有条件共享', 共享条件: '仅限办理统计执法业务使用' })),
    },
  },
  'catalogue.open-condition': {
    severity: 'error', title: '有条件开放须填写开放条件',
    description: '有条件向社会开放的资源须写明开放条件。',
    message: '{about}开放属性为“有条件开放”时须写明开放条件{noColumn}',
    source: s('003', SHARE_CLASSES),
    examples: {
      fire: ex('有条件开放，开放条件为空', () => cat({ 开放属性: '有条件开放' }), { cell: 'N3' }),
      quiet: ex('有条件开放，开放条件“实名申请后开放”', () => cat({ 开放属性: '有条件开放', 开放条件: '实名申请后开放' })),
    },
  },
  'catalogue.share-method': {
    severity: 'error', title: '共享的资源须填写共享方式',
    description: '无条件共享和有条件共享的资源须明确共享方式（接口、文件、库表、系统对接、前置机共享等）。',
    message: '{about}共享类型为“{decider}”时须填写共享方式（如接口、文件、库表）{noColumn}',
    source: s('004', '第二十七条'),
    examples: {
      fire: ex('无条件共享，共享方式为空', () => cat({ 共享方式: null }), { cell: 'K3' }),
      quiet: ex('不予共享，共享方式为空', () => cat({ ...unshared('甲'), 共享方式: null })),
    },
  },
  'catalogue.update-frequency': {
    severity: 'error', title: '共享的资源须填写更新周期',
    description: '共享的资源须写明更新周期，数据按此周期更新或零上报。',
    message: '{about}共享类型为“{decider}”时须填写更新周期（实时、每日、每周、每月、每季度、每年或写明具体周期）{noColumn}',
    source: s('004', '第二十七条'),
    examples: {
      fire: ex('无条件共享，更新周期为空', () => cat({ 更新周期: null }), { cell: 'L3' }),
      quiet: ex('无条件共享，更新周期“每季度”', () => cat({ 更新周期: '每季度' })),
    },
  },
  'catalogue.level4-open': {
    severity: 'error', title: '4级数据须不予开放',
    description: '4级数据泄漏后会对个人人身安全、法人或国家机关的正常运作造成非常严重的损害，开放属性须为不予开放。',
    message: '{about}安全级别为4级的数据泄露会造成非常严重的损害，开放属性须为“不予开放”{noColumn}',
    source: s('001', ATTACH1),
    examples: {
      fire: ex('4级，有条件开放', () => cat({ 安全级别: '4级', 开放属性: '有条件开放', 开放条件: '申请' }), { cell: 'M3' }),
      quiet: ex('4级，不予开放', () => cat({ 安全级别: '4级', 开放属性: '不予开放' })),
    },
  },
  'catalogue.level3-open': {
    severity: 'warning', title: '3级数据无条件开放',
    description: '3级数据一般不宜无条件向社会开放，请确认。',
    message: '{about}安全级别为3级的数据一般不宜无条件开放，请确认或改为“有条件开放”',
    source: s('001', ATTACH1),
    examples: {
      fire: ex('3级，无条件开放', () => cat({ 安全级别: '3级', 开放属性: '无条件开放' }), { cell: 'M3' }),
      quiet: ex('3级，不予开放', () => cat({ 安全级别: '3级', 开放属性: '不予开放' })),
    },
  },
  'catalogue.personal-id-open': {
    severity: 'error', title: '含公民身份号码的资源不能无条件开放',
    description: '信息项中有身份证号、公民身份号码或证件号码的资源涉及个人信息安全，不能向社会无条件开放。',
    message: '{about}含有公民身份号码（第 {row} 行“{item}”），不能向社会无条件开放，请改为“有条件开放”或“不予开放”',
    source: s('002', '四、（六）强化数据安全管理'),
    examples: {
      fire: ex('含“身份证号”，无条件开放', () => cat({ 开放属性: '无条件开放', items: [['姓名', 'C', 50], ['身份证号', 'C', 18]] }), { cell: 'M3' }),
      quiet: ex('含“身份证号”，有条件开放（本人授权）', () => cat({ 开放属性: '有条件开放', 开放条件: '本人授权', items: [['姓名', 'C', 50], ['身份证号', 'C', 18]] })),
    },
  },
  'catalogue.natural-person-items': {
    severity: 'warning', title: '自然人数据缺少姓名、证件类型或证件号码',
    description: '提供自然人信息时，须同时提供姓名和身份证件类型、号码，以便比对。',
    message: '资源{resource}是关于自然人的数据，按规定须同时提供姓名、证件类型和证件号码，缺少信息项：{missing}',
    source: s('004', '第十六条'),
    examples: {
      fire: ex('信息项只有“姓名”“性别”', () => cat({ items: [['姓名', 'C', 50], ['性别', 'C', 2]] }), { cell: 'D3' }),
      quiet: ex('信息项“姓名”“身份证号”', () => cat({ items: [['姓名', 'C', 50], ['身份证号', 'C', 18]] })),
    },
  },
  'catalogue.legal-person-items': {
    severity: 'warning', title: '法人数据缺少统一社会信用代码',
    description: '提供法人和其他组织信息时，须同时提供统一社会信用代码或企业注册号。',
    message: '资源{resource}是关于法人或其他组织的数据，按规定须同时提供统一社会信用代码（或企业注册号），请增加该信息项',
    source: s('004', '第二十一条'),
    examples: {
      fire: ex('信息项“企业名称”“组织机构代码”', () => cat({ items: [['企业名称', 'C', 100], ['组织机构代码', 'C', 10]] }), { cell: 'D3' }),
      quiet: ex('信息项“企业名称”“统一社会信用代码”', () => cat({ items: [['企业名称', 'C', 100], ['统一社会信用代码', 'C', 18]] })),
    },
  },

  // Demand list
  'demand.rejection-reason': {
    severity: 'error', title: '已申请的需求须填写驳回理由',
    description: '已申请过该数据的，须补充驳回理由；申请已通过的，驳回理由写“申请已通过”。',
    message: '是否已申请为“是”时须填写驳回理由；如申请已通过，请写“申请已通过”',
    source: s('001', ATTACH2),
    examples: {
      fire: ex('是否已申请“是”，驳回理由为空', () => demand({ 是否已申请: '是' }), { cell: 'J3' }),
      quiet: ex('是否已申请“是”，驳回理由“申请已通过”', () => demand({ 是否已申请: '是', 驳回理由: '申请已通过' })),
    },
  },
  'demand.source-basis': {
    severity: 'error', title: '目录中没有的数据须填写数据来源依据',
    description: '提供部门的目录中没有所需数据时，须填写数据来源依据：法律法规的规定或确切掌握的数据汇聚情况。',
    message: '目录中没有{name}，请填写数据来源依据（法律法规规定或确切掌握的数据汇聚情况）',
    source: s('001', ATTACH2),
    examples: {
      fire: ex('需求“不动产登记信息”不在目录中，来源依据为空', () => demand({ 需求数据名称: '不动产登记信息' }), { options: () => against(resource()), cell: 'K3' }),
      quiet: ex('需求“统计调查证信息表”在目录中', () => demand({ 需求数据名称: '统计调查证信息表' }), { options: () => against(resource()) }),
    },
  },
  'demand.one-provider': {
    severity: 'error', title: '一条需求只能对应一个提供部门',
    description: '每条需求发给一个提供部门答复；需要几个部门的数据时拆成几行。',
    message: '一条需求只能对应一个提供部门，{value}含多个部门，请拆成多行，每行一个部门',
    source: s('001', ATTACH2),
    examples: {
      fire: ex('提供部门“市公安局、市民政局”', () => demand({ 提供部门: '市公安局、市民政局' }), { cell: 'D3' }),
      quiet: ex('提供部门“芜湖市公安局”', () => demand({})),
    },
  },
  'demand.scene': {
    severity: 'error', title: '应用场景须写明减材料、减填写或业务协同',
    description: '应用场景描述所需数据在办事过程中如何应用：减材料、减填写、业务协同，并写明所服务的办理事项。',
    message: '应用场景须写明减材料、减填写或业务协同（可多选），并写明所服务的办理事项',
    source: s('001', ATTACH2),
    examples: {
      fire: ex('应用场景“方便群众办事”', () => demand({ 应用场景: '方便群众办事' }), { cell: 'F3' }),
      quiet: ex('应用场景“减填写、业务协同：企业开办”', () => demand({ 应用场景: '减填写、业务协同：企业开办' })),
    },
  },
  'demand.items': {
    severity: 'warning', title: '未列出需求信息项',
    description: '列出所需的信息项，提供部门才能核对。',
    message: '请列出所需的信息项（用顿号分隔），便于提供部门核对',
    source: s('001', ATTACH2),
    examples: {
      fire: ex('需求信息项为空', () => demand({ 需求信息项: null }), { cell: 'E3' }),
      quiet: ex('需求信息项“姓名、身份证号”', () => demand({})),
    },
  },

  // Contact form
  'contact.phone-required': {
    severity: 'error', title: '未填写联系电话',
    description: '联系人至少留一个办公电话或手机。',
    message: '请至少填写办公电话或手机中的一项',
    source: s('001', ATTACH3),
    examples: {
      fire: ex('办公电话和手机都为空', () => contact(null, null), { cell: 'F3' }),
      quiet: ex('手机“13800138000”', () => contact(null, '13800138000')),
    },
  },

  // Across sheets
  'cross.negative-not-in-catalogue': {
    severity: 'error', title: '负面清单中的资源不在目录中',
    description: '负面清单的每一条都须对应目录中一条不予共享的资源（同一工作簿中的目录，或服务器上已通过的目录）。',
    message: '负面清单中的{name}在目录中找不到，请核对资源名称是否与目录一致，或先在目录中登记该资源并标为“不予共享”',
    source: s('000', '第四条'),
    examples: {
      fire: ex('负面清单写“统计原始资料”，目录中是“统计调查原始资料”', () => book(catalogueSheet([validResource(unshared('统计调查原始资料'))]), negative('统计原始资料')), { cell: 'C3' }),
      quiet: ex('两表都写“统计调查原始资料”', () => book(catalogueSheet([validResource(unshared('统计调查原始资料'))]), negative('统计调查原始资料'))),
    },
  },
  'cross.negative-not-unshared': {
    severity: 'error', title: '负面清单中的资源在目录中不是不予共享',
    description: '列入负面清单的资源，在目录中的共享类型须为不予共享。',
    message: '{name}列入了负面清单，但目录中的共享类型为“{shareType}”；请把目录中的共享类型改为“不予共享”，或从负面清单中删除',
    source: s('004', '第七条'),
    examples: {
      fire: ex('负面清单中的资源在目录中为无条件共享', () => book(catalogueSheet([validResource({ 数据资源名称: '统计调查原始资料' })]), negative('统计调查原始资料')), { cell: 'C3' }),
      quiet: ex('目录中为不予共享', () => book(catalogueSheet([validResource(unshared('统计调查原始资料'))]), negative('统计调查原始资料'))),
    },
  },
  'cross.unshared-not-in-negative': {
    severity: 'warning', title: '不予共享的资源未列入负面清单',
    description: '目录中不予共享的资源，应列入负面清单并写明法律法规依据。',
    message: '{name}为“不予共享”，但未列入负面清单，请在负面清单中补充该资源及其法律法规依据',
    source: s('000', '第四条'),
    examples: {
      fire: ex('“甲”“乙”都不予共享，负面清单只有“乙”', () => book(catalogueSheet([validResource(unshared('甲')), validResource(unshared('乙'))]), negative('乙')), { cell: 'D3' }),
      quiet: ex('“甲”不予共享，也在负面清单中', () => book(catalogueSheet([validResource(unshared('甲'))]), negative('甲'))),
    },
  },
  'cross.responsibility-not-in-catalogue': {
    severity: 'error', title: '责任清单中的资源或信息项不在目录中',
    description: '共享责任清单的每一行须与本部门目录中的资源和信息项一致。',
    message: '责任清单中的{name}在目录中找不到，请与目录中的资源名称保持一致',
    variants: { item: '信息项{item}不在目录资源{name}中，请核对名称' },
    source: s('000', '第四条'),
    examples: {
      fire: ex('责任清单的信息项“人口数”不在目录资源中', () => book(catalogueSheet([validResource({ 数据资源名称: '年度统计公报' })]), responsibility('年度统计公报', '人口数', '无条件共享')), { cell: 'D3' }),
      quiet: ex('信息项“年份”在目录资源中', () => book(catalogueSheet([validResource({ 数据资源名称: '年度统计公报' })]), responsibility('年度统计公报', '年份', '无条件共享'))),
    },
  },
  'cross.responsibility-mismatch': {
    severity: 'error', title: '责任清单与目录不一致',
    description: '责任清单中的共享类型、更新周期须与目录中的相同。',
    message: '{label}与目录不一致：目录中为“{expected}”，此处为{value}',
    source: s('000', '第四条'),
    examples: {
      fire: ex('目录为无条件共享，责任清单写“有条件共享”', () => book(catalogueSheet([validResource({ 数据资源名称: '年度统计公报' })]), responsibility('年度统计公报', '年份', '有条件共享')), { cell: 'E3' }),
      quiet: ex('责任清单写“无条件使用”（即无条件共享）', () => book(catalogueSheet([validResource({ 数据资源名称: '年度统计公报' })]), responsibility('年度统计公报', '年份', '无条件使用'))),
    },
  },

  // Data templates
  'template.resource-not-found': {
    severity: 'error', title: '找不到数据模板对应的目录资源',
    description: '数据模板按目录资源的信息项、数据类型校验；找不到该资源的目录时无法校验。',
    message: '此数据模板属于资源“{resource}”，但找不到它的目录信息（信息项、数据类型），无法校验数据。请把该资源所在的目录表放进同一工作簿，或在命令行用 --catalog 指定目录文件',
    source: s('004', '第二十八条'),
    examples: {
      fire: ex('数据模板，没有目录', person1),
      quiet: ex('同一模板，给出目录', person1, { options: onPerson }),
    },
  },
  'template.missing-column': {
    severity: 'error', title: '数据模板缺少信息项列',
    description: '数据模板每个信息项一列；缺了某个信息项的列，这一项的数据就无法上报。',
    message: '缺少信息项“{item}”的列，请按目录在第 {headerRow} 行表头补上此列（可重新生成数据模板）',
    variants: { noHeader: '找不到资源“{resource}”的信息项表头，请在模板标识下一行按目录填写表头（可重新生成数据模板）' },
    source: s('004', '第二十八条'),
    examples: {
      fire: ex('表头只有“证件编号”“姓名”，缺“身份证号”', () => book({ name: 'T', rows: [['证件编号', '姓名'], ['TJ001', '张三']] }), { options: onPerson }),
      quiet: ex('三个信息项都有列', () => book({ name: 'T', rows: [['证件编号', '姓名', '身份证号'], ['TJ001', '张三', '11010519491231002X']] }), { options: onPerson }),
    },
  },
  'template.outdated': {
    severity: 'warning', title: '数据模板版本已过期',
    description: '模板按旧版本的目录生成，目录之后又通过了新版本；请重新生成模板。',
    message: '此模板按目录第 {version} 版生成，目录已更新到第 {current} 版，请重新生成数据模板后填报',
    source: s('004', '第二十八条'),
    examples: {
      fire: ex('第 1 版的模板，目录已是第 2 版', () => tpl({ ...person, version: 1 }, [personRow('11010519491231002X')]), { options: () => against({ ...person, version: 2 }) }),
      quiet: ex('第 2 版的模板', () => tpl({ ...person, version: 2 }, [personRow('11010519491231002X')]), { options: () => against({ ...person, version: 2 }) }),
    },
  },
  'template.no-rows': {
    severity: 'error', title: '没有数据行也未声明零上报',
    description: '本期没有新数据时也要上报，做“零上报”，而不是提交空表。',
    message: '表中没有数据行。如本期确无数据，请生成“零上报”，不要提交空表',
    source: s('004', '第三十四条'),
    examples: {
      fire: ex('空的数据模板', () => tpl(person, []), { options: onPerson }),
      quiet: ex('零上报', () => tpl(person, [], { zeroReport: true }), { options: onPerson }),
    },
  },
  'template.zero-report-with-rows': {
    severity: 'error', title: '声明零上报却填写了数据',
    description: '零上报表示本期没有数据，不能同时填写数据行。',
    message: '此表声明为零上报（本期无数据），却填写了 {rows} 行数据；请删除数据行，或把模板标识中的“零上报：是”改为“否”',
    source: s('004', '第三十四条'),
    examples: {
      fire: ex('零上报却有一行数据', () => tpl(person, [personRow('11010519491231002X')], { zeroReport: true }), { options: onPerson }),
      quiet: ex('零上报，没有数据行', () => tpl(person, [], { zeroReport: true }), { options: onPerson }),
    },
  },
  'template.merged-cells': {
    severity: 'warning', title: '数据区域有合并单元格',
    description: '数据行中合并的单元格只有左上角有值，其余行上报为空值。',
    message: '数据区域不应合并单元格（{range}）：合并后只有左上角单元格有值，其余行会被当作空值上报。请取消合并并在每行填写',
    source: s('004', '第二十八条'),
    examples: {
      fire: ex('两行的“姓名”合并为一格', () => book({ ...templateSheet(person, [personRow('11010519491231002X'), personRow('340202198001010015', null, 'TJ002')]), merges: [{ top: 4, left: 2, bottom: 5, right: 2 }] }), { options: onPerson, cell: 'B4' }),
      quiet: ex('只有标题行合并', () => book({ ...templateSheet(person, [personRow('11010519491231002X'), personRow('340202198001010015', '张三', 'TJ002')]), merges: [{ top: 1, left: 1, bottom: 1, right: 3 }] }), { options: onPerson }),
    },
  },
  'template.text-length': {
    severity: 'error', title: '文本超过数据长度',
    description: '字符型、备注型信息项的文本不能超过目录中的数据长度。',
    message: '“{header}”最长 {length} 个字符，此处有 {actual} 个，请精简或核对数据长度',
    source: s('001', ATTACH1),
    examples: typeExamples('单位简称', 'C', 4, '芜湖市统计局', '统计局'),
  },
  'template.number': {
    severity: 'error', title: '应为数值',
    description: '数值型、双精度型、浮点型信息项须填数值（可带千分位逗号）。',
    message: '“{header}”应填数值，如 12.5',
    source: s('001', ATTACH1),
    examples: typeExamples('产值', 'N', null, '约一亿', '1,234.5'),
  },
  'template.integer': {
    severity: 'error', title: '应为整数',
    description: '整型信息项须填整数。',
    message: '“{header}”应填整数，如 12',
    source: s('001', ATTACH1),
    examples: typeExamples('户数', 'I', null, 12.5, '12'),
  },
  'template.money': {
    severity: 'error', title: '应为金额（最多两位小数）',
    description: '货币型信息项须填金额，最多两位小数（可带 ¥）。',
    message: '“{header}”应填金额，最多两位小数，如 1234.50',
    source: s('001', ATTACH1),
    examples: typeExamples('金额', 'Y', null, 12.345, '¥12.30'),
  },
  'template.number-length': {
    severity: 'error', title: '数值位数超过数据长度',
    description: '数值的位数不能超过目录中的数据长度。',
    message: '“{header}”的数字位数超过数据长度 {length}',
    source: s('001', ATTACH1),
    examples: typeExamples('产值', 'N', 4, 123456, 1234),
  },
  'template.date': {
    severity: 'error', title: '应为日期',
    description: '日期型信息项须填真实存在的日期：Excel 日期，或 2020-01-31、2020/1/31、2020年1月31日。',
    message: '“{header}”应填日期，如 2020-01-31、2020/1/31 或 2020年1月31日',
    source: s('001', ATTACH1),
    examples: typeExamples('发证日期', 'D', null, '2020-02-30', '2020年1月31日'),
  },
  'template.datetime': {
    severity: 'error', title: '应为日期时间',
    description: '日期时间型信息项须填日期和时间。',
    message: '“{header}”应填日期时间，如 2020-01-31 08:30:00',
    source: s('001', ATTACH1),
    examples: typeExamples('交换时间', 'T', null, '2020-01-31 25:00', '2020-01-31 08:30:00'),
  },
  'template.logical': {
    severity: 'error', title: '应为是或否',
    description: '逻辑型信息项填“是”或“否”（也可填 true/false、1/0）。',
    message: '“{header}”应填“是”或“否”（也可填 true/false、1/0）',
    source: s('001', ATTACH1),
    examples: typeExamples('是否有效', 'L', null, '也许', '是'),
  },
  'template.duplicate-key': {
    severity: 'error', title: '主键重复',
    description: '一数一源：同一条数据（主键相同）只能报送一次。',
    message: '主键（{keys}）与第 {first} 行重复，同一数据只能报送一次',
    variants: { wholeRow: '此行与第 {first} 行完全相同，请删除重复行' },
    source: s('002', ONE_SOURCE),
    examples: {
      fire: ex('两行的证件编号都是 TJ001', () => tpl(person, [personRow('11010519491231002X'), personRow('340202198001010015', '李四')]), { options: onPerson, cell: 'A5' }),
      quiet: ex('证件编号 TJ001、TJ002', () => tpl(person, [personRow('11010519491231002X'), personRow('340202198001010015', '李四', 'TJ002')]), { options: onPerson }),
    },
  },
  'template.natural-person-columns': {
    severity: 'error', title: '自然人数据缺少姓名、证件类型或证件号码列',
    description: '关于自然人的数据，每行须有姓名、证件类型和证件号码；模板缺少这些列时须先在目录中补充信息项。',
    message: '这是关于自然人的数据，每行须有姓名、证件类型和证件号码，表中缺少：{missing}。请在目录中增加这些信息项并重新生成模板',
    source: s('004', '第十六条'),
    examples: (() => {
      const bad = res([['姓名', 'C', 50], ['性别', 'C', 2]], { name: '人员名单', code: 'BA6006/000001' });
      const options = () => against(bad, person);
      return {
        fire: ex('人员名单只有“姓名”“性别”两列', () => tpl(bad, [['张三', '男']]), { options }),
        quiet: ex('有“姓名”“身份证号”列', person1, { options }),
      };
    })(),
  },
  'template.natural-person-row': {
    severity: 'error', title: '自然人数据行缺少姓名、证件类型或证件号码',
    description: '关于自然人的数据，每一行都须填写姓名和证件号码。',
    message: '自然人数据每行须填写“{header}”',
    source: s('004', '第十六条'),
    examples: {
      fire: ex('一行的姓名为空', () => tpl(person, [personRow('11010519491231002X', null)]), { options: onPerson, cell: 'B4' }),
      quiet: ex('姓名“张三”', person1, { options: onPerson }),
    },
  },
  'template.legal-person-columns': {
    severity: 'error', title: '法人数据缺少统一社会信用代码列',
    description: '关于法人和其他组织的数据，每行须有统一社会信用代码（或企业注册号）。',
    message: '这是关于法人或其他组织的数据，每行须有统一社会信用代码（或企业注册号），表中缺少此列。请在目录中增加该信息项并重新生成模板',
    source: s('004', '第二十一条'),
    examples: (() => {
      const bad = res([['企业名称', 'C', 100], ['地址', 'C', 200]], { name: '企业地址', code: 'BA6006/000002' });
      const options = () => against(bad, company);
      return {
        fire: ex('企业名单只有“企业名称”“地址”两列', () => tpl(bad, [['芜湖某某有限公司', '镜湖区']]), { options }),
        quiet: ex('有“统一社会信用代码”列', () => tpl(company, [['芜湖某某有限公司', '91350100M000100Y43']]), { options }),
      };
    })(),
  },
  'template.legal-person-row': {
    severity: 'error', title: '法人数据行缺少统一社会信用代码',
    description: '关于法人的数据，每一行都须填写统一社会信用代码（或企业注册号）。',
    message: '法人数据每行须填写“{header}”',
    source: s('004', '第二十一条'),
    examples: {
      fire: ex('一行的统一社会信用代码为空', () => tpl(company, [['芜湖某某有限公司', null]]), { options: onCompany, cell: 'B4' }),
      quiet: ex('统一社会信用代码“91350100M000100Y43”', () => tpl(company, [['芜湖某某有限公司', '91350100M000100Y43']]), { options: onCompany }),
    },
  },

  // Identifiers
  'id.idcard': {
    severity: 'error', title: '身份证号不正确',
    description: '18 位公民身份号码：前 17 位数字，末位为校验码（0–9 或 X），出生日期真实存在。',
    message: '{column}{problem}',
    source: s('004', '第十六条'),
    standard: 'GB 11643-1999',
    examples: {
      fire: ex('身份证号“110105194912310025”（校验码错）', () => tpl(person, [personRow('110105194912310025')]), { options: onPerson, cell: 'C4' }),
      quiet: ex('身份证号“11010519491231002x”', () => tpl(person, [personRow('11010519491231002x')]), { options: onPerson }),
    },
  },
  'id.idcard-legacy': {
    severity: 'warning', title: '15位旧身份证号',
    description: '15 位的旧身份证号已停止使用，请换成 18 位号码。',
    message: '{column}{problem}',
    source: s('004', '第十六条'),
    standard: 'GB 11643-1999',
    examples: {
      fire: ex('身份证号“340202800101001”', () => tpl(person, [personRow('340202800101001')]), { options: onPerson, cell: 'C4' }),
      quiet: ex('身份证号“340202198001010015”', () => tpl(person, [personRow('340202198001010015')]), { options: onPerson }),
    },
  },
  'id.uscc': {
    severity: 'error', title: '统一社会信用代码不正确',
    description: '18 位统一社会信用代码，不含 I、O、Z、S、V，末位为校验码。',
    message: '{column}{problem}',
    source: s('004', '第二十一条'),
    standard: 'GB 32100-2015',
    examples: {
      fire: ex('“91350100M000100Y44”（校验码错）', () => tpl(company, [['芜湖某某有限公司', '91350100M000100Y44']]), { options: onCompany, cell: 'B4' }),
      quiet: ex('“91350100M000100Y43”', () => tpl(company, [['芜湖某某有限公司', '91350100M000100Y43']]), { options: onCompany }),
    },
  },
  'id.orgcode': {
    severity: 'error', title: '组织机构代码不正确',
    description: '组织机构代码为 8 位本体代码加 1 位校验码。',
    message: '{column}{problem}',
    source: s('004', '第二十一条'),
    standard: 'GB 11714-1997',
    examples: (() => {
      const org = res([['组织机构代码', 'C', 10, true], ['统一社会信用代码', 'C', 18]], { name: '机构代码', code: 'BA6006/000004' });
      const options = () => against(org);
      return {
        fire: ex('“D2143569-1”（校验码错）', () => tpl(org, [['D2143569-1', '91350100M000100Y43']]), { options, cell: 'A4' }),
        quiet: ex('“D2143569-X”', () => tpl(org, [['D2143569-X', '91350100M000100Y43']]), { options }),
      };
    })(),
  },
  'id.division': {
    severity: 'error', title: '行政区划代码不正确',
    description: '行政区划代码为存在的 6 位代码。',
    message: '{column}{problem}',
    source: null,
    standard: 'GB/T 2260',
    examples: typeExamples('行政区划代码', 'C', 6, '349999', '340202'),
  },
  'id.stored-as-number': {
    severity: 'error', title: '证件号码被存成了数字',
    description: 'Excel 只保留 15 位有效数字，18 位的证件号码存成数字后末几位已丢失；该列须设为文本格式。',
    message: '“{header}”被 Excel 存成了数字，超过 15 位的部分已丢失；请把该列设为“文本”格式后重新录入号码',
    source: null,
    examples: {
      fire: ex('身份证号存成数字 340202198001010015', () => tpl(person, [personRow(340202198001010015)]), { options: onPerson, cell: 'C4' }),
      quiet: ex('身份证号存成文本', () => tpl(person, [personRow('340202198001010015')]), { options: onPerson }),
    },
  },
} as const satisfies Record<string, RuleDecl>;

export type RuleId = keyof typeof RULES;

/** The `{name}` parameters of a template, as a type: '{label}应为{value}' → 'label' | 'value'. */
type Slots<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Slots<Rest> : never;
type Values<S extends string> = { readonly [P in Slots<S>]: string | number };
type Decl<R extends RuleId> = (typeof RULES)[R];
type VariantParams<D> = D extends { variants: infer V extends Readonly<Record<string, string>> }
  ? { [K in keyof V & string]: { variant: K } & Values<V[K]> }[keyof V & string]
  : never;

/** What a check passes when a rule fires: the template's parameters (and `variant` for another wording). */
export type RuleParams<R extends RuleId> = (Values<Decl<R>['message']> & { variant?: undefined }) | VariantParams<Decl<R>>;

/** A rule that fired with its parameters, for checks compiled ahead of the cells they see (template columns). */
export type RuleProblem = { [R in RuleId]: { ruleId: R; params: RuleParams<R> } }[RuleId];

/** Fills a template's `{name}` parameters; an unknown name stays as written, so a typo shows. */
export function renderMessage(template: string, params: Readonly<Record<string, unknown>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}

/** The message of rule `id` with `params`, in the wording `params.variant` names. */
export function ruleMessage<R extends RuleId>(id: R, params: RuleParams<R>): string {
  const decl: RuleDecl = RULES[id];
  const variant = (params as { variant?: string }).variant;
  return renderMessage(variant ? decl.variants![variant] : decl.message, params);
}

/** The one message part shared by several rules: a required column the sheet does not have at all. */
export const NO_COLUMN_SUFFIX = '；表中还没有“{label}”列，请先在第 {headerRow} 行表头中加上此列';

/** The message of a problem a check compiled ahead. */
export function problemMessage(p: RuleProblem): string {
  return ruleMessage(p.ruleId, p.params as never);
}
