import { LOGICAL, lookup } from '../codes';
import { isDateSerial, isDateText, isDateTimeText, isYmdNumber } from '../dates';
import { cellText, type CellValue } from '../grid';
import { checkDivisionCode, checkEmail, checkIdCard, checkMobile, checkOrgCode, checkUsccCore, type IdProblem } from '../identifiers';
import type { ItemRole } from '../item-roles';
import { columnLead } from '../report-groups';
import type { RuleProblem } from '../rules';

/**
 * Per-column cell checks of a data template, compiled once per column from the item's
 * 数据类型, 数据长度 and role, then called for every non-blank cell. Problems that do not
 * depend on the value are built once; this loop runs hundreds of thousands of times.
 */
export type CellProblem = RuleProblem;

export type CellCheck = (v: CellValue) => CellProblem | null;

// The fraction's digits follow a dot: `\d+\.?\d*` could split a run of digits anywhere (quadratic).
const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A number written as text: "1,234.5", "¥12.00", "12%". NaN when it is not one. */
export function numberOf(v: CellValue): number {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return NaN;
  let s = v.trim();
  if (s.length === 0) return NaN;
  const c0 = s.charCodeAt(0);
  if (c0 === 0xa5 || c0 === 0xffe5) s = s.slice(1); // ¥ ￥
  if (s.indexOf(',') >= 0) s = s.replace(/,/g, '');
  let scale = 1;
  if (s.endsWith('%')) {
    s = s.slice(0, -1);
    scale = 0.01;
  }
  return NUMBER_TEXT.test(s) ? Number(s) * scale : NaN;
}

function digitCount(v: CellValue): number {
  const t = typeof v === 'number' ? cellText(v) : String(v);
  let n = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
    else if (c === 101 || c === 69) break; // exponent
  }
  // Leading zeros of "0.5" do not count.
  return t.startsWith('0.') || t.startsWith('-0.') ? n - 1 : n;
}

function textLength(s: string, max: number): number {
  // Count code points only when the UTF-16 length is over the limit (rare).
  return s.length <= max ? s.length : [...s].length;
}

export function compileTypeCheck(dataType: string | null, length: number | null, header: string): CellCheck | null {
  const tooLong = (n: number): CellProblem => ({ ruleId: 'template.text-length', params: { header, length: String(length), actual: n } });
  switch (dataType) {
    case 'C':
    case 'M':
      if (!length) return null;
      return (v) => {
        if (typeof v === 'string') {
          if (v.length <= length) return null;
          const n = textLength(v.trim(), length);
          return n > length ? tooLong(n) : null;
        }
        const n = cellText(v).length;
        return n > length ? tooLong(n) : null;
      };
    case 'N':
    case 'B':
    case 'F': {
      const bad: CellProblem = { ruleId: 'template.number', params: { header } };
      const long: CellProblem = { ruleId: 'template.number-length', params: { header, length: String(length) } };
      return (v) => {
        const n = numberOf(v);
        if (Number.isNaN(n)) return bad;
        return length && digitCount(v) > length ? long : null;
      };
    }
    case 'I': {
      const bad: CellProblem = { ruleId: 'template.integer', params: { header } };
      const long: CellProblem = { ruleId: 'template.number-length', params: { header, length: String(length) } };
      return (v) => {
        const n = numberOf(v);
        if (!Number.isInteger(n)) return bad;
        return length && digitCount(v) > length ? long : null;
      };
    }
    case 'Y': {
      const bad: CellProblem = { ruleId: 'template.money', params: { header } };
      return (v) => {
        const n = numberOf(v);
        if (Number.isNaN(n)) return bad;
        const cents = n * 100;
        return Math.abs(cents - Math.round(cents)) > 1e-6 ? bad : null;
      };
    }
    case 'D': {
      const bad: CellProblem = { ruleId: 'template.date', params: { header } };
      return (v) => {
        if (typeof v === 'number') return isDateSerial(v) || isYmdNumber(v) ? null : bad;
        return typeof v === 'string' && isDateText(v.trim()) ? null : bad;
      };
    }
    case 'T': {
      const bad: CellProblem = { ruleId: 'template.datetime', params: { header } };
      return (v) => {
        if (typeof v === 'number') return isDateSerial(v) || isYmdNumber(v) ? null : bad;
        return typeof v === 'string' && isDateTimeText(v.trim()) ? null : bad;
      };
    }
    case 'L': {
      const bad: CellProblem = { ruleId: 'template.logical', params: { header } };
      return (v) => (typeof v === 'boolean' || (v !== null && lookup(LOGICAL, String(v)) !== null) ? null : bad);
    }
    default:
      return null;
  }
}

/** An identifier's message names what it checks ("身份证号校验位…"); the header leads only when it says something else. */
const labelled = (header: string, problem: string) => ({ column: columnLead(header, problem, (c) => `“${c}”：`), problem });

type IdRule = 'id.idcard' | 'id.idcard-legacy' | 'id.uscc' | 'id.orgcode' | 'id.division' | 'cell.mobile' | 'cell.email';
const asProblem = (ruleId: IdRule, header: string, p: IdProblem | null): CellProblem | null =>
  p ? { ruleId, params: labelled(header, p.message) } : null;

/** Identifiers longer than 15 digits lose their last digits when Excel stores them as numbers. */
function storedAsNumber(header: string): CellProblem {
  return { ruleId: 'id.stored-as-number', params: { header } };
}

export function compileRoleCheck(role: ItemRole | null, header: string): CellCheck | null {
  switch (role) {
    case 'idcard':
      return (v) => {
        if (typeof v === 'number') return v >= 1e15 ? storedAsNumber(header) : asProblem('id.idcard', header, checkIdCard(String(v)));
        const p = checkIdCard(cellText(v));
        if (!p) return null;
        return asProblem(p.code === 'legacy15' ? 'id.idcard-legacy' : 'id.idcard', header, p);
      };
    case 'uscc':
      // The embedded organisation code is not checked: many 个体工商户 codes carry none that passes GB 11714.
      return (v) => (typeof v === 'number' && v >= 1e15 ? storedAsNumber(header) : asProblem('id.uscc', header, checkUsccCore(cellText(v))));
    case 'orgcode':
      return (v) => asProblem('id.orgcode', header, checkOrgCode(cellText(v)));
    case 'division':
      return (v) => asProblem('id.division', header, checkDivisionCode(cellText(v)));
    case 'mobile':
      return (v) => asProblem('cell.mobile', header, checkMobile(cellText(v)));
    case 'email':
      return (v) => asProblem('cell.email', header, checkEmail(cellText(v)));
    default:
      return null;
  }
}

/** Both checks of a column, the identifier first: its message is the more useful one. */
export function compileCellCheck(dataType: string | null, length: number | null, role: ItemRole | null, header: string): CellCheck | null {
  const typeCheck = compileTypeCheck(dataType, length, header);
  const roleCheck = compileRoleCheck(role, header);
  if (typeCheck && roleCheck) return (v) => roleCheck(v) ?? typeCheck(v);
  return roleCheck ?? typeCheck;
}
