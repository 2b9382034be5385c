import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, makeStyles, Radio, RadioGroup, Tab, TabList, Text, Textarea, Title3, tokens,
} from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { allowedReviewActions, lastReturn, REVIEW_BUTTON_LABELS, SHEET_KIND_LABELS, type ReviewAction } from '../../../../shared/src';
import { call } from '../api';
import { useDepartments, useTasks } from '../common/queries';
import { commentPlace, commentTarget } from '../review/comments';
import { DiffPanel } from '../review/diff-panel';
import { Counts, ErrorBar, Loading, Notice, StatusBadge } from '../common/feedback';
import { History } from '../review/history';
import { CommentLine } from '../review/issue-list';
import { REVIEW_EDGE, type RowTone, type SelectedCell } from '../review/sheet-grid';
import { WorkbookView } from '../review/workbook-view';
import { formatTime } from '../format';
import { hasRole, useUser } from '../session';
import type { CellComment, Diff, SubmissionDetail } from '../types';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: '8px' },
  header: { display: 'flex', gap: '4px 14px', flexWrap: 'wrap', alignItems: 'center' },
  title: { display: 'inline-flex', gap: '10px', alignItems: 'center', margin: 0 },
  meta: { color: tokens.colorNeutralForeground2 },
  decide: { display: 'flex', flexDirection: 'column', gap: '4px', padding: '6px 10px', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  row: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  reason: { flexGrow: 1, minWidth: '280px' },
  pending: { margin: 0, paddingLeft: '20px', fontSize: tokens.fontSizeBase200 },
  toolbar: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap', padding: '2px 0' },
  returned: {
    display: 'flex', flexDirection: 'column', gap: '2px', padding: '6px 12px', maxHeight: '30vh', overflow: 'auto',
    backgroundColor: tokens.colorPaletteYellowBackground1, border: `1px solid ${tokens.colorPaletteYellowBorder1}`, borderLeft: `4px solid ${REVIEW_EDGE}`, borderRadius: tokens.borderRadiusMedium,
  },
  comments: { margin: 0, paddingLeft: '18px' },
  comment: { textAlign: 'left', background: 'none', border: 'none', padding: '1px 0', cursor: 'pointer', fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground1, ':hover': { textDecorationLine: 'underline' } },
});

/**
 * One submitted version: its rows with the engine's issues on the cells, the diff, the history,
 * and the decision. Made to fit 1366×768: a compact header, the decision in one row, and the grid
 * filling the rest of the window. A returned version says why at the top, every comment included.
 */
export function SubmissionPage() {
  const styles = useStyles();
  const user = useUser();
  const { id } = useParams();
  const [tab, setTab] = useState<'sheet' | 'diff' | 'history'>('sheet');
  const [selected, setSelected] = useState<SelectedCell | null>(null);
  const [pending, setPending] = useState<CellComment[]>([]);

  const detail = useQuery({ queryKey: ['submission', id], queryFn: () => call('submission', { params: { id } }) });
  const sheets = useQuery({ queryKey: ['sheets', id], queryFn: () => call('submissionSheets', { params: { id } }), staleTime: Infinity });
  const diff = useQuery({ queryKey: ['diff', id], queryFn: () => call('diff', { params: { id } }), enabled: detail.isSuccess });
  const versions = useQuery({ queryKey: ['versions', id], queryFn: () => call('versions', { params: { id } }), enabled: detail.isSuccess });
  const departments = useDepartments();
  const tasks = useTasks();
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => call('settings') });

  const s = detail.data;
  const opinions = useMemo(() => s?.decisions.filter((d) => d.reason || d.comments.length) ?? [], [s]);
  const comments = useMemo(() => [...(s?.decisions.flatMap((d) => d.comments) ?? []), ...pending], [s, pending]);
  // With no approved version to compare with, every row would be tinted as added: that says nothing.
  const tones = useMemo(() => (diff.data?.base ? tonesBySheet(diff.data.tones) : undefined), [diff.data]);

  if (detail.error || sheets.error) return <ErrorBar error={detail.error ?? sheets.error} />;
  if (!s || !sheets.data) return <Loading />;
  const newest = versions.data?.versions.at(-1);
  const isNewest = !newest || newest.id === s.id;
  // What this user may do with this version now; the server checks the same rules again.
  const actions = isNewest ? allowedReviewActions(user.role, s.status, settings.data?.leadConfirmation ?? false) : [];
  const department = departments.data?.find((d) => d.id === s.departmentId)?.name ?? `部门 ${s.departmentId}`;
  const task = s.taskId === null ? null : tasks.data?.find((t) => t.id === s.taskId);
  const people = versions.data?.people ?? {};
  const returned = s.status === 'returned' ? lastReturn(s) : undefined;
  const pick = (c: CellComment) => {
    const at = commentTarget(c, sheets.data.sheets);
    if (!at) return;
    setTab('sheet');
    setSelected(at);
  };

  return (
    <div className={styles.page}>
      <div className={styles.header}>
        <Title3 as="h1" className={styles.title}>
          {department} · 第 {s.version} 版 <StatusBadge status={s.status} />
        </Title3>
        <Counts errors={s.errors} warnings={s.warnings} />
        <Text size={200} className={styles.meta}>
          任务：{task ? task.title : s.taskId === null ? '不属于任务' : `任务 ${s.taskId}`}　表格：{s.sheetKinds.map((k) => SHEET_KIND_LABELS[k]).join('、')}　{formatTime(s.createdAt)} 由 {people[String(s.submittedBy)] ?? '…'} 提交
        </Text>
        {s.originalFilename && (
          <Text size={200}>
            <a href={`/api/submissions/${s.id}/file`} download>
              下载原始文件（{s.originalFilename}）
            </a>
          </Text>
        )}
      </div>
      {!isNewest && newest && <Notice intent="info">此版本已有更新的第 {newest.version} 版，审核请处理最新版本。</Notice>}
      {returned && (
        <section className={styles.returned} aria-label="退回意见">
          <Text weight="semibold" data-testid="return-reason">
            {formatTime(returned.createdAt)} {people[String(returned.decidedBy)] ?? '审核人员'} 退回：{returned.reason || '未写理由，请见以下批注'}
          </Text>
          {returned.comments.length > 0 && (
            <ul className={styles.comments} aria-label="审核批注">
              {returned.comments.map((c, i) => (
                <li key={i}>
                  <CommentLine comment={c} onPick={pick} className={styles.comment} />
                </li>
              ))}
            </ul>
          )}
          {isNewest && hasRole(user, 'clerk', 'lead') && (
            <Text size={200}>
              请按以上意见修改后<Link to={`/upload${s.taskId === null ? '' : `?task=${s.taskId}`}`}>重新提交</Link>（也可在 Excel 加载项中提交）。
            </Text>
          )}
        </section>
      )}
      {actions.length > 0 && <DecisionPanel submission={s} actions={actions} pending={pending} setPending={setPending} onDone={() => setPending([])} />}
      <TabList size="small" selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as typeof tab)}>
        <Tab value="sheet">表格与问题</Tab>
        <Tab value="diff">与上次通过版本的差异</Tab>
        <Tab value="history">版本与审核记录</Tab>
      </TabList>
      {tab === 'sheet' && (
        <WorkbookView
          sheets={sheets.data.sheets}
          rowsPath={(i) => `/api/submissions/${s.id}/sheets/${i}/rows`}
          report={s.report}
          comments={comments}
          opinions={opinions}
          rowTones={tones}
          selected={selected}
          onSelect={setSelected}
          toolbar={actions.includes('return') && selected ? <CommentInput cell={selected} onAdd={(c) => setPending([...pending, c])} /> : null}
        />
      )}
      {tab === 'diff' && (diff.data ? <DiffPanel diff={diff.data} /> : <ErrorBar error={diff.error} />)}
      {tab === 'history' && (versions.data ? <History data={versions.data} currentId={s.id} /> : <ErrorBar error={versions.error} />)}
    </div>
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
      <Field label={`批注 ${cell.sheet}!${cell.cell}`} orientation="horizontal">
        <Input size="small" name="comment" value={text} onChange={(_, d) => setText(d.value)} onKeyDown={(e) => e.key === 'Enter' && add()} placeholder="写明这个单元格应如何修改" style={{ minWidth: 300 }} />
      </Field>
      <RadioGroup layout="horizontal" value={scope} onChange={(_, d) => setScope(d.value as 'cell' | 'row')}>
        <Radio value="cell" label="此单元格" />
        <Radio value="row" label={`第 ${cell.row} 行`} />
      </RadioGroup>
      <Button size="small" onClick={add} disabled={!text.trim()}>
        添加批注
      </Button>
    </div>
  );
}

/**
 * The decision in one row above the grid, folding to a line. Approving a version with errors asks
 * first: once approved it is the baseline every later version of the department is compared with.
 */
function DecisionPanel({ submission, actions, pending, setPending, onDone }: { submission: SubmissionDetail; actions: ReviewAction[]; pending: CellComment[]; setPending(c: CellComment[]): void; onDone(): void }) {
  const styles = useStyles();
  const queries = useQueryClient();
  const [reason, setReason] = useState('');
  const [open, setOpen] = useState(true);
  const [asking, setAsking] = useState(false);
  const decide = useMutation({
    mutationFn: (action: ReviewAction) => call(action, { params: { id: submission.id }, json: { reason, comments: action === 'return' ? pending : [] } }),
    onSuccess: () => {
      setReason('');
      onDone();
      void queries.invalidateQueries();
    },
  });
  const take = (a: ReviewAction) => (a === 'approve' && submission.errors > 0 ? setAsking(true) : decide.mutate(a));
  return (
    <section className={styles.decide} aria-label="审核">
      <div className={styles.row}>
        <Text weight="semibold">审核意见</Text>
        {open && (
          <Textarea
            name="reason"
            aria-label="理由或意见"
            className={styles.reason}
            textarea={{ style: { minHeight: 30, height: 30 } }}
            value={reason}
            onChange={(_, d) => setReason(d.value)}
            resize="vertical"
            placeholder={actions.includes('return') ? '理由或意见（退回时须写明理由或至少留一条批注；在表格中点选单元格可添加批注）' : '理由或意见（可不填）'}
          />
        )}
        {!open && pending.length > 0 && <Text size={200}>待发送批注 {pending.length} 条</Text>}
        {actions.map((a) => (
          <Button key={a} appearance={a === 'return' ? 'secondary' : 'primary'} disabled={decide.isPending} onClick={() => take(a)}>
            {REVIEW_BUTTON_LABELS[a]}
          </Button>
        ))}
        <Button size="small" appearance="subtle" onClick={() => setOpen(!open)} aria-expanded={open}>
          {open ? '收起' : '展开'}
        </Button>
      </div>
      {open && pending.length > 0 && (
        <ul aria-label="待发送的批注" className={styles.pending}>
          {pending.map((c, i) => (
            <li key={i}>
              {commentPlace(c)}：{c.message}{' '}
              <Button size="small" appearance="subtle" onClick={() => setPending(pending.filter((_, k) => k !== i))}>
                删除
              </Button>
            </li>
          ))}
        </ul>
      )}
      <ErrorBar error={decide.error} />
      <Dialog modalType="alert" open={asking} onOpenChange={(_, d) => setAsking(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>确认审核通过</DialogTitle>
            <DialogContent>此版本有 {submission.errors} 个错误，确定审核通过吗？通过后它将成为以后比较的基准。</DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setAsking(false)}>
                取消
              </Button>
              <Button
                appearance="primary"
                onClick={() => {
                  setAsking(false);
                  decide.mutate('approve');
                }}
              >
                仍然通过
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
