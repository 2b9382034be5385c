import { allowedReviewActions, lastReturn, REVIEW_RULES, reviewSources } from './workflow';
import type { Role, SubmissionStatus } from './vocabulary';

const ROLES: Role[] = ['clerk', 'lead', 'coordinator', 'admin'];
const STATUSES: SubmissionStatus[] = ['submitted', 'confirmed', 'approved', 'returned'];

describe('review rules', () => {
  test.each([
    // role, status, lead step, what may be done
    ['lead', 'submitted', true, ['confirm', 'return']],
    ['lead', 'confirmed', true, []],
    ['coordinator', 'submitted', true, ['return']],
    ['coordinator', 'confirmed', true, ['approve', 'return']],
    ['admin', 'confirmed', true, ['approve', 'return']],
    // Without the lead step a version left waiting for a lead may be approved directly.
    ['coordinator', 'submitted', false, ['approve', 'return']],
    ['admin', 'submitted', false, ['approve', 'return']],
    ['lead', 'submitted', false, ['confirm', 'return']],
  ] as const)('%s on a %s version (lead step %s) may %j', (role, status, leadStep, expected) => {
    expect(allowedReviewActions(role, status, leadStep)).toEqual(expected);
  });

  test('nobody decides on an approved or returned version, and a clerk never decides', () => {
    for (const role of ROLES) for (const leadStep of [true, false]) {
      expect(allowedReviewActions(role, 'approved', leadStep)).toEqual([]);
      expect(allowedReviewActions(role, 'returned', leadStep)).toEqual([]);
    }
    for (const status of STATUSES) expect(allowedReviewActions('clerk', status, false)).toEqual([]);
  });

  test('a role with no rule for an action is told apart from a status that does not allow it', () => {
    expect(reviewSources('approve', 'lead', true)).toBeNull();
    expect(reviewSources('confirm', 'coordinator', true)).toBeNull();
    expect(reviewSources('return', 'lead', true)).toEqual(['submitted']);
  });

  test('every decision leads out of the statuses it is taken from', () => {
    for (const [action, rule] of Object.entries(REVIEW_RULES)) {
      for (const role of ROLES) for (const leadStep of [true, false]) {
        expect(reviewSources(action as keyof typeof REVIEW_RULES, role, leadStep) ?? []).not.toContain(rule.to);
      }
    }
  });
});

test('lastReturn finds the newest return among the decisions, or none', () => {
  const decisions = [{ decision: 'return', id: 1 }, { decision: 'confirm', id: 2 }, { decision: 'return', id: 3 }, { decision: 'approve', id: 4 }];
  expect(lastReturn({ decisions })?.id).toBe(3);
  expect(lastReturn({ decisions: decisions.filter((d) => d.decision !== 'return') })).toBeUndefined();
});
