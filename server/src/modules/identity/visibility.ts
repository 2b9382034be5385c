import type { Actor } from './repository';

/**
 * The departments an actor may read: clerks and leads their own (none if they have no
 * department), coordinators and admins every one. Repositories AND this into their WHERE
 * clauses, so a filter can narrow what an actor sees but never widen it.
 */
export type DepartmentScope = { all: true } | { all: false; departmentId: number | null };

export function departmentScope(actor: Actor): DepartmentScope {
  if (actor.role === 'coordinator' || actor.role === 'admin') return { all: true };
  return { all: false, departmentId: actor.departmentId };
}
