import { Router } from 'express';
import { on } from '../../http/route-table';
import type { ApprovedCatalogue } from './service';

/** The consolidated approved catalogue, for generating data templates in the add-in. */
export function catalogueRoutes(catalogue: ApprovedCatalogue): Router {
  const r = Router();
  on(r, 'catalogueResources', async (_req, res) => {
    res.json(await catalogue.resources());
  });
  return r;
}
