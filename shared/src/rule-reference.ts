import { choices, DATA_TYPE, DOMAIN_FIELD, UPDATE_FREQUENCY } from './codes';
import type { RequiredWhen, SheetDef, ValueSpec, ColumnDef } from './sheets';
import { KIND_LABELS, SHEET_DEFS } from './sheets';
import { ENGINE_VERSION, type Severity, type SheetKind } from './report';
import { RULES, SEED_TITLES, type RuleDecl, type RuleId, type SeedRef } from './rules';
import { validateWorkbook } from './validate';

/**
 * The rule reference (填报说明) as plain data, generated from the column tables (sheets.ts) and
 * the rule declarations (rules.ts): per sheet kind, each column with what it accepts, whether
 * and when it is required and which rules check it; each rule with its source and its examples
 * run through the engine, so the message shown is the one a clerk will see. `govcat rules
 * --json` prints it; GET /help/rules renders it.
 */
export interface ReferenceColumn {
  key: string;
  label: string;
  synonyms: string[];
  level: ColumnDef['level'];
  accepts: string;
  /** The code list's standard values, when the column takes one. */
  values: string[] | null;
  multiple: boolean;
  required: { always: boolean; when: RequiredWhen | null; text: string };
  unique: boolean;
  help: string | null;
  rules: RuleId[];
}

export interface ReferenceKind {
  kind: SheetKind;
  label: string;
  columns: ReferenceColumn[];
  /** Rules about the sheet or its records as a whole, beyond single columns. */
  rules: RuleId[];
}

export interface ReferenceRule {
  id: RuleId;
  severity: Severity;
  title: string;
  description: string;
  message: string;
  variants: Record<string, string>;
  source: (SeedRef & { title: string }) | null;
  standard: string | null;
  examples: {
    fire: { note: string; cell: string | null; message: string | null };
    quiet: { note: string };
  };
}

export interface RuleReference {
  engineVersion: string;
  kinds: ReferenceKind[];
  rules: ReferenceRule[];
}

const LEVEL_TEXT: Record<ColumnDef['level'], string> = { resource: '每条资源填一次', item: '每个信息项一行', row: '每行' };
export const levelText = (level: ColumnDef['level']) => LEVEL_TEXT[level];

function accepts(spec: ValueSpec): { text: string; values: string[] | null; multiple: boolean } {
  switch (spec.kind) {
    case 'text': return { text: '文本', values: null, multiple: false };
    case 'code': return { text: spec.multiple ? '代码表中的取值，可多选（用顿号分隔）' : '代码表中的取值', values: spec.codes.entries.map((e) => e.value), multiple: spec.multiple ?? false };
    case 'frequency': return { text: `${choices(UPDATE_FREQUENCY)}；“其他”须写明周期，如每三年`, values: UPDATE_FREQUENCY.entries.map((e) => e.value), multiple: false };
    case 'domain': return { text: '标准领域，或写明的其他领域', values: DOMAIN_FIELD.entries.map((e) => e.value), multiple: false };
    case 'dataType': return { text: '字母、中文名或两者（如 C、字符型、字符型C）', values: DATA_TYPE.entries.map((e) => `${e.value} ${e.aliases?.[0] ?? ''}`.trim()), multiple: false };
    case 'positiveInt': return { text: '正整数', values: null, multiple: false };
    case 'resourceCode': return { text: '前段码/后段码，如 307021022100/000009', values: null, multiple: false };
    case 'citation': return { text: '《法律法规或政策名称》及条款（第…条）', values: null, multiple: false };
    case 'mobile': return { text: '11 位手机号码', values: null, multiple: false };
    case 'landline': return { text: '区号-号码，如 0553-3831234', values: null, multiple: false };
    case 'email': return { text: '电子邮箱，如 name@example.gov.cn', values: null, multiple: false };
  }
}

/** The rules a column's cells are checked by, read from its declaration. */
function columnRules(def: SheetDef, c: ColumnDef): RuleId[] {
  const byValue: Record<ValueSpec['kind'], RuleId[]> = {
    text: [], code: ['cell.code'], frequency: ['cell.code', 'cell.frequency-period'], domain: ['cell.domain-other'], dataType: ['cell.code'],
    positiveInt: ['cell.positive-int'], resourceCode: ['cell.resource-code'], citation: ['cell.citation', 'cell.citation-article'],
    mobile: ['cell.mobile'], landline: ['cell.landline'], email: ['cell.email'],
  };
  const ids: RuleId[] = [];
  if (c.requiredColumn) ids.push('header.missing-column');
  if (c.requiredValue) ids.push('cell.required');
  if (c.requiredWhen) ids.push(c.requiredWhen.rule);
  ids.push(...byValue[c.value.kind]);
  if (c.unique) ids.push('cell.duplicate');
  if (c.level === 'resource' && def.groupKeys) ids.push('group.inconsistent');
  return ids;
}

function requiredText(c: ColumnDef): string {
  if (c.requiredValue) return '必填';
  const w = c.requiredWhen;
  if (!w) return c.requiredColumn ? '须有此列' : '选填';
  if (w.equals !== undefined) return `“${w.column}”为“${w.equals}”时必填`;
  return `“${w.column}”不为“${w.notEquals}”时必填`;
}

/** Rules of a kind beyond its columns, by the area their ids name. */
const KIND_RULES: Record<SheetKind, (id: RuleId) => boolean> = {
  catalogue: (id) => id.startsWith('catalogue.') || id === 'cross.unshared-not-in-negative',
  demand: (id) => id.startsWith('demand.'),
  negative: (id) => id.startsWith('cross.negative'),
  responsibility: (id) => id.startsWith('cross.responsibility'),
  contact: (id) => id.startsWith('contact.'),
  template: (id) => id.startsWith('template.') || id.startsWith('id.'),
};

function referenceRule(id: RuleId, rule: RuleDecl): ReferenceRule {
  const { fire, quiet } = rule.examples;
  const issue = validateWorkbook(fire.book(), fire.options?.()).issues.find((i) => i.ruleId === id) ?? null;
  return {
    id,
    severity: rule.severity,
    title: rule.title,
    description: rule.description,
    message: rule.message,
    variants: { ...(rule.variants ?? {}) },
    source: rule.source ? { ...rule.source, title: SEED_TITLES[rule.source.source] } : null,
    standard: rule.standard ?? null,
    examples: {
      // Long example values (a 32,768-character cell) are cut: the note says what they are.
      fire: { note: fire.note, cell: issue?.cell ?? null, message: issue ? issue.message.slice(0, 300) : null },
      quiet: { note: quiet.note },
    },
  };
}

let cached: RuleReference | null = null;

export function ruleReference(): RuleReference {
  if (cached) return cached;
  const kinds: ReferenceKind[] = SHEET_DEFS.map((def) => ({
    kind: def.kind,
    label: def.label,
    columns: def.columns.map((c): ReferenceColumn => {
      const a = accepts(c.value);
      return {
        key: c.key, label: c.label, synonyms: [...c.synonyms], level: c.level, accepts: a.text, values: a.values, multiple: a.multiple,
        required: { always: c.requiredValue ?? false, when: c.requiredWhen ?? null, text: requiredText(c) },
        unique: c.unique ?? false, help: c.help ?? null, rules: columnRules(def, c),
      };
    }),
    rules: (Object.keys(RULES) as RuleId[]).filter(KIND_RULES[def.kind]),
  }));
  // Templates have no fixed columns: one per information item of their catalogue resource.
  kinds.push({ kind: 'template', label: KIND_LABELS.template, columns: [], rules: (Object.keys(RULES) as RuleId[]).filter(KIND_RULES.template) });
  const rules = (Object.entries(RULES) as Array<[RuleId, RuleDecl]>).map(([id, r]) => referenceRule(id, r));
  cached = { engineVersion: ENGINE_VERSION, kinds, rules };
  return cached;
}
