import { readFileSync } from 'node:fs';

/**
 * The requirement set of every member of the Excel JavaScript API, read from Microsoft's own
 * typings (@types/office-js: each member's "[Api set: ExcelApi x]"), with the Excel class it
 * returns. The levelled mock workbook uses it to refuse what an older Excel lacks, independently
 * of the add-in's own table (addin/src/excel/capabilities.ts), which a test checks against it.
 */
export interface MemberInfo {
  /** "1.7"; null for members without a set of their own (load, toJSON, items …); "preview" for sets no release has. */
  set: string | null;
  /** For setting a property, when the typings name a later set for that ("1.2 for setting it"). */
  setForWrite: string | null;
  /** The Excel class the member gives ("RangeFormat", "Worksheet[]"), or null. */
  type: string | null;
}

let table: Map<string, MemberInfo> | null = null;

/** "Class.member" → its set and type, for the classes of the Excel namespace. */
export function excelMembers(): Map<string, MemberInfo> {
  if (table) return table;
  table = new Map();
  const lines = readFileSync(require.resolve('@types/office-js/index.d.ts'), 'utf8').split('\n');
  let docSet: string | null = null;
  let docWrite: string | null = null;
  let inDoc = false;
  let depth = 0;
  const stack: Array<{ kind: 'ns' | 'class'; name: string; depth: number }> = [];
  for (const line of lines) {
    const t = line.trim();
    if (t.startsWith('/*')) {
      inDoc = true;
      docSet = docWrite = null;
    }
    if (inDoc) {
      // The member's own set comes first; a parameter's later set ("[Api set: ExcelApi 1.2]" on valuesOnly) does not count.
      const m = /\[Api set: ([^\]]+)\]/.exec(t);
      if (m && docSet === null) {
        docSet = /^ExcelApi (\d+\.\d+)/.exec(m[1])?.[1] ?? 'preview';
        docWrite = /(\d+\.\d+) for setting/.exec(m[1])?.[1] ?? null;
      }
      if (t.endsWith('*/')) inDoc = false;
      continue;
    }
    const top = stack[stack.length - 1];
    let m: RegExpExecArray | null;
    if ((m = /^(?:export )?(?:declare )?namespace ([\w.]+) \{/.exec(t))) stack.push({ kind: 'ns', name: m[1], depth });
    else if ((m = /^(?:export )?(?:declare )?(?:abstract )?(?:class|interface) (\w+)/.exec(t))) stack.push({ kind: 'class', name: m[1], depth });
    else if (top?.kind === 'class' && depth === top.depth + 1 && (m = /^(?:readonly )?(\w+)\??(\(|:|<)/.exec(t))) {
      const ns = stack.filter((s) => s.kind === 'ns').map((s) => s.name).join('.');
      if (ns === 'Excel') {
        const key = `${top.name}.${m[1]}`;
        const type = /(?:\):|^(?:readonly )?\w+\??:)\s*(?:Excel\.)?([A-Z]\w+(?:\[\])?)\s*;$/.exec(t)?.[1] ?? null;
        const known = table.get(key);
        // Overloads: the first declaration's set, a type from any of them.
        if (!known) table.set(key, { set: docSet, setForWrite: docWrite, type });
        else if (!known.type && type) known.type = type;
      }
      docSet = docWrite = null;
    }
    for (const ch of t) {
      if (ch === '{') depth++;
      else if (ch === '}') {
        depth--;
        while (stack.length && stack[stack.length - 1].depth >= depth) stack.pop();
      }
    }
  }
  return table;
}
