import type { Department, IdentityRepository } from './repository';

/** What other modules may ask of identity: names to show, the departments, the bureau's settings. */

/** Display names by user id, in one query (who submitted, decided, acted). */
export function displayNames(repo: IdentityRepository, ids: readonly number[]): Promise<Map<number, string>> {
  return repo.users.displayNames(ids);
}

export function listDepartments(repo: IdentityRepository): Promise<Department[]> {
  return repo.departments.list();
}

/** Whether the bureau uses the lead step (a department lead confirms before the coordinators review). */
export function leadStepOn(repo: IdentityRepository): Promise<boolean> {
  return repo.settings.get('leadConfirmation', false);
}
