import {
  Badge, Button, Field, Input, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title3, makeStyles, tokens,
} from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { chinaDate, SHEET_KIND_LABELS, type SheetKind } from '../../../../shared/src';
import { call } from '../api';
import { useDepartments, useTasks } from '../common/queries';
import { ErrorBar, Loading } from '../common/feedback';
import { DueField, dueInput, TaskScopeFields, usePastDueConfirm, type DueState } from '../tasks/fields';
import { DepartmentTaskCells, DepartmentTaskHeaders, UncoveredCalendarWarning } from '../tasks/state';
import { hasRole, useUser } from '../session';
import type { Department } from '../types';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: '12px', maxWidth: '720px', padding: '16px', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  overdue: { color: tokens.colorPaletteRedForeground1 },
  closed: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', gap: '12px', alignItems: 'center', flexWrap: 'wrap' },
  missing: { color: tokens.colorNeutralForeground3 },
});


/** The collection tasks (a clerk's 待办: the open ones of their department, with its own due date); coordinators create them here. */
export function TasksPage() {
  const user = useUser();
  const tasks = useTasks();
  const today = chinaDate();
  const styles = useStyles();
  // Clerks and leads see their department's standing in each task, and a way to submit to it.
  const own = hasRole(user, 'clerk', 'lead');
  return (
    <>
      <Title3 as="h1">填报任务</Title3>
      {hasRole(user, 'coordinator', 'admin') && <NewTaskOnceLoaded />}
      <ErrorBar error={tasks.error} />
      {tasks.isLoading && <Loading />}
      {tasks.data && tasks.data.length === 0 && <p>还没有填报任务。</p>}
      {tasks.data && tasks.data.length > 0 && (
        <Table aria-label="填报任务" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>任务</TableHeaderCell>
              <TableHeaderCell>表格</TableHeaderCell>
              {/* A department's own list: how many others share a task, and whether it is still open (it would not be listed otherwise), say nothing to it. */}
              {!own && <TableHeaderCell>部门数</TableHeaderCell>}
              <TableHeaderCell>截止日期</TableHeaderCell>
              {!own && <TableHeaderCell>状态</TableHeaderCell>}
              {own && <DepartmentTaskHeaders />}
            </TableRow>
          </TableHeader>
          <TableBody>
            {[...tasks.data].reverse().map((t) => (
              <TableRow key={t.id} data-testid={`task-${t.id}`}>
                <TableCell>
                  <Link to={`/tasks/${t.id}`}>{t.title}</Link>
                </TableCell>
                <TableCell>{t.sheetKinds.map((k) => SHEET_KIND_LABELS[k]).join('、')}</TableCell>
                {!own && <TableCell>{t.departmentIds.length}</TableCell>}
                <TableCell className={t.closedAt ? styles.closed : t.dueDate < today ? styles.overdue : undefined}>
                  {t.dueDate}
                  {!t.closedAt && t.dueDate < today ? '（已过）' : ''}
                  {t.extensions.length > 0 && <Text size={200}>{user.departmentId !== null ? '（已延期）' : `（${t.extensions.length} 个部门延期）`}</Text>}
                  <UncoveredCalendarWarning covered={t.calendarCovered} />
                </TableCell>
                {!own && <TableCell>{t.closedAt ? <Badge appearance="outline" color="informative">已关闭</Badge> : <Badge appearance="outline" color="brand">进行中</Badge>}</TableCell>}
                {own && <DepartmentTaskCells task={t} />}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}

/** The departments are read only for those who create tasks: a clerk's list does not need them. */
function NewTaskOnceLoaded() {
  const departments = useDepartments();
  return departments.data ? <NewTask departments={departments.data} /> : null;
}

function NewTask({ departments }: { departments: Department[] }) {
  const styles = useStyles();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [title, setTitle] = useState('');
  const [kinds, setKinds] = useState<SheetKind[]>(['catalogue']);
  const [chosen, setChosen] = useState<number[]>([]);
  const [due, setDue] = useState<DueState>({ by: 'days', days: '10', date: '' });
  const dueValue = dueInput(due);
  const confirm = usePastDueConfirm((past) =>
    call('createTask', { json: { title, sheetKinds: kinds, departmentIds: chosen, ...('input' in dueValue ? dueValue.input : {}), ...past } }),
  );
  const create = useMutation({
    mutationFn: confirm.run,
    onSuccess: (task) => {
      if (!task) return;
      void queries.invalidateQueries({ queryKey: ['tasks'] });
      navigate(`/tasks/${task.id}`);
    },
  });
  // Say what is missing next to a disabled button, rather than leave it grey without a reason.
  // The due field explains its own problem (e.g. 0 working days) beside it; here it is named only.
  const missing = [!title.trim() && '填写任务名称', !kinds.length && '选择填报的表格', !chosen.length && '选择承担部门', 'reason' in dueValue && '填写有效的截止（见上方提示）'].filter(Boolean) as string[];

  return (
    <form
      className={styles.form}
      noValidate
      aria-label="新建填报任务"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate();
      }}
    >
      <strong>新建填报任务</strong>
      <Field label="任务名称" required>
        <Input name="title" value={title} onChange={(_, d) => setTitle(d.value)} placeholder="如：2026 年度政务数据资源目录编制" />
      </Field>
      <TaskScopeFields departments={departments} kinds={kinds} setKinds={setKinds} chosen={chosen} setChosen={setChosen} />
      <DueField state={due} onChange={setDue} />
      <ErrorBar error={create.error} />
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={missing.length > 0 || create.isPending}>
          创建任务
        </Button>
        {missing.length > 0 && (
          <Text className={styles.missing} data-testid="create-missing">
            还需：{missing.join('；')}
          </Text>
        )}
      </div>
      {confirm.dialog}
    </form>
  );
}
