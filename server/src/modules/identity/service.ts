import type { Department, IdentityRepository } from './repository';

/** What other modules may ask of identity: names to show, the departments, the bureau's settings. */

/** Display names by user id, in one query (who submitted, decided, acted). */
export function displayNames(repo: Pick<IdentityRepository, 'users'>, ids: readonly number[]): Promise<Map<number, string>> {
  return repo.users.displayNames(ids);
}

export function listDepartments(repo: Pick<IdentityRepository, 'departments'>): Promise<Department[]> {
  return repo.departments.list();
}

/** Whether the bureau uses the lead step (a department lead confirms before the coordinators review). */
export function leadStepOn(repo: Pick<IdentityRepository, 'settings'>): Promise<boolean> {
  return repo.settings.get('leadConfirmation', false);
}
