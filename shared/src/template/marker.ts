import { cellText, type CellValue } from '../grid';
import { fold } from '../text';

/**
 * A data template's identity, written as one visible cell of plain text near the top of the
 * sheet. A cell value survives saving in Excel, WPS and LibreOffice and reads back from any
 * .xlsx, where custom properties and hidden names may not.
 *
 *   模板标识：GOVCAT-T1；资源名称：…；资源代码：…；提供部门：…；目录版本：3；报送期次：2026-11；零上报：否；主键：…
 */
export const MARKER_TAG = 'GOVCAT-T1';
const MARKER_LABEL = '模板标识';
export const MARKER_SCAN_ROWS = 5;

export interface TemplateMarker {
  resourceName: string;
  resourceCode: string | null;
  department: string | null;
  version: number | null;
  period: string | null;
  zeroReport: boolean;
  keys: string[];
}

const FIELDS: ReadonlyArray<readonly [keyof TemplateMarker, string]> = [
  ['resourceName', '资源名称'],
  ['resourceCode', '资源代码'],
  ['department', '提供部门'],
  ['version', '目录版本'],
  ['period', '报送期次'],
  ['zeroReport', '零上报'],
  ['keys', '主键'],
];

/** Separators inside values would split the marker; fold them to look-alikes. */
const clean = (s: string) => s.replace(/[；;]/g, ',').replace(/[：]/g, ':');

export function formatMarker(m: TemplateMarker): string {
  const parts = [`${MARKER_LABEL}：${MARKER_TAG}`];
  for (const [key, label] of FIELDS) {
    const v = m[key];
    if (v === null || (Array.isArray(v) && v.length === 0)) continue;
    const text = typeof v === 'boolean' ? (v ? '是' : '否') : Array.isArray(v) ? v.map(clean).join('、') : clean(String(v));
    parts.push(`${label}：${text}`);
  }
  return parts.join('；');
}

export function parseMarkerText(text: string): TemplateMarker | null {
  const s = fold(text).trim();
  if (!s.startsWith(MARKER_LABEL) || !s.includes(MARKER_TAG)) return null;
  const values = new Map<string, string>();
  for (const part of s.split(';')) {
    const i = part.indexOf(':');
    if (i > 0) values.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  const name = values.get('资源名称');
  if (!name) return null;
  const version = Number(values.get('目录版本'));
  return {
    resourceName: name,
    resourceCode: values.get('资源代码') || null,
    department: values.get('提供部门') || null,
    version: Number.isInteger(version) && version > 0 ? version : null,
    period: values.get('报送期次') || null,
    zeroReport: values.get('零上报') === '是',
    keys: (values.get('主键') ?? '').split('、').map((k) => k.trim()).filter(Boolean),
  };
}

/** The marker and the 0-based row it stands on, if the sheet has one in its first rows. */
export function findMarker(rows: readonly CellValue[][]): { marker: TemplateMarker; rowIndex: number } | null {
  for (let r = 0; r < Math.min(rows.length, MARKER_SCAN_ROWS); r++) {
    for (const v of rows[r] ?? []) {
      if (typeof v !== 'string' || !v.includes(MARKER_TAG)) continue;
      const marker = parseMarkerText(cellText(v));
      if (marker) return { marker, rowIndex: r };
    }
  }
  return null;
}
