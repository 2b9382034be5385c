import { trimChars } from '../../../shared/src/text';

/**
 * The text the add-in puts on a cell, living next to whatever the clerk already wrote there.
 * Several sources (the engine's report, the reviewer's comments) join into one labelled text;
 * a clerk's own note keeps its words, ours follow after a blank line, and clearing gives the
 * clerk's words back exactly. Both hosts use these, so they behave alike.
 */
export interface PlacedText {
  /** What the cell said before we wrote there (the clerk's own note); null when the note is ours alone. */
  own: string | null;
  /** Our labelled lines ("【错误】…\n【审核意见】…"); null in a record from an older add-in that did not keep it. */
  text: string | null;
}

/** Between the clerk's own note and ours. */
export const OWN_SEPARATOR = '\n\n';

/** Our lines with the new ones added after them, each line once: marking the same reason twice does not repeat it. */
export function joinLines(ours: string | null, added: string): string {
  const lines = [...(ours ? ours.split('\n') : []), ...added.split('\n')];
  return [...new Set(lines)].join('\n');
}

/** The cell's text with ours on it. */
export function withOurs(own: string | null, text: string): string {
  return own ? `${own}${OWN_SEPARATOR}${text}` : text;
}

/**
 * The cell's text once ours is taken off: null when nothing of the clerk's is left (delete the
 * note); `undefined` when our text is no longer there to take (the clerk edited it), so the cell is left alone.
 */
export function withoutOurs(current: string, placed: PlacedText): string | null | undefined {
  if (placed.text === null) return null;
  if (current === withOurs(placed.own, placed.text)) return placed.own;
  // The clerk wrote more into the note after we marked it: take out only our part.
  const at = current.lastIndexOf(placed.text);
  if (at < 0) return undefined;
  // A loop, not /\n+$/: that regex backtracks quadratically on a long run of line breaks.
  const rest = (trimChars(current.slice(0, at), '\n', 'end') + current.slice(at + placed.text.length)).trim();
  return rest === '' ? null : rest;
}
