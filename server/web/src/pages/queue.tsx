import {
  Button, Checkbox, Field, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title3, makeStyles,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { SHEET_KIND_LABELS, SUBMISSION_STATUS_LABELS, type SubmissionStatus } from '../../../../shared/src';
import { call } from '../api';
import { useDepartments, useTasks } from '../common/queries';
import { Counts, ErrorBar, Loading, StatusBadge } from '../common/feedback';
import { formatAge, formatTime } from '../format';
import { hasRole, useUser } from '../session';
import type { User } from '../types';

const PAGE = 50;

const useStyles = makeStyles({
  filters: { display: 'flex', gap: '12px', flexWrap: 'wrap', alignItems: 'flex-end' },
  pager: { display: 'flex', gap: '12px', alignItems: 'center' },
  row: { cursor: 'pointer' },
});

/** What each role waits on first: reviewers the confirmed versions, leads their department's new ones. */
function defaultStatus(user: User): SubmissionStatus | '' {
  if (hasRole(user, 'coordinator', 'admin')) return 'confirmed';
  if (hasRole(user, 'lead')) return 'submitted';
  return '';
}

/** The review queue: filter by task, department, status and sheet kind; oldest first by default. */
export function QueuePage() {
  const styles = useStyles();
  const user = useUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  // A clerk's list is one department's own versions: every version, newest first, and no
  // department, sheet-kind, order or latest-per-department filters that mean nothing for one department.
  const clerk = hasRole(user, 'clerk');
  const filter = {
    taskId: params.get('task') ?? '',
    departmentId: params.get('department') ?? '',
    status: params.get('status') ?? defaultStatus(user),
    sheetKind: params.get('kind') ?? '',
    latest: clerk ? params.get('latest') === 'true' : params.get('latest') !== 'false',
    order: (params.get('order') ?? (clerk ? 'newest' : 'oldest')) === 'newest' ? 'newest' : 'oldest',
    page: Math.max(0, Number(params.get('page') ?? 0) || 0),
  };
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    next.delete('page');
    setParams(next, { replace: true });
  };

  const tasks = useTasks();
  const departments = useDepartments();
  const list = useQuery({
    queryKey: ['submissions', filter],
    queryFn: () =>
      call('submissions', {
        search: { taskId: filter.taskId, departmentId: filter.departmentId, status: filter.status, sheetKind: filter.sheetKind, latest: filter.latest ? 'true' : undefined, order: filter.order, limit: PAGE, offset: filter.page * PAGE },
      }),
  });
  const taskTitle = new Map(tasks.data?.map((t) => [t.id, t.title]));
  const departmentName = new Map(departments.data?.map((d) => [d.id, d.name]));
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE)) : 1;
  const title = hasRole(user, 'coordinator', 'admin') ? '审核队列' : hasRole(user, 'lead') ? '待确认的提交' : '本部门的提交';

  return (
    <>
      <Title3 as="h1">{title}</Title3>
      <div className={styles.filters} role="search" aria-label="筛选">
        <FilterSelect label="任务" value={filter.taskId} onChange={(v) => set('task', v)} all="全部任务" options={tasks.data?.map((t) => [String(t.id), t.title])} />
        {hasRole(user, 'coordinator', 'admin') && (
          <FilterSelect label="部门" value={filter.departmentId} onChange={(v) => set('department', v)} all="全部部门" options={departments.data?.map((d) => [String(d.id), d.name])} />
        )}
        <FilterSelect label="状态" value={filter.status} onChange={(v) => set('status', v)} all="全部状态" options={Object.entries(SUBMISSION_STATUS_LABELS)} />
        {!clerk && (
          <>
            <FilterSelect label="表格" value={filter.sheetKind} onChange={(v) => set('kind', v)} all="全部表格" options={Object.entries(SHEET_KIND_LABELS)} />
            <FilterSelect label="排序" value={filter.order} onChange={(v) => set('order', v)} options={[['oldest', '等待最久的在前'], ['newest', '最新的在前']]} />
            <Checkbox label="只看每个部门的最新版本" checked={filter.latest} onChange={(_, d) => set('latest', d.checked ? 'true' : 'false')} />
          </>
        )}
      </div>
      <ErrorBar error={list.error} />
      {list.isLoading && <Loading />}
      {list.data && list.data.items.length === 0 && <p>没有符合条件的提交。</p>}
      {list.data && list.data.items.length > 0 && (
        <Table aria-label="提交列表" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>提交时间</TableHeaderCell>
              {!clerk && <TableHeaderCell>已等待</TableHeaderCell>}
              {!clerk && <TableHeaderCell>部门</TableHeaderCell>}
              <TableHeaderCell>任务</TableHeaderCell>
              <TableHeaderCell>版本</TableHeaderCell>
              <TableHeaderCell>表格</TableHeaderCell>
              <TableHeaderCell>状态</TableHeaderCell>
              <TableHeaderCell>校验结果</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.data.items.map((s) => (
              // The whole row opens the submission; the link in it is the way for the keyboard and for a new tab.
              <TableRow key={s.id} data-testid={`queue-row-${s.id}`} className={styles.row} onClick={(e) => !(e.target as Element).closest('a') && navigate(`/submissions/${s.id}`)}>
                <TableCell>{formatTime(s.createdAt)}</TableCell>
                {!clerk && <TableCell>{formatAge(s.createdAt)}</TableCell>}
                {!clerk && (
                  <TableCell>
                    <Link to={`/submissions/${s.id}`}>{departmentName.get(s.departmentId) ?? s.departmentId}</Link>
                  </TableCell>
                )}
                <TableCell>{s.taskId === null ? '—' : (taskTitle.get(s.taskId) ?? s.taskId)}</TableCell>
                {/* A clerk's rows are all one department's: the version is the link. */}
                <TableCell>{clerk ? <Link to={`/submissions/${s.id}`}>第 {s.version} 版</Link> : `第 ${s.version} 版`}</TableCell>
                <TableCell>{s.sheetKinds.map((k) => SHEET_KIND_LABELS[k]).join('、')}</TableCell>
                <TableCell>
                  <StatusBadge status={s.status} />
                </TableCell>
                <TableCell>
                  <Counts errors={s.errors} warnings={s.warnings} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {list.data && list.data.total > PAGE && (
        <div className={styles.pager}>
          <Button disabled={filter.page === 0} onClick={() => setParams((p) => (p.set('page', String(filter.page - 1)), p))}>
            上一页
          </Button>
          <Text>
            第 {filter.page + 1} / {pages} 页，共 {list.data.total} 条
          </Text>
          <Button disabled={filter.page + 1 >= pages} onClick={() => setParams((p) => (p.set('page', String(filter.page + 1)), p))}>
            下一页
          </Button>
        </div>
      )}
    </>
  );
}

/** A labelled drop-down of [value, label] pairs, with an optional first choice meaning "no filter". */
function FilterSelect({ label, value, onChange, options = [], all }: { label: string; value: string; onChange(v: string): void; options?: Array<[string, string]>; all?: string }) {
  return (
    <Field label={label}>
      <Select value={value} onChange={(_, d) => onChange(d.value)} aria-label={label}>
        {all && <option value="">{all}</option>}
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </Select>
    </Field>
  );
}
