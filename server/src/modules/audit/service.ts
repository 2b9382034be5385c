import type { AuditRepository, NewAuditEntry } from './repository';

/**
 * How every other module writes the log: with the repository of its own transaction, so the entry
 * lands with the change it records or not at all.
 */
export function recordAudit(repo: Pick<AuditRepository, 'audit'>, entry: NewAuditEntry): Promise<void> {
  return repo.audit.append(entry);
}
