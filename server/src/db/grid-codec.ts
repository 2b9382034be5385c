import { deflateRawSync, inflateRawSync, constants } from 'node:zlib';
import type { WorkbookGrid } from '../../../shared/src';

/**
 * Grids are stored deflated: a 1,000-row catalogue is 125 KB of JSON but about a tenth of that
 * compressed, and writing it is most of what the database does per submission. The fastest
 * level is used because the point is fewer pages written, not the smallest file.
 */
export function deflateGrid(json: string | Uint8Array): Buffer {
  return deflateRawSync(typeof json === 'string' ? Buffer.from(json, 'utf8') : json, { level: constants.Z_BEST_SPEED });
}

/**
 * A grid, or a JSON submission's body holding one under `workbook`: the body is stored as it
 * came (the grid as received), which spares serialising the grid again for every submission.
 */
export function inflateGrid(deflated: Uint8Array): WorkbookGrid {
  const value = JSON.parse(inflateRawSync(deflated).toString('utf8')) as WorkbookGrid | { workbook: WorkbookGrid };
  return 'workbook' in value ? value.workbook : value;
}
