import type { Task, TaskRepository } from './repository';

/** What other modules may ask of tasks. */
export function getTask(repo: Pick<TaskRepository, 'tasks'>, id: number): Promise<Task | null> {
  return repo.tasks.get(id);
}
