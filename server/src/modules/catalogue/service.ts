import type { CatalogueResource } from '../../../../shared/src';
import type { GridViews } from '../submissions/grid-views';
import { latestApproved } from '../submissions/service';

/**
 * The consolidated catalogue: every department's latest approved catalogue, as resources the
 * engine checks data templates and demand lists against. Cached briefly; an approval here
 * refreshes it at once, and other server instances catch up within `ttlMs`.
 */

/** The catalogue as loaded at one moment; `version` changes with every load (see checker.ts), unlike each resource's catalogue version. */
export interface CatalogueSnapshot {
  version: number;
  resources: CatalogueResource[];
}

let loads = 0;

export class ApprovedCatalogue {
  private cached: { at: number; snapshot: CatalogueSnapshot } | null = null;

  constructor(
    private readonly store: Parameters<typeof latestApproved>[0],
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
    const resources: CatalogueResource[] = [];
    for (const s of await latestApproved(this.store, 'catalogue')) {
      // The department's catalogue version is its count of approvals, not the series number,
      // which restarts every task: a template from last year's catalogue must read as outdated.
      resources.push(...(await this.views.submission(s.id)).catalogue.map((r) => ({ ...r, version: s.approvals })));
    }
    this.cached = { at: Date.now(), snapshot: { version: ++loads, resources } };
    return this.cached.snapshot;
  }
}
