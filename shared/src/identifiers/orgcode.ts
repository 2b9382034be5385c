/** 组织机构代码, GB 11714-1997: 8-char body + check char, optionally "XXXXXXXX-C". */
import { charLength, commonFormatProblem, IdProblem, problem } from './problem';

const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const LABEL = '组织机构代码';

// Char code -> value (digits 0–9, letters A=10 … Z=35, lower case folded), -1 otherwise.
export const ORG_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 10; i++) ORG_VALUE[48 + i] = i;
for (let i = 0; i < 26; i++) ORG_VALUE[65 + i] = ORG_VALUE[97 + i] = 10 + i;

function valueAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c < 128 ? ORG_VALUE[c] : -1;
}

/**
 * Check char code (48–57 or 88 'X') for the 8-char body starting at `from`, or -1 if a char
 * is not a digit/letter. Shared with the USCC check, which embeds an organisation code.
 */
export function orgCheckCharCode(s: string, from: number): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const v = valueAt(s, from + i);
    if (v < 0) return -1;
    sum += v * WEIGHTS[i];
  }
  return orgCheckCode(sum);
}

/** Check char code from the weighted sum: 11 - (sum mod 11), 10 -> 'X', 11 -> '0'. */
export function orgCheckCode(sum: number): number {
  const c = 11 - (sum % 11);
  return c === 10 ? 88 : c === 11 ? 48 : 48 + c;
}

/** Check char for an 8-char body (digits or letters; lower case accepted). */
export function orgCodeCheckChar(first8: string): string {
  const code = first8.length === 8 ? orgCheckCharCode(first8, 0) : -1;
  if (code < 0) throw new RangeError('orgCodeCheckChar expects 8 digits or letters');
  return String.fromCharCode(code);
}

export function checkOrgCode(value: string): IdProblem | null {
  const s = value.trim();
  let checkAt: number;
  if (s.length === 9) checkAt = 8;
  else if (s.length === 10 && s.charCodeAt(8) === 45) checkAt = 9; // '-'
  else return formatProblem(s);
  const expected = orgCheckCharCode(s, 0);
  if (expected < 0) return formatProblem(s);
  let actual = s.charCodeAt(checkAt);
  if (actual === 120) actual = 88; // x -> X
  if (actual === expected) return null;
  if (actual !== 88 && (actual < 48 || actual > 57)) return formatProblem(s);
  return problem(
    'checksum',
    `${LABEL}校验码应为“${String.fromCharCode(expected)}”，实际为“${s[checkAt]}”，请核对代码`,
  );
}

function formatProblem(s: string): IdProblem {
  const example = '应为 8 位本体代码加 1 位校验码，如“D2143569-X”或“D2143569X”';
  const common = commonFormatProblem(LABEL, s, example);
  if (common) return common;
  const hyphen = s.indexOf('-');
  if (hyphen >= 0 && hyphen !== 8) {
    return problem('format', `${LABEL}中的连字符“-”只能写在第 8 位之后、校验码之前，${example}`);
  }
  const body = hyphen === 8 ? s.slice(0, 8) + s.slice(9) : s;
  const n = charLength(body);
  if (n !== 9) return problem('format', `${LABEL}${example}，实际为 ${n} 位`);
  for (let i = 0; i < 8; i++) {
    if (valueAt(body, i) < 0) {
      return problem('format', `${LABEL}第 ${i + 1} 位“${body[i]}”不是数字或大写字母，请核对代码`);
    }
  }
  return problem('format', `${LABEL}校验码应为数字或字母 X，实际为“${body[8]}”`);
}
