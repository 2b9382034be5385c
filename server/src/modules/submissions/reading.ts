import { diffCatalogues, diffTones } from '../../../../shared/src';
import type { Actor, SubmissionRepository, SubmissionSummary } from '../../db/store';
import { notFound } from '../../http/errors';
import { displayNames } from '../identity/service';
import type { GridViews } from './grid-views';

/** The series' versions and decisions, with the names of the people in them. */
export async function versionsWithPeople(data: Pick<SubmissionRepository, 'submissions'> & Parameters<typeof displayNames>[0], actor: Actor, id: number) {
  const versions = await data.submissions.versions(actor, id);
  if (!versions) throw notFound('提交');
  const ids = [...new Set(versions.flatMap((v) => [v.submittedBy, ...v.decisions.map((d) => d.decidedBy)]))];
  const names = await displayNames(data, ids);
  const people = Object.fromEntries(ids.map((id) => [id, names.get(id) ?? `用户 ${id}`]));
  return { versions, people };
}

/** A version's catalogue against its department's last approved one: what changed, and the cells' tones. */
export async function diffWithLastApproved(data: Pick<SubmissionRepository, 'submissions'>, views: Pick<GridViews, 'submission'>, s: SubmissionSummary) {
  const base = await data.submissions.lastApproved(s.departmentId, 'catalogue', s.id);
  const now = await views.submission(s.id);
  const resources = diffCatalogues(base ? (await views.submission(base.id)).catalogue : [], now.catalogue);
  return { base: base ? { id: base.id, version: base.version } : null, resources, tones: diffTones(now.locations, resources) };
}
