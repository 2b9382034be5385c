/** 统一社会信用代码, GB 32100-2015. */
import { charLength, commonFormatProblem, IdProblem, problem } from './problem';
import { ORG_VALUE, orgCheckCharCode, orgCheckCode } from './orgcode';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// w_i = 3^(i-1) mod 31.
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const LABEL = '统一社会信用代码';

// Char code -> index in CHARSET (lower case folded), -1 otherwise; avoids toUpperCase per cell.
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < CHARSET.length; i++) {
  const c = CHARSET.charCodeAt(i);
  VALUE[c] = i;
  if (c >= 65) VALUE[c + 32] = i;
}

// Letters left out of the set because they look like digits or each other.
const FORBIDDEN_HINT: Record<string, string> = {
  I: '，请核对是否误把数字 1 写成字母 I',
  O: '，请核对是否误把数字 0 写成字母 O',
  Z: '，请核对是否误把数字 2 写成字母 Z',
  S: '，请核对是否误把数字 5 写成字母 S',
  V: '，请核对是否误把字母 U 写成字母 V',
};

function valueAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c < 128 ? VALUE[c] : -1;
}

/** Check value (index into CHARSET) over the first 17 chars; caller guarantees they are valid. */
function checkValueOf(s: string): number {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += valueAt(s, i) * WEIGHTS[i];
  return (31 - (sum % 31)) % 31;
}

/** Check char for the first 17 chars (lower case accepted). */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('usccCheckChar expects 17 characters');
  for (let i = 0; i < 17; i++) {
    if (valueAt(first17, i) < 0) throw new RangeError('usccCheckChar: character outside the GB 32100 set');
  }
  return CHARSET[checkValueOf(first17)];
}

// GB 11714 weights aligned to USCC positions 9–16, so one pass can also sum the embedded code.
const ORG_WEIGHTS = [0, 0, 0, 0, 0, 0, 0, 0, 3, 7, 9, 10, 5, 8, 4, 2, 0];

/** One pass over the code: format, charset, check char and, when `withOrg`, the embedded organisation code. */
function scan(value: string, withOrg: boolean): IdProblem | null {
  const s = value.trim();
  if (s.length !== 18) return formatProblem(s);
  let sum = 0;
  let orgSum = 0;
  for (let i = 0; i < 17; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? VALUE[c] : -1;
    // Positions 3–8 are the registering authority's 6-digit division code.
    if (v < 0 || (v > 9 && i >= 2 && i < 8)) return formatProblem(s);
    sum += v * WEIGHTS[i];
    orgSum += ORG_VALUE[c] * ORG_WEIGHTS[i];
  }
  const last = s.charCodeAt(17);
  const actual = last < 128 ? VALUE[last] : -1;
  if (actual < 0) return formatProblem(s);
  const expected = (31 - (sum % 31)) % 31;
  if (actual !== expected) {
    return problem('checksum', `${LABEL}校验位应为“${CHARSET[expected]}”，实际为“${s[17]}”，请核对代码`);
  }
  return withOrg ? orgProblem(s, orgCheckCode(orgSum)) : null;
}

function orgProblem(s: string, expected: number): IdProblem | null {
  let actual = s.charCodeAt(16);
  if (actual === 120) actual = 88; // x -> X
  if (actual === expected) return null;
  return problem(
    'orgcode',
    `${LABEL}第 9–17 位（组织机构代码）的校验码应为“${String.fromCharCode(expected)}”，实际为“${s[16]}”，请核对代码`,
  );
}

/** Format, charset and check character only; the embedded organisation code is not looked at. */
export function checkUsccCore(value: string): IdProblem | null {
  return scan(value, false);
}

/**
 * Only the embedded 9-char organisation code (positions 9–17, GB 11714); assumes the rest was
 * checked. Some issued codes (e.g. for 个体工商户) are reported to break this rule, which is
 * why it has its own code 'orgcode' and its own function, so the caller can grade it.
 */
export function checkUsccOrgCode(value: string): IdProblem | null {
  const s = value.trim();
  if (s.length !== 18) return formatProblem(s);
  const expected = orgCheckCharCode(s, 8);
  return expected < 0 ? formatProblem(s) : orgProblem(s, expected);
}

/** Full check: format, charset, check character, then the embedded organisation code ('orgcode'). */
export function checkUscc(value: string): IdProblem | null {
  return scan(value, true);
}

function formatProblem(s: string): IdProblem {
  const common = commonFormatProblem(LABEL, s, '请填写 18 位代码');
  if (common) return common;
  const n = charLength(s);
  if (n !== 18) return problem('format', `${LABEL}应为 18 位，实际为 ${n} 位，请核对是否漏填或多填`);
  for (let i = 0; i < 18; i++) {
    const ch = s[i];
    const upper = ch.toUpperCase();
    const hint = FORBIDDEN_HINT[upper];
    if (hint !== undefined) {
      return problem('charset', `${LABEL}不使用字母 I、O、Z、S、V，第 ${i + 1} 位为“${ch}”${hint}`);
    }
    const v = valueAt(s, i);
    if (v < 0) {
      const shown = String.fromCodePoint(s.codePointAt(i)!);
      return problem('format', `${LABEL}第 ${i + 1} 位“${shown}”不是数字或大写字母，请核对代码`);
    }
    if (i >= 2 && i < 8 && v > 9) {
      return problem('format', `${LABEL}第 3–8 位是登记管理机关行政区划码，应为数字，第 ${i + 1} 位为“${ch}”，请核对代码`);
    }
  }
  return problem('format', `${LABEL}格式不正确，应为 18 位数字或大写字母`);
}
