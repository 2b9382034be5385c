import { extractCatalogue, type CatalogueResource } from '../../../shared/src';
import type { Actor, Store } from '../db/store';

/**
 * The consolidated catalogue: every department's latest approved catalogue, as resources the
 * engine checks data templates and demand lists against. Cached briefly; an approval here
 * refreshes it at once, and other server instances catch up within `ttlMs`.
 */
const SYSTEM: Actor = { userId: 0, role: 'admin', departmentId: null };

export class ApprovedCatalogue {
  private cached: { at: number; resources: CatalogueResource[] } | null = null;

  constructor(
    private readonly store: Store,
    private readonly ttlMs = 60_000,
  ) {}

  invalidate(): void {
    this.cached = null;
  }

  async resources(): Promise<CatalogueResource[]> {
    if (this.cached && Date.now() - this.cached.at < this.ttlMs) return this.cached.resources;
    const { items } = await this.store.submissions.list(SYSTEM, { status: 'approved', sheetKind: 'catalogue', order: 'newest', limit: 500 });
    const latestPerDepartment = new Map<number, number>();
    for (const s of items) if (!latestPerDepartment.has(s.departmentId)) latestPerDepartment.set(s.departmentId, s.id);
    const resources: CatalogueResource[] = [];
    for (const id of latestPerDepartment.values()) {
      const s = await this.store.submissions.get(SYSTEM, id);
      if (s) resources.push(...extractCatalogue(s.grid).map((r) => ({ ...r, version: s.version })));
    }
    this.cached = { at: Date.now(), resources };
    return resources;
  }
}
