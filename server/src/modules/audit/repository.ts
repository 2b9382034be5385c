/** The audit log's data-access contract (implemented in kysely-repository.ts). */
export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  action: string;
  entity: string;
  entityId: string | null;
  details: Record<string, unknown>;
}

/** Which audit entries: each field narrows; `from` (inclusive) and `to` (exclusive) are ISO times. */
export interface AuditFilter {
  userId?: number;
  action?: string;
  entity?: string;
  entityId?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export interface NewAuditEntry {
  userId: number | null;
  action: string;
  entity: string;
  entityId: string | null;
  details?: Record<string, unknown>;
}

/** The audit log: appended by every module inside its own transaction, read by admins. */
export interface AuditRepository {
  audit: {
    append(entry: NewAuditEntry): Promise<void>;
    /** Newest first. */
    list(filter?: AuditFilter): Promise<AuditEntry[]>;
    /** How many entries match, whatever `limit` and `offset` say. */
    count(filter?: AuditFilter): Promise<number>;
  };
}
