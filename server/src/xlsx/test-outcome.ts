/**
 * What reading a workbook came to, small enough for a Jest snapshot: the sheets' names and sizes
 * and a SHA-256 of the whole grid, or the refusal's code. The snapshots were written by the
 * exceljs-based reader this project used before xlsx-sheets.ts (issue 19): matching them is
 * matching that reader's grid cell by cell.
 */
import { createHash } from 'node:crypto';
import type { WorkbookGrid } from '../../../shared/src/grid';

export type ReadOutcome =
  | { sheets: Array<{ name: string; rows: number; merges: number }>; sha256: string }
  | { error: string };

export async function readOutcome(read: Promise<WorkbookGrid>): Promise<ReadOutcome> {
  try {
    const grid = await read;
    return {
      sheets: grid.sheets.map((s) => ({ name: s.name, rows: s.rows.length, merges: s.merges?.length ?? 0 })),
      sha256: createHash('sha256').update(JSON.stringify(grid)).digest('hex'),
    };
  } catch (e) {
    return { error: (e as { code?: string }).code ?? String(e) };
  }
}
