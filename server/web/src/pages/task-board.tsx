import { Badge, Button, Table, TableBody, TableCell, TableRow, Text, Title3, makeStyles } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PROGRESS_STATE_LABELS, PROGRESS_STATES, SHEET_KIND_LABELS } from '../../../../shared/src';
import { call } from '../api';
import { HeaderRow } from '../common/table';
import { Counts, ErrorBar, Loading, Notice, StateBadge } from '../common/feedback';
import { TaskActions, type ExtendRequest } from '../tasks/actions';
import { UncoveredCalendarWarning } from '../tasks/state';
import { hasRole, useUser } from '../session';
import { daysLeftText, formatTime } from '../format';

const useStyles = makeStyles({
  summary: { display: 'flex', gap: '16px', flexWrap: 'wrap', alignItems: 'center' },
  due: { display: 'inline-flex', gap: '8px', alignItems: 'center' },
});

/** One task at a glance: where every department stands, with its newest version and last activity. */
export function TaskBoardPage() {
  const styles = useStyles();
  const { id } = useParams();
  const board = useQuery({ queryKey: ['board', id], queryFn: () => call('taskBoard', { params: { id } }), refetchInterval: 60_000 });
  const manages = hasRole(useUser(), 'coordinator', 'admin');
  const [extendRequest, setExtendRequest] = useState<ExtendRequest | null>(null);
  if (board.error) return <ErrorBar error={board.error} />;
  if (!board.data) return <Loading />;
  const { task, rows, counts, workingDaysLeft, calendarCovered } = board.data;
  return (
    <>
      <Title3 as="h1">{task.title}</Title3>
      <div className={styles.summary}>
        <Text>表格：{task.sheetKinds.map((k) => SHEET_KIND_LABELS[k]).join('、')}</Text>
        <Text>
          截止日期：{task.dueDate}（{daysLeftText(workingDaysLeft)}）
        </Text>
        <UncoveredCalendarWarning covered={calendarCovered} size={300} />
      </div>
      {task.closedAt && <Notice intent="info">任务已于 {formatTime(task.closedAt)} 关闭，不再接收提交。</Notice>}
      {manages && <TaskActions task={task} extendRequest={extendRequest} />}
      <div className={styles.summary} aria-label="进度汇总">
        {PROGRESS_STATES.map((s) => (
          <Text key={s} data-count={s}>
            {PROGRESS_STATE_LABELS[s]} {counts[s] ?? 0}
          </Text>
        ))}
      </div>
      <Table aria-label="各部门进度" size="small">
        <HeaderRow columns={['部门', '状态', '截止日期', '最新版本', '校验结果', '最后动态']} />
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.department.id} data-testid={`board-row-${r.department.name}`} data-state={r.state}>
              <TableCell>{r.department.name}</TableCell>
              <TableCell>
                <StateBadge state={r.state} />
              </TableCell>
              <TableCell data-testid="row-due">
                <span className={styles.due}>
                  {r.dueDate}
                  {r.extended && (
                    <Badge appearance="tint" color="brand">
                      已延期
                    </Badge>
                  )}
                  {manages && !task.closedAt && (
                    <Button size="small" appearance="subtle" aria-label={`为 ${r.department.name} 延期`} onClick={() => setExtendRequest({ departmentId: r.department.id, at: Date.now() })}>
                      延期
                    </Button>
                  )}
                </span>
              </TableCell>
              <TableCell>{r.latest ? <Link to={`/submissions/${r.latest.id}`}>第 {r.latest.version} 版</Link> : '—'}</TableCell>
              <TableCell>{r.latest ? <Counts errors={r.latest.errors} warnings={r.latest.warnings} /> : '—'}</TableCell>
              <TableCell>{formatTime(r.lastActivityAt)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
