import { Transform, type TransformCallback } from 'node:stream';
import { MESSAGES, WorkbookReadError } from './errors';

/**
 * Refuses a package part whose XML declares a document type. The Open Packaging Conventions
 * forbid DTDs in package parts (ECMA-376 Part 2, M1.17), so Excel, WPS and LibreOffice never
 * write one; a DOCTYPE in an upload is an entity trick (billion laughs, external entities)
 * whatever the parser would make of it. A DOCTYPE can only stand before the root element, so
 * only the prolog is looked at: the bytes pass through untouched and unbuffered.
 */
export class NoDtd extends Transform {
  private prolog = '';
  private done = false;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (!this.done) {
      // latin1 keeps one character per byte; NULs are dropped so a UTF-16 part is read alike.
      this.prolog += chunk.toString('latin1', 0, Math.min(chunk.length, PROLOG_MAX)).replace(/\0/g, '');
      const root = firstElement(this.prolog);
      const head = root === -1 ? this.prolog : this.prolog.slice(0, root);
      if (/<!DOCTYPE|<!ENTITY/i.test(head)) {
        callback(new WorkbookReadError('corrupt', MESSAGES.dtd));
        return;
      }
      if (root !== -1 || this.prolog.length >= PROLOG_MAX) {
        this.done = true;
        this.prolog = '';
      }
    }
    callback(null, chunk);
  }
}

/** Far more than any real prolog (an XML declaration, comments, processing instructions). */
const PROLOG_MAX = 64 * 1024;

/** Where the root element starts: `<` followed by a name character (not `?` or `!`). */
function firstElement(text: string): number {
  for (let i = text.indexOf('<'); i !== -1; i = text.indexOf('<', i + 1)) {
    const next = text.charCodeAt(i + 1);
    if (next !== 63 /* ? */ && next !== 33 /* ! */ && !Number.isNaN(next)) return i;
  }
  return -1;
}
