/**
 * Sits between the inflated sheet XML and exceljs's WorksheetReader, and fixes what that reader
 * gets wrong, in one pass over text it has to read anyway:
 *
 * - UTF-8: exceljs decodes every 16 KiB chunk on its own, so a Chinese character split across two
 *   chunks turns into "��" (exceljs issues #2063, #2084, #2316). Decoding here with the stream's
 *   stateful decoder hands it whole characters.
 * - merged cells: it ignores `<mergeCell>`; they are collected here.
 * - errors: it parses a formula's cached error (`t="e"`, e.g. #N/A from VLOOKUP) with parseFloat,
 *   giving NaN; such cells are retyped `t="str"` so the error text arrives as a string, which is
 *   also how a plain error cell should end up.
 * - booleans: it gives a formula's cached TRUE/FALSE as 1/0; the addresses of `t="b"` cells are
 *   noted so that cells.ts can turn those results back into booleans.
 * - memory: whether the sheet holds text of its own (inline strings, string formula results),
 *   which must be copied out of the XML to let it go (see detach-text.ts).
 *
 * Text is passed on cut before its last '<', so every tag the scans look at is whole.
 */
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { MergeArea } from '../../../shared/src/grid';
import { columnNumber } from '../../../shared/src/address';
import { scanMergeCells } from './merges';

/** More columns than Excel's 16,384, so row * CELL_KEY_ROW + col is unique. */
export const CELL_KEY_ROW = 32768;

// An upload's XML is anyone's text: a tag is matched up to its end only (`[^<>]`, never past the
// next '<'), and without back-references, so that each scan is linear (see the ReDoS test).
const ERROR_TYPE = /(<c\s[^<>]*?\bt\s*=\s*)(["'])e["']/g;
const CELL_TAG = /<c\s[^<>]*>/g;
const BOOLEAN_TYPE = /\bt\s*=\s*["']b["']/;
const ANYTHING_TO_FIX = /<mergeCell|\bt=(?:"[be]"|')/;
const ANYTHING_TO_FIX_OR_NOTE = /<mergeCell|\bt=(?:"(?:[be]|str|inlineStr)"|')/;
const INLINE_TEXT = /<c\s[^<>]*?\bt\s*=\s*'(?:inlineStr|str)'/;
const CELL_REF = /\br\s*=\s*["']([A-Za-z]{1,3})(\d{1,7})["']/;

export class SheetXmlFilter {
  readonly merges: MergeArea[] = [];
  /** row * CELL_KEY_ROW + col of each cell typed t="b". */
  readonly booleanCells = new Set<number>();
  /** Whether a cell typed t="inlineStr" or t="str" has gone past so far. */
  hasInlineText = false;

  /**
   * The sheet XML from `stream`, decoded and fixed, in pieces holding whole tags: each chunk is
   * cut before its last '<', and the partial tag carried over is passed on with the start of the
   * next chunk up to its first '>'. The bulk of each chunk goes on as a slice, never copied.
   */
  async *text(stream: Readable): AsyncGenerator<string> {
    // Decoded as each chunk is taken, not as it is buffered: strings waiting in a read-ahead
    // buffer outlive young-generation collections and end up as garbage in the old generation.
    const decoder = new StringDecoder('utf8');
    let carry = '';
    for await (const bytes of stream as AsyncIterable<Buffer>) {
      const chunk = decoder.write(bytes);
      const cut = chunk.lastIndexOf('<');
      if (cut === -1) {
        // No tag starts here: text, or the rest of the carried tag.
        if (carry.length === 0) yield this.fix(chunk);
        else carry += chunk;
        continue;
      }
      let from = 0;
      if (carry.length > 0) {
        const close = chunk.indexOf('>');
        from = close !== -1 && close < cut ? close + 1 : cut;
        yield this.fix(carry + chunk.slice(0, from));
      }
      if (from < cut) yield this.fix(chunk.slice(from, cut));
      carry = chunk.slice(cut);
    }
    carry += decoder.end();
    if (carry.length > 0) yield this.fix(carry);
  }

  private fix(xml: string): string {
    // Most chunks need nothing; one regex pass rules that out faster than several indexOf calls.
    if (!(this.hasInlineText ? ANYTHING_TO_FIX : ANYTHING_TO_FIX_OR_NOTE).test(xml)) return xml;
    scanMergeCells(xml, this.merges);
    // Single-quoted attributes are legal but rare: one look for them covers every type.
    const singleQuoted = xml.indexOf("t='") !== -1;
    if (!this.hasInlineText) {
      this.hasInlineText = xml.indexOf('t="inlineStr"') !== -1 || xml.indexOf('t="str"') !== -1 || (singleQuoted && INLINE_TEXT.test(xml));
    }
    if (xml.indexOf('t="b"') !== -1 || singleQuoted) this.noteBooleans(xml);
    if (xml.indexOf('t="e"') !== -1 || singleQuoted) xml = xml.replace(ERROR_TYPE, '$1$2str$2');
    return xml;
  }

  private noteBooleans(xml: string): void {
    for (const [tag] of xml.matchAll(CELL_TAG)) {
      if (!BOOLEAN_TYPE.test(tag)) continue;
      const ref = CELL_REF.exec(tag);
      if (ref) this.booleanCells.add(Number(ref[2]) * CELL_KEY_ROW + columnNumber(ref[1]));
    }
  }
}
