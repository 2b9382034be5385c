import type { CatalogueResource } from '../../../shared/src';
import { checkJsonSubmission, type CheckResult, type SubmitLimits } from './check-workbook';

/** The worker-thread entry point of the submission checker pool (see checker.ts). */
export default function check(task: { body: Uint8Array; catalogue: CatalogueResource[]; limits: SubmitLimits }): CheckResult {
  return checkJsonSubmission(task.body, task.catalogue, task.limits);
}
