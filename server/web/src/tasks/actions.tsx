import { Button, Field, Input, Select, makeStyles } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { SheetKind } from '../../../../shared/src';
import { call } from '../api';
import { useDepartments } from '../common/queries';
import type { Department, Task } from '../types';
import { FormDialog } from '../admin/ui';
import { ErrorBar } from '../common/feedback';
import { DueField, dueInput, TaskScopeFields, usePastDueConfirm, type DueState } from './fields';

/**
 * A coordinator's corrections to a task, from its board: edit, give one department more time,
 * close, delete (only while nothing was submitted — the server says so otherwise).
 */
const useStyles = makeStyles({
  bar: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
});

type Dialog = 'edit' | 'extend' | 'close' | 'delete' | null;

/**
 * Resolves once the closed dialog's aria-hidden is gone from the page (tabster clears it on a timer, and leaving
 * the page first would cancel that, leaving the next page hidden from screen readers); at most a second.
 */
function pageShownAgain(root = document.getElementById('root')): Promise<void> {
  const until = Date.now() + 1000;
  return new Promise((resolve) => {
    const check = () => (!root?.hasAttribute('aria-hidden') || Date.now() > until ? resolve() : setTimeout(check, 50));
    check();
  });
}

/** After any change every view of the task reads it again. */
function useTaskChange<T>(send: () => Promise<T | null>, after?: (result: T) => void) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (result) => {
      if (result === null) return;
      // First close or leave (a deleted task's board would only fail to load), then read again.
      after?.(result);
      await Promise.all([queries.invalidateQueries({ queryKey: ['tasks'] }), queries.invalidateQueries({ queryKey: ['board'] })]);
    },
  });
}

/** Asks the actions to open the extension dialog for one department (a row's 延期 button); `at` makes each request new. */
export interface ExtendRequest {
  departmentId: number;
  at: number;
}

export function TaskActions({ task, extendRequest }: { task: Task; extendRequest: ExtendRequest | null }) {
  const styles = useStyles();
  // The dialogs stay mounted and are opened and closed (see FormDialog); a new `round` gives each opening fresh fields.
  const [state, setState] = useState<{ open: Dialog; round: number; departmentId: number | null }>({ open: null, round: 0, departmentId: null });
  const departments = useDepartments();
  const show = (open: Dialog, departmentId: number | null = null) => setState((s) => ({ open, round: s.round + 1, departmentId }));
  const close = () => setState((s) => ({ ...s, open: null }));
  useEffect(() => {
    if (extendRequest) show('extend', extendRequest.departmentId);
  }, [extendRequest]);
  const { open, round } = state;
  return (
    <>
      <div className={styles.bar} role="toolbar" aria-label="管理任务">
        {!task.closedAt && (
          <>
            <Button onClick={() => show('edit')}>编辑任务</Button>
            <Button onClick={() => show('extend')}>为部门延期</Button>
            <Button onClick={() => show('close')}>关闭任务</Button>
          </>
        )}
        <Button onClick={() => show('delete')}>删除任务</Button>
      </div>
      {departments.data && (
        <>
          <EditTaskDialog key={`edit-${round}`} open={open === 'edit'} task={task} departments={departments.data} onClose={close} />
          <ExtendDialog
            key={`extend-${round}`}
            open={open === 'extend'}
            task={task}
            departments={departments.data.filter((d) => task.departmentIds.includes(d.id))}
            initial={state.departmentId}
            onClose={close}
          />
        </>
      )}
      <CloseDialog open={open === 'close'} task={task} onClose={close} />
      <DeleteDialog open={open === 'delete'} task={task} onClose={close} />
    </>
  );
}

function EditTaskDialog({ open, task, departments, onClose }: { open: boolean; task: Task; departments: Department[]; onClose(): void }) {
  const [title, setTitle] = useState(task.title);
  const [kinds, setKinds] = useState<SheetKind[]>(task.sheetKinds);
  const [chosen, setChosen] = useState<number[]>(task.departmentIds);
  const [due, setDue] = useState<DueState>({ by: 'date', days: '10', date: task.dueDate });
  const dueValue = dueInput(due);
  const unchangedDue = 'input' in dueValue && 'dueDate' in dueValue.input && dueValue.input.dueDate === task.dueDate;
  const confirm = usePastDueConfirm((past) =>
    call('updateTask', {
      params: { id: task.id },
      json: { title, sheetKinds: kinds, departmentIds: chosen, ...('input' in dueValue && !unchangedDue ? dueValue.input : {}), ...past },
    }),
  );
  const save = useTaskChange(confirm.run, onClose);
  const ready = title.trim() && kinds.length && chosen.length && 'input' in dueValue;
  return (
    <FormDialog open={open} title="编辑任务" submitLabel="保存" submitDisabled={!ready || save.isPending} onClose={onClose} onSubmit={() => save.mutate()}>
      <Field label="任务名称" required>
        <Input name="title" value={title} onChange={(_, d) => setTitle(d.value)} />
      </Field>
      <TaskScopeFields departments={departments} kinds={kinds} setKinds={setKinds} chosen={chosen} setChosen={setChosen} />
      <DueField state={due} onChange={setDue} daysHint="从今天起算，按国务院公布的节假日与调休计算" />
      <ErrorBar error={save.error} />
      {confirm.dialog}
    </FormDialog>
  );
}

function ExtendDialog({ open, task, departments, initial, onClose }: { open: boolean; task: Task; departments: Department[]; initial: number | null; onClose(): void }) {
  const [departmentId, setDepartmentId] = useState(String(initial ?? departments[0]?.id ?? ''));
  const current = task.extensions.find((e) => e.departmentId === Number(departmentId))?.dueDate ?? task.dueDate;
  const [due, setDue] = useState<DueState>({ by: 'days', days: '5', date: current });
  const dueValue = dueInput(due);
  const confirm = usePastDueConfirm((past) =>
    call('extendTask', { params: { id: task.id }, json: { departmentId: Number(departmentId), ...('input' in dueValue ? dueValue.input : {}), ...past } }),
  );
  const save = useTaskChange(confirm.run, onClose);
  return (
    <FormDialog open={open} title="为部门延期" submitLabel="延期" submitDisabled={!departmentId || !('input' in dueValue) || save.isPending} onClose={onClose} onSubmit={() => save.mutate()}>
      <Field label="部门" hint={`该部门现在的截止日期：${current}`}>
        <Select value={departmentId} onChange={(_, d) => setDepartmentId(d.value)} aria-label="部门">
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </Select>
      </Field>
      <DueField state={due} onChange={setDue} from={current} daysLabel="再加若干个工作日" daysHint="从该部门现在的截止日期（已过则从今天）起算" />
      <ErrorBar error={save.error} />
      {confirm.dialog}
    </FormDialog>
  );
}

function CloseDialog({ open, task, onClose }: { open: boolean; task: Task; onClose(): void }) {
  const save = useTaskChange(() => call('closeTask', { params: { id: task.id } }), onClose);
  return (
    <FormDialog open={open} title="关闭任务" submitLabel="关闭任务" submitDisabled={save.isPending} onClose={onClose} onSubmit={() => save.mutate()}>
      <p>关闭“{task.title}”后，各部门不能再向它提交，它也不再出现在填报人员的任务列表中；已收到的提交照常审核。关闭后不能重新打开。</p>
      <ErrorBar error={save.error} />
    </FormDialog>
  );
}

function DeleteDialog({ open, task, onClose }: { open: boolean; task: Task; onClose(): void }) {
  const navigate = useNavigate();
  // The page is left only once the dialog has closed (see FormDialog).
  const [deleted, setDeleted] = useState(false);
  const queries = useQueryClient();
  // Not useTaskChange: re-reading this task's board now would only fail and pull the page from under the closing dialog.
  const save = useMutation({
    mutationFn: () => call('deleteTask', { params: { id: task.id } }),
    onSuccess: () => {
      setDeleted(true);
      onClose();
    },
  });
  const leave = async () => {
    if (!deleted) return;
    await pageShownAgain();
    queries.removeQueries({ queryKey: ['board', String(task.id)] });
    void queries.invalidateQueries({ queryKey: ['tasks'] });
    navigate('/tasks');
  };
  return (
    <FormDialog open={open} onClosed={() => void leave()} title="删除任务" submitLabel="删除" submitDisabled={save.isPending} onClose={onClose} onSubmit={() => save.mutate()}>
      <p>删除“{task.title}”？只有尚未收到任何提交的任务可以删除；已有提交的任务请关闭。</p>
      <ErrorBar error={save.error} />
    </FormDialog>
  );
}
