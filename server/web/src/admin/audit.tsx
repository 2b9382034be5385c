import { Button, Field, Input, Select, Table, TableBody, TableCell, TableRow, Text } from '@fluentui/react-components';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { AUDIT_ACTION_LABELS, auditActionLabel, auditDetailsText, auditEntityLabel, type AuditIdKey } from '../../../../shared/src';
import { call, query } from '../api';
import { HeaderRow } from '../common/table';
import { useDepartments, useTasks } from '../common/queries';
import { formatTime } from '../format';
import { ErrorBar, Loading } from '../common/feedback';
import { Section, useAdminStyles, useUsers } from './ui';

const PAGE = 50;

interface Filters {
  userId: string;
  action: string;
  from: string;
  to: string;
}

const NO_FILTERS: Filters = { userId: '', action: '', from: '', to: '' };

/** 操作日志: every write the server recorded — who, when, what — filtered, paged and exported. */
export function AuditTab() {
  const styles = useAdminStyles();
  const users = useUsers();
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [page, setPage] = useState(0);
  const log = useQuery({
    queryKey: ['audit', filters, page],
    queryFn: () => call('audit', { search: { ...filters, limit: PAGE, offset: page * PAGE } }),
    placeholderData: keepPreviousData,
  });
  const names = useNames();
  const total = log.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE));
  const set = (k: keyof Filters) => (value: string) => setDraft({ ...draft, [k]: value });

  return (
    <Section title="操作日志">
      <p className={styles.muted}>服务器记录的每一次写操作：谁、何时、做了什么。记录只增不改。日期按北京时间，含截止当天。</p>
      <form
        className={styles.form}
        aria-label="筛选操作日志"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setFilters(draft);
          setPage(0);
        }}
      >
        <Field label="用户">
          <Select value={draft.userId} onChange={(_, d) => set('userId')(d.value)}>
            <option value="">全部</option>
            {users.data?.map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName}（{u.username}）
              </option>
            ))}
          </Select>
        </Field>
        <Field label="操作">
          <Select value={draft.action} onChange={(_, d) => set('action')(d.value)}>
            <option value="">全部</option>
            {Object.entries(AUDIT_ACTION_LABELS).map(([action, label]) => (
              <option key={action} value={action}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="起始日期">
          <Input type="date" value={draft.from} onChange={(_, d) => set('from')(d.value)} />
        </Field>
        <Field label="截止日期">
          <Input type="date" value={draft.to} onChange={(_, d) => set('to')(d.value)} />
        </Field>
        <Button type="submit" appearance="primary">
          查询
        </Button>
        <a href={`/api/audit/export${query({ ...filters })}`} download>
          导出当前条件下的日志（CSV，可用 Excel 打开）
        </a>
      </form>
      <ErrorBar error={log.error} />
      {log.isPending ? (
        <Loading />
      ) : (
        <>
          <Text>
            共 {total} 条{total > PAGE ? `，第 ${page + 1} / ${pages} 页` : ''}
          </Text>
          <Table aria-label="操作日志" size="small">
            <HeaderRow columns={['时间', '用户', '操作', '对象', '详情']} />
            <TableBody>
              {log.data?.items.map((e) => (
                <TableRow key={e.id} data-testid={`audit-row-${e.id}`} data-action={e.action}>
                  <TableCell>{formatTime(e.at)}</TableCell>
                  <TableCell>{e.userName ?? '系统'}</TableCell>
                  <TableCell>{auditActionLabel(e.action)}</TableCell>
                  <TableCell>
                    {auditEntityLabel(e.entity)}
                    {e.entityId !== null && (e.entity === 'submission' ? <Link to={`/submissions/${e.entityId}`}> #{e.entityId}</Link> : ` ${names.entity(e.entity, e.entityId)}`)}
                  </TableCell>
                  <TableCell>{Object.keys(e.details).length ? auditDetailsText(e.details, names.of) : '—'}</TableCell>
                </TableRow>
              ))}
              {log.data?.items.length === 0 && (
                <TableRow>
                  <TableCell colSpan={5}>没有符合条件的记录。</TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>
          {pages > 1 && (
            <div className={styles.actions}>
              <Button size="small" disabled={page === 0} onClick={() => setPage(page - 1)}>
                上一页
              </Button>
              <Button size="small" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
                下一页
              </Button>
            </div>
          )}
        </>
      )}
    </Section>
  );
}

/** Names for the ids an entry mentions: people, departments and tasks, from lists the admin may read. */
function useNames() {
  const users = useUsers();
  const departments = useDepartments();
  const tasks = useTasks();
  const find = <T extends { id: number }>(list: readonly T[] | undefined, id: unknown) => list?.find((x) => x.id === Number(id));
  const of = (key: AuditIdKey, id: unknown): string | undefined => {
    if (key === 'userId') {
      const u = find(users.data, id);
      return u && `${u.displayName}（${u.username}）`;
    }
    return key === 'departmentId' ? find(departments.data, id)?.name : find(tasks.data, id)?.title;
  };
  const ENTITY_KEYS: Record<string, AuditIdKey> = { user: 'userId', department: 'departmentId', task: 'taskId' };
  const entity = (kind: string, id: string) => (ENTITY_KEYS[kind] && of(ENTITY_KEYS[kind], id)) ?? `#${id}`;
  return { of, entity };
}
