import { makeStyles, TableCell, TableHeaderCell, Text, tokens } from '@fluentui/react-components';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { UNCOVERED_WARNING } from '../../../../shared/src';
import { call } from '../api';
import type { Task, TaskBoard } from '../types';
import { StateBadge } from '../common/feedback';

/**
 * Where the clerk's own department stands in a task, from the task's board (which shows a clerk
 * or lead only their department's row): the task list and the upload page read it.
 */
const boardQuery = (taskId: number) => ({ queryKey: ['board', String(taskId)], queryFn: () => call('taskBoard', { params: { id: taskId } }) });

export interface DepartmentTask {
  task: Task;
  board: TaskBoard | undefined;
  /** The department's row (undefined until the board arrives). */
  row: TaskBoard['rows'][number] | undefined;
}

/** The tasks given to the department, each with its board. */
export function useDepartmentTasks(tasks: readonly Task[] | undefined): DepartmentTask[] {
  const boards = useQueries({ queries: (tasks ?? []).map((t) => boardQuery(t.id)) });
  return (tasks ?? []).map((task, i) => ({ task, board: boards[i]?.data, row: boards[i]?.data?.rows[0] }));
}

/** A task is still open for the department until a version of it has been approved. */
export const isOpen = (t: DepartmentTask) => t.row !== undefined && t.row.state !== 'approved';

export function DepartmentTaskHeaders() {
  return (
    <>
      <TableHeaderCell>本部门状态</TableHeaderCell>
      <TableHeaderCell>提交</TableHeaderCell>
    </>
  );
}

/** The task list's two cells for a clerk or lead: the department's status, and a way to submit to the task. */
export function DepartmentTaskCells({ task }: { task: Task }) {
  const board = useQuery(boardQuery(task.id));
  const row = board.data?.rows[0];
  return (
    <>
      <TableCell>{row ? <StateBadge state={row.state} /> : <Text size={200}>…</Text>}</TableCell>
      <TableCell>
        {row?.latest && (
          <>
            <Link to={`/submissions/${row.latest.id}`}>第 {row.latest.version} 版</Link>{' '}
          </>
        )}
        <Link to={`/upload?task=${task.id}`}>{row?.state === 'approved' ? '再次提交' : '提交'}</Link>
      </TableCell>
    </>
  );
}

const useWarningStyles = makeStyles({ warning: { color: tokens.colorPaletteDarkOrangeForeground1 } });

/** Beside a due date in a year whose holidays the server does not know: it was counted on weekends alone. `size` 300 where it reads as body text (the board, the due-date preview). */
export function UncoveredCalendarWarning({ covered, size = 200 }: { covered: boolean; size?: 200 | 300 }) {
  const styles = useWarningStyles();
  if (covered) return null;
  return (
    <Text size={size} className={styles.warning} data-testid="calendar-warning">
      {' '}
      {UNCOVERED_WARNING}
    </Text>
  );
}
