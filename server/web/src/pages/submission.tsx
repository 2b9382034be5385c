import {
  Button, Field, Input, makeStyles, Radio, RadioGroup, Tab, TabList, Text, Textarea, Title3, tokens,
} from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { allowedReviewActions, marksFromComments, SHEET_KIND_LABELS, type ReviewAction } from '../../../../shared/src';
import { api } from '../api';
import { DiffPanel } from '../components/diff-panel';
import { Counts, ErrorBar, Loading, Notice, StatusBadge } from '../components/feedback';
import { History } from '../components/history';
import type { SelectedCell } from '../components/sheet-grid';
import { WorkbookView } from '../components/workbook-view';
import { formatTime } from '../format';
import { useUser } from '../session';
import type { CellComment, Department, Diff, SheetOutline, SubmissionDetail, Task, Versions } from '../types';
import type { RowTone } from '../components/sheet-grid';

const useStyles = makeStyles({
  header: { display: 'flex', gap: '16px', flexWrap: 'wrap', alignItems: 'center' },
  decide: { display: 'flex', flexDirection: 'column', gap: '8px', padding: '12px', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, maxWidth: '900px' },
  row: { display: 'flex', gap: '8px', alignItems: 'flex-end', flexWrap: 'wrap' },
  toolbar: { display: 'flex', gap: '8px', alignItems: 'flex-end', flexWrap: 'wrap', padding: '6px 0' },
});

/** One submitted version: its rows with the engine's issues on the cells, the diff, the history, and the decision. */
export function SubmissionPage() {
  const styles = useStyles();
  const user = useUser();
  const { id } = useParams();
  const [tab, setTab] = useState<'sheet' | 'diff' | 'history'>('sheet');
  const [selected, setSelected] = useState<SelectedCell | null>(null);
  const [pending, setPending] = useState<CellComment[]>([]);

  const detail = useQuery({ queryKey: ['submission', id], queryFn: () => api<SubmissionDetail>(`/api/submissions/${id}`) });
  const sheets = useQuery({ queryKey: ['sheets', id], queryFn: () => api<{ sheets: SheetOutline[] }>(`/api/submissions/${id}/sheets`), staleTime: Infinity });
  const diff = useQuery({ queryKey: ['diff', id], queryFn: () => api<Diff>(`/api/submissions/${id}/diff`), enabled: detail.isSuccess });
  const versions = useQuery({ queryKey: ['versions', id], queryFn: () => api<Versions>(`/api/submissions/${id}/versions`), enabled: detail.isSuccess });
  const departments = useQuery({ queryKey: ['departments'], queryFn: () => api<Department[]>('/api/departments') });
  const tasks = useQuery({ queryKey: ['tasks'], queryFn: () => api<Task[]>('/api/tasks') });
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => api<{ leadConfirmation: boolean }>('/api/settings') });

  const s = detail.data;
  const given = useMemo(() => s?.decisions.flatMap((d) => d.comments) ?? [], [s]);
  const extraMarks = useMemo(() => marksFromComments([...given, ...pending]), [given, pending]);
  const tones = useMemo(() => (diff.data ? tonesBySheet(diff.data.tones) : undefined), [diff.data]);

  if (detail.error || sheets.error) return <ErrorBar error={detail.error ?? sheets.error} />;
  if (!s || !sheets.data) return <Loading />;
  const newest = versions.data?.versions.at(-1);
  const isNewest = !newest || newest.id === s.id;
  // What this user may do with this version now; the server checks the same rules again.
  const actions = isNewest ? allowedReviewActions(user.role, s.status, settings.data?.leadConfirmation ?? false) : [];
  const department = departments.data?.find((d) => d.id === s.departmentId)?.name ?? `部门 ${s.departmentId}`;
  const task = s.taskId === null ? null : tasks.data?.find((t) => t.id === s.taskId);

  return (
    <>
      <Title3 as="h1">
        {department} · 第 {s.version} 版
      </Title3>
      <div className={styles.header}>
        <StatusBadge status={s.status} />
        <Counts errors={s.errors} warnings={s.warnings} />
        <Text>任务：{task ? task.title : s.taskId === null ? '不属于任务' : `任务 ${s.taskId}`}</Text>
        <Text>表格：{s.sheetKinds.map((k) => SHEET_KIND_LABELS[k]).join('、')}</Text>
        <Text>
          {formatTime(s.createdAt)} 由 {versions.data?.people[String(s.submittedBy)] ?? '…'} 提交
        </Text>
        {s.originalFilename && (
          <a href={`/api/submissions/${s.id}/file`} download>
            下载原始文件（{s.originalFilename}）
          </a>
        )}
      </div>
      {!isNewest && newest && <Notice intent="info">此版本已有更新的第 {newest.version} 版，审核请处理最新版本。</Notice>}
      {actions.length > 0 && <DecisionPanel submission={s} actions={actions} pending={pending} setPending={setPending} onDone={() => setPending([])} />}
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as typeof tab)}>
        <Tab value="sheet">表格与问题</Tab>
        <Tab value="diff">与上次通过版本的差异</Tab>
        <Tab value="history">版本与审核记录</Tab>
      </TabList>
      {tab === 'sheet' && (
        <WorkbookView
          sheets={sheets.data.sheets}
          rowsPath={(i) => `/api/submissions/${s.id}/sheets/${i}/rows`}
          report={s.report}
          extraMarks={extraMarks}
          rowTones={tones}
          selected={selected}
          onSelect={setSelected}
          toolbar={actions.includes('return') && selected ? <CommentInput cell={selected} onAdd={(c) => setPending([...pending, c])} /> : null}
        />
      )}
      {tab === 'diff' && (diff.data ? <DiffPanel diff={diff.data} /> : <ErrorBar error={diff.error} />)}
      {tab === 'history' && (versions.data ? <History data={versions.data} currentId={s.id} /> : <ErrorBar error={versions.error} />)}
    </>
  );
}

function tonesBySheet(tones: Diff['tones']): Map<string, Map<number, RowTone>> {
  const bySheet = new Map<string, Map<number, RowTone>>();
  for (const t of tones) {
    let rows = bySheet.get(t.sheet);
    if (!rows) bySheet.set(t.sheet, (rows = new Map()));
    rows.set(t.row, t.tone);
  }
  return bySheet;
}

/** A comment on the selected cell, or on its whole row, to send with a return. */
function CommentInput({ cell, onAdd }: { cell: SelectedCell; onAdd(c: CellComment): void }) {
  const styles = useStyles();
  const [text, setText] = useState('');
  const [scope, setScope] = useState<'cell' | 'row'>('cell');
  const add = () => {
    if (!text.trim()) return;
    onAdd({ sheet: cell.sheet, row: cell.row, cell: scope === 'cell' ? cell.cell : null, message: text.trim() });
    setText('');
  };
  return (
    <div className={styles.toolbar} aria-label="添加批注">
      <Field label={`批注 ${cell.sheet}!${cell.cell}`}>
        <Input name="comment" value={text} onChange={(_, d) => setText(d.value)} onKeyDown={(e) => e.key === 'Enter' && add()} placeholder="写明这个单元格应如何修改" style={{ minWidth: 320 }} />
      </Field>
      <RadioGroup layout="horizontal" value={scope} onChange={(_, d) => setScope(d.value as 'cell' | 'row')}>
        <Radio value="cell" label="此单元格" />
        <Radio value="row" label={`第 ${cell.row} 行`} />
      </RadioGroup>
      <Button onClick={add} disabled={!text.trim()}>
        添加批注
      </Button>
    </div>
  );
}

const ACTION_LABELS: Record<ReviewAction, string> = { confirm: '确认提交', approve: '审核通过', return: '退回修改' };

function DecisionPanel({ submission, actions, pending, setPending, onDone }: { submission: SubmissionDetail; actions: ReviewAction[]; pending: CellComment[]; setPending(c: CellComment[]): void; onDone(): void }) {
  const styles = useStyles();
  const queries = useQueryClient();
  const [reason, setReason] = useState('');
  const decide = useMutation({
    mutationFn: (action: ReviewAction) => api(`/api/submissions/${submission.id}/${action}`, { json: { reason, comments: action === 'return' ? pending : [] } }),
    onSuccess: () => {
      setReason('');
      onDone();
      void queries.invalidateQueries();
    },
  });
  return (
    <section className={styles.decide} aria-label="审核">
      <Text weight="semibold">审核意见</Text>
      {actions.includes('return') && <Text size={200}>在下方表格中点选单元格可添加批注；退回时须写明理由或至少留一条批注。</Text>}
      <Field label="理由或意见">
        <Textarea name="reason" value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" />
      </Field>
      {pending.length > 0 && (
        <ul aria-label="待发送的批注">
          {pending.map((c, i) => (
            <li key={i}>
              {c.sheet}
              {c.cell ? `!${c.cell}` : ` 第 ${c.row} 行`}：{c.message}{' '}
              <Button size="small" appearance="subtle" onClick={() => setPending(pending.filter((_, k) => k !== i))}>
                删除
              </Button>
            </li>
          ))}
        </ul>
      )}
      <ErrorBar error={decide.error} />
      <div className={styles.row}>
        {actions.map((a) => (
          <Button key={a} appearance={a === 'return' ? 'secondary' : 'primary'} disabled={decide.isPending} onClick={() => decide.mutate(a)}>
            {ACTION_LABELS[a]}
          </Button>
        ))}
      </div>
    </section>
  );
}
