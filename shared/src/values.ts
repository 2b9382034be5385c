import { choices, DATA_TYPE, DOMAIN_FIELD, lookup, UPDATE_FREQUENCY } from './codes';
import { cellText, type CellValue } from './grid';
import { checkEmail, checkLandline, checkMobile } from './identifiers';
import { columnLead } from './report-groups';
import type { RuleProblem } from './rules';
import type { ValueSpec } from './sheets';
import { fold, quote, splitList, squeeze } from './text';

/**
 * Reads one cell by its column's value spec: the standard form of the value (a code list's
 * standard value, or the trimmed text) and, when the cell is wrong, the rule and the message.
 * Pure; the caller knows where the cell is.
 */
export type ValueProblem = RuleProblem;

export interface ReadValue {
  norm: string;
  problem?: ValueProblem;
}

const CONCRETE_PERIOD = /^(其他|其它)?[:：(]?(每|按)?[0-9一二两三四五六七八九十半百]+个?(年|月|周|星期|日|天|季度|季|小时|分钟)/;
const CITATION = /《[^《》]+》/;
const ARTICLE = /第[0-9一二三四五六七八九十百零〇]+条/;
const RESOURCE_CODE = /^[0-9A-Z]{2,}(?:[.-][0-9A-Z]+)*\/[0-9]{3,}$/;

/** `text` is the cell's cellText, when the caller has it already. */
export function readValue(spec: ValueSpec, label: string, cell: CellValue, text = cellText(cell)): ReadValue {
  switch (spec.kind) {
    case 'text':
      return { norm: text };
    case 'code': {
      if (spec.multiple) {
        const parts = splitList(text);
        const norms: string[] = [];
        for (const p of parts) {
          const v = lookup(spec.codes, p);
          if (!v) return { norm: text, problem: codeProblem(label, p, choices(spec.codes), true) };
          if (!norms.includes(v)) norms.push(v);
        }
        return { norm: norms.join('、') };
      }
      const v = lookup(spec.codes, text);
      return v ? { norm: v } : { norm: text, problem: codeProblem(label, text, choices(spec.codes), false) };
    }
    case 'frequency':
      return readFrequency(label, text);
    case 'domain': {
      const v = lookup(DOMAIN_FIELD, text);
      if (v) return { norm: v };
      if (/^(其他|其它)[:：(]?$/.test(squeeze(fold(text)))) {
        return { norm: text, problem: { ruleId: 'cell.domain-other', params: { label, allowed: choices(DOMAIN_FIELD) } } };
      }
      // The seed allows a domain outside the list when it is written out.
      return { norm: text.replace(/^(其他|其它)[:：(]?/, '').replace(/\)$/, '') };
    }
    case 'dataType': {
      const v = readDataType(text);
      return v ? { norm: v } : { norm: text, problem: codeProblem(label, text, 'C 字符型、N 数值型、Y 货币型、D 日期型、T 日期时间型、L 逻辑型、M 备注型、G 通用型、B 双精度型、I 整型、F 浮点型（填字母、中文名或两者皆可）', false) };
    }
    case 'positiveInt': {
      const n = typeof cell === 'number' ? cell : /^\d+$/.test(squeeze(fold(text))) ? Number(squeeze(fold(text))) : NaN;
      if (Number.isInteger(n) && n > 0) return { norm: String(n) };
      return { norm: text, problem: { ruleId: 'cell.positive-int', params: { label, value: quote(text) } } };
    }
    case 'resourceCode': {
      const v = squeeze(fold(text)).toUpperCase();
      if (RESOURCE_CODE.test(v)) return { norm: v };
      return { norm: text, problem: { ruleId: 'cell.resource-code', params: { label, value: quote(text) } } };
    }
    case 'citation':
      return readCitation(label, text);
    case 'mobile': {
      const p = checkMobile(text);
      return p ? { norm: text, problem: { ruleId: 'cell.mobile', params: labelled(label, p.message) } } : { norm: text };
    }
    case 'landline': {
      const p = checkLandline(text);
      return p ? { norm: text, problem: { ruleId: 'cell.landline', params: labelled(label, p.message) } } : { norm: text };
    }
    case 'email': {
      const p = checkEmail(text);
      return p ? { norm: text, problem: { ruleId: 'cell.email', params: labelled(label, p.message) } } : { norm: text };
    }
  }
}

/** An identifier's message names what it checks; the column leads only when it says something else. */
export const labelled = (label: string, problem: string) => ({ column: columnLead(label, problem, (c) => `${c}：`), problem });

function codeProblem(label: string, value: string, allowed: string, part: boolean): ValueProblem {
  const params = { label, value: quote(value), allowed };
  return { ruleId: 'cell.code', params: part ? { ...params, variant: 'part' } : params };
}

function readFrequency(label: string, text: string): ReadValue {
  const v = lookup(UPDATE_FREQUENCY, text);
  if (v && v !== '其他') return { norm: v };
  const compact = squeeze(fold(text));
  if (CONCRETE_PERIOD.test(compact)) return { norm: '其他' };
  if (v === '其他' || /^(其他|其它)[:：(]?\)?$/.test(compact)) {
    return { norm: '其他', problem: { ruleId: 'cell.frequency-period', params: { label } } };
  }
  return { norm: text, problem: codeProblem(label, text, `${choices(UPDATE_FREQUENCY)}（“其他”须写明周期，如每三年）`, false) };
}

function readCitation(label: string, text: string): ReadValue {
  if (!CITATION.test(text)) {
    return { norm: text, problem: { ruleId: 'cell.citation', params: { label, value: quote(text) } } };
  }
  if (!ARTICLE.test(text)) {
    return { norm: text, problem: { ruleId: 'cell.citation-article', params: { label, title: String(text.match(CITATION)?.[0]) } } };
  }
  return { norm: text };
}

const TYPE_LETTERS = new Set(DATA_TYPE.entries.map((e) => e.value));

/** "C", "c", "字符型", "字符型C", "C字符型", "字符型(C)" all read as C. */
export function readDataType(raw: string): string | null {
  if (raw.length === 1 && TYPE_LETTERS.has(raw.toUpperCase())) return raw.toUpperCase();
  const s = squeeze(fold(raw)).replace(/[()]/g, '');
  const direct = lookup(DATA_TYPE, s) ?? (TYPE_LETTERS.has(s.toUpperCase()) ? s.toUpperCase() : null);
  if (direct) return direct;
  const m = /^([A-Za-z])?([^A-Za-z]*)([A-Za-z])?$/.exec(s);
  if (!m || (m[1] && m[3]) || (!m[1] && !m[3])) return null;
  const letter = (m[1] ?? m[3]).toUpperCase();
  if (!TYPE_LETTERS.has(letter)) return null;
  const name = m[2];
  return name === '' || lookup(DATA_TYPE, name) === letter ? letter : null;
}
