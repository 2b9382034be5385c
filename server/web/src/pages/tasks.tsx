import {
  Button, Checkbox, Field, Input, Radio, RadioGroup, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Title3, makeStyles, tokens,
} from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { chinaDate, SHEET_KIND_LABELS, type SheetKind } from '../../../../shared/src';
import { api } from '../api';
import { ErrorBar, Loading } from '../components/feedback';
import { DepartmentTaskCells, DepartmentTaskHeaders } from '../components/task-state';
import { hasRole, useUser } from '../session';
import type { Department, Task } from '../types';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: '12px', maxWidth: '720px', padding: '16px', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  row: { display: 'flex', gap: '12px', flexWrap: 'wrap', alignItems: 'center' },
  overdue: { color: tokens.colorPaletteRedForeground1 },
  group: { border: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: '4px' },
});

const KINDS = Object.keys(SHEET_KIND_LABELS) as SheetKind[];

/** The collection tasks; coordinators create them here. */
export function TasksPage() {
  const user = useUser();
  const tasks = useQuery({ queryKey: ['tasks'], queryFn: () => api<Task[]>('/api/tasks') });
  const departments = useQuery({ queryKey: ['departments'], queryFn: () => api<Department[]>('/api/departments') });
  const today = chinaDate();
  const styles = useStyles();
  // Clerks and leads see their department's standing in each task, and a way to submit to it.
  const own = hasRole(user, 'clerk', 'lead');
  return (
    <>
      <Title3 as="h1">填报任务</Title3>
      {hasRole(user, 'coordinator', 'admin') && departments.data && <NewTask departments={departments.data} />}
      <ErrorBar error={tasks.error} />
      {tasks.isLoading && <Loading />}
      {tasks.data && tasks.data.length === 0 && <p>还没有填报任务。</p>}
      {tasks.data && tasks.data.length > 0 && (
        <Table aria-label="填报任务" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>任务</TableHeaderCell>
              <TableHeaderCell>表格</TableHeaderCell>
              <TableHeaderCell>部门数</TableHeaderCell>
              <TableHeaderCell>截止日期</TableHeaderCell>
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
                <TableCell>{t.departmentIds.length}</TableCell>
                <TableCell className={t.dueDate < today ? styles.overdue : undefined}>
                  {t.dueDate}
                  {t.dueDate < today ? '（已过）' : ''}
                </TableCell>
                {own && <DepartmentTaskCells task={t} />}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}

function NewTask({ departments }: { departments: Department[] }) {
  const styles = useStyles();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [title, setTitle] = useState('');
  const [kinds, setKinds] = useState<SheetKind[]>(['catalogue']);
  const [chosen, setChosen] = useState<number[]>([]);
  const [dueBy, setDueBy] = useState<'days' | 'date'>('days');
  const [days, setDays] = useState('10');
  const [date, setDate] = useState('');
  const create = useMutation({
    mutationFn: () =>
      api<Task>('/api/tasks', {
        json: { title, sheetKinds: kinds, departmentIds: chosen, ...(dueBy === 'days' ? { dueInWorkingDays: Number(days) } : { dueDate: date }) },
      }),
    onSuccess: (task) => {
      void queries.invalidateQueries({ queryKey: ['tasks'] });
      navigate(`/tasks/${task.id}`);
    },
  });
  const toggle = <T,>(list: T[], value: T, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));
  const ready = title.trim() && kinds.length && chosen.length && (dueBy === 'days' ? Number(days) >= 1 : /^\d{4}-\d{2}-\d{2}$/.test(date));

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
      <fieldset className={styles.group}>
        <legend>填报的表格（必选）</legend>
        <div className={styles.row}>
          {KINDS.map((k) => (
            <Checkbox key={k} label={SHEET_KIND_LABELS[k]} checked={kinds.includes(k)} onChange={(_, d) => setKinds(toggle(kinds, k, !!d.checked))} />
          ))}
        </div>
      </fieldset>
      <fieldset className={styles.group}>
        <legend>承担部门（必选）</legend>
        <div className={styles.row}>
          <Checkbox label="全选" checked={chosen.length === departments.length ? true : chosen.length ? 'mixed' : false} onChange={(_, d) => setChosen(d.checked ? departments.map((x) => x.id) : [])} />
          {departments.map((d) => (
            <Checkbox key={d.id} label={d.name} checked={chosen.includes(d.id)} onChange={(_, e) => setChosen(toggle(chosen, d.id, !!e.checked))} />
          ))}
        </div>
      </fieldset>
      <Field label="截止">
        <RadioGroup layout="horizontal" value={dueBy} onChange={(_, d) => setDueBy(d.value as 'days' | 'date')}>
          <Radio value="days" label="若干个工作日后" />
          <Radio value="date" label="指定日期" />
        </RadioGroup>
      </Field>
      {dueBy === 'days' ? (
        <Field label="工作日天数" hint="按国务院公布的节假日与调休计算">
          <Input name="days" type="number" min={1} max={250} value={days} onChange={(_, d) => setDays(d.value)} />
        </Field>
      ) : (
        <Field label="截止日期">
          <Input name="dueDate" type="date" value={date} onChange={(_, d) => setDate(d.value)} />
        </Field>
      )}
      <ErrorBar error={create.error} />
      <div>
        <Button appearance="primary" type="submit" disabled={!ready || create.isPending}>
          创建任务
        </Button>
      </div>
    </form>
  );
}
