import { parentPort } from 'node:worker_threads';
import type { CatalogueResource } from '../../../../shared/src';
import { inflateGrid } from '../../db/grid-codec';
import { checkReceived, type CheckResult, type Purpose, type Received, type SubmitLimits } from './check-workbook';
import { indexGrid, type GridIndex } from './grid-index';

/**
 * The worker-thread entry point of the submission checker pool (see checker.ts). The approved
 * catalogue can be large (every department's resources and items); it is sent to a worker once
 * per version and kept here, not copied across with every submission.
 */
export interface CheckTask {
  /** Posted back as `{ started }` when this worker takes the task up: the checker's clock starts then. */
  ticket?: number;
  received: Received;
  purpose: Purpose;
  catalogueVersion: number;
  /** Sent only when the worker asked for it. */
  catalogue?: CatalogueResource[];
  limits: SubmitLimits;
}

export type WorkerAnswer = CheckResult | { needCatalogue: true };

let held: { version: number; resources: CatalogueResource[] } | null = null;

export default async function check(task: CheckTask): Promise<WorkerAnswer> {
  if (task.ticket !== undefined) parentPort?.postMessage({ started: task.ticket });
  if (task.catalogue) held = { version: task.catalogueVersion, resources: task.catalogue };
  if (!held || held.version !== task.catalogueVersion) return { needCatalogue: true };
  return checkReceived(task.received, held.resources, task.limits, task.purpose);
}

/** A stored grid (deflated) prepared for windowed reading (grid-index.ts): parsing tens of MB stays off the main thread. */
export function index(deflated: Uint8Array): GridIndex {
  return indexGrid(inflateGrid(deflated));
}
