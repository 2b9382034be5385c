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

const BRACKETED = /\([^()]*\)|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕|<[^>]*>/g;

/** The header's comparable form: folded, squeezed, stars, colons and bracketed hints removed. */
export function headerKey(raw: string): string {
  let s = squeeze(fold(raw));
  s = s.replace(/^[*＊※]+|[*＊※]+$/g, '');
  // Repeatedly, for nested brackets such as "(季度更新(数据))".
  for (let i = 0; i < 3 && BRACKETED.test(s); i++) s = s.replace(BRACKETED, '');
  return s.replace(/[:：]+$/, '').toLowerCase();
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
  const flat = value.replace(/\s*\n\s*/g, '');
  const v = flat.length > max ? flat.slice(0, max) + '…' : flat;
  return `“${v}”`;
}
