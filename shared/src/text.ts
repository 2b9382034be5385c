/**
 * Text normalisation for headers and coded values as staff really type them: full-width
 * characters, stray spaces and line breaks, units and hints in brackets, required-field stars.
 */

/** Printable ASCII and CJK unified ideographs, which NFKC leaves as they are. */
const ALREADY_FOLDED = /^[\x20-\x7e\u4e00-\u9fff]*$/;

/** NFKC folds full-width letters, digits and brackets to their ASCII forms. */
export function fold(s: string): string {
  // Most cells need no folding, and normalize() is the slowest step of reading a catalogue.
  return ALREADY_FOLDED.test(s) ? s : s.normalize('NFKC');
}

/** Removes all whitespace, including line breaks and ideographic spaces. */
const SPACE = /[\s\u3000\u00a0]/;
const SPACES = /[\s\u3000\u00a0]+/g;

export function squeeze(s: string): string {
  return SPACE.test(s) ? s.replace(SPACES, '') : s;
}

// Each kind stops at its own next opener: `<[^>]*>` scanned from every '<' of "<<<<…" to the end
// (quadratic). The innermost pair goes first; the loop below takes the outer ones.
const BRACKETED = /\([^()]*\)|\[[^[\]]*\]|【[^【】]*】|〔[^〔〕]*〕|<[^<>]*>/g;

/** The header's comparable form: folded, squeezed, stars, colons and bracketed hints removed. */
export function headerKey(raw: string): string {
  let s = trimChars(squeeze(fold(raw)), '*＊※', 'both');
  // Repeatedly, for nested brackets such as "(季度更新(数据))".
  for (let i = 0; i < 3 && BRACKETED.test(s); i++) s = s.replace(BRACKETED, '');
  return trimChars(s, ':：', 'end').toLowerCase();
}

/**
 * `s` without the characters of `chars` at its start, its end or both. A loop, not `[…]+$`: a
 * regex tries that from every character of a long run that is not at the end (quadratic).
 */
export function trimChars(s: string, chars: string, ends: 'start' | 'end' | 'both'): string {
  let from = 0;
  let to = s.length;
  if (ends !== 'end') while (from < to && chars.includes(s[from])) from++;
  if (ends !== 'start') while (to > from && chars.includes(s[to - 1])) to--;
  return from === 0 && to === s.length ? s : s.slice(from, to);
}

/** A header's form with brackets kept, for matching information-item names exactly. */
export function itemKey(raw: string): string {
  let key = itemKeys.get(raw);
  if (key === undefined) {
    // Item names repeat across resources (年份, 统一社会信用代码 …) and are keyed by several rules.
    if (itemKeys.size >= ITEM_KEYS_KEPT) itemKeys.clear();
    key = squeeze(fold(raw)).toLowerCase();
    itemKeys.set(raw, key);
  }
  return key;
}

const ITEM_KEYS_KEPT = 10_000;
const itemKeys = new Map<string, string>();

/** A coded value's comparable form. */
export function valueKey(raw: string): string {
  return squeeze(fold(raw)).toLowerCase();
}

/** Splits a multi-valued cell ("接口、文件", "接口，库表 / 文件") into its parts. */
export function splitList(raw: string): string[] {
  return fold(raw)
    .split(/[、,，;；/|\n]+/)
    .map((s) => squeeze(s))
    .filter((s) => s.length > 0);
}

/** Quotes a value for a message, shortened so a long cell does not drown the message. */
export function quote(value: string, max = 40): string {
  // Line breaks go with the white space around them; `\s*\n\s*` retried every start in a long run of spaces.
  const flat = value.indexOf('\n') === -1 ? value : value.replace(/\s+/g, (run) => (run.includes('\n') ? '' : run));
  const v = flat.length > max ? flat.slice(0, max) + '…' : flat;
  return `“${v}”`;
}
