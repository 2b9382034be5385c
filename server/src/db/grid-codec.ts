import { deflateRawSync, inflateRawSync, constants } from 'node:zlib';
import type { WorkbookGrid } from '../../../shared/src';

/**
 * Grids are stored deflated: a 1,000-row catalogue is 125 KB of JSON but about a tenth of that
 * compressed, and writing it is most of what the database does per submission. The fastest
 * level is used because the point is fewer pages written, not the smallest file.
 */
export function deflateGrid(json: string): Buffer {
  return deflateRawSync(Buffer.from(json, 'utf8'), { level: constants.Z_BEST_SPEED });
}

export function inflateGrid(deflated: Uint8Array): WorkbookGrid {
  return JSON.parse(inflateRawSync(deflated).toString('utf8')) as WorkbookGrid;
}
