/** null when valid; otherwise a problem with a stable code and a zh-CN message telling the clerk what is wrong and what to do. */
export interface IdProblem {
  code: string;
  message: string;
}

export function problem(code: string, message: string): IdProblem {
  return { code, message };
}

/**
 * 1-based position of the first full-width character (U+FF01–U+FF5E) or ideographic space, 0 if none.
 * Chinese IMEs produce these silently, so they get their own message rather than "bad character".
 */
export function fullWidthAt(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) return i + 1;
  }
  return 0;
}

export function fullWidthProblem(label: string, s: string, pos: number): IdProblem {
  const ch = s.charAt(pos - 1);
  const what = ch === '\u3000' ? '全角空格' : '全角字符';
  return problem('format', `${label}第 ${pos} 位“${ch}”是${what}，请切换到半角输入后重新填写`);
}

/** 1-based position of the first whitespace character, 0 if none. */
export function spaceAt(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0) return i + 1;
  }
  return 0;
}

/** Code-point length, so a stray Chinese character counts as one position in messages. */
export function charLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

/**
 * The faults every identifier is checked for first, in this order: blank, full-width
 * characters, spaces inside. `emptyHint` completes "X为空，…".
 */
export function commonFormatProblem(label: string, s: string, emptyHint: string): IdProblem | null {
  if (s.length === 0) return problem('format', `${label}为空，${emptyHint}`);
  const fw = fullWidthAt(s);
  if (fw) return fullWidthProblem(label, s, fw);
  const sp = spaceAt(s);
  if (sp) return problem('format', `${label}中间含有空格（第 ${sp} 位），请删除空格`);
  return null;
}
