/**
 * Every migration, imported in code rather than found on disk, so the compiled server in
 * dist/ carries them. Kysely runs them in name order: add new ones as '002_…', never rename.
 */
import type { Migration, MigrationProvider } from 'kysely';
import { initial } from './001-initial';
import { requestHash } from './002-request-hash';
import { gridDeflated } from './003-grid-deflated';
import { sessions } from './004-sessions';
import { rateLimits } from './005-rate-limits';
import { checkedUploads } from './006-checked-uploads';
import { credentials } from './007-credentials';
import { taskManagement } from './008-task-management';
import { dropGridText } from './009-drop-grid-text';

const MIGRATIONS: Record<string, Migration> = {
  '001_initial': initial,
  '002_request_hash': requestHash,
  '003_grid_deflated': gridDeflated,
  '004_sessions': sessions,
  '005_rate_limits': rateLimits,
  '006_checked_uploads': checkedUploads,
  '007_credentials': credentials,
  '008_task_management': taskManagement,
  '009_drop_grid_text': dropGridText,
};

export const staticMigrations: MigrationProvider = {
  async getMigrations() {
    return MIGRATIONS;
  },
};
