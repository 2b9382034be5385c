import type { CatalogueResource } from '../../../shared/src';
import type { Actor, Store } from '../db/store';
import type { GridViews } from './grid-views';

/**
 * The consolidated catalogue: every department's latest approved catalogue, as resources the
 * engine checks data templates and demand lists against. Cached briefly; an approval here
 * refreshes it at once, and other server instances catch up within `ttlMs`.
 */
const SYSTEM: Actor = { userId: 0, role: 'admin', departmentId: null };

/** The catalogue as loaded at one moment; `version` changes with every load (see checker.ts). */
export interface CatalogueSnapshot {
  version: number;
  resources: CatalogueResource[];
}

let loads = 0;

export class ApprovedCatalogue {
  private cached: { at: number; snapshot: CatalogueSnapshot } | null = null;

  constructor(
    private readonly store: Store,
    private readonly views: Pick<GridViews, 'submission'>,
    private readonly ttlMs = 60_000,
  ) {}

  invalidate(): void {
    this.cached = null;
  }

  async resources(): Promise<CatalogueResource[]> {
    return (await this.snapshot()).resources;
  }

  async snapshot(): Promise<CatalogueSnapshot> {
    if (this.cached && Date.now() - this.cached.at < this.ttlMs) return this.cached.snapshot;
    const { items } = await this.store.submissions.list(SYSTEM, { status: 'approved', sheetKind: 'catalogue', order: 'newest', limit: 500 });
    const latestPerDepartment = new Map<number, number>();
    for (const s of items) if (!latestPerDepartment.has(s.departmentId)) latestPerDepartment.set(s.departmentId, s.id);
    const resources: CatalogueResource[] = [];
    for (const s of items) {
      if (latestPerDepartment.get(s.departmentId) !== s.id) continue;
      resources.push(...(await this.views.submission(s.id)).catalogue.map((r) => ({ ...r, version: s.version })));
    }
    this.cached = { at: Date.now(), snapshot: { version: ++loads, resources } };
    return this.cached.snapshot;
  }
}
