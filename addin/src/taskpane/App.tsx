import {
  Badge, Button, Divider, Field, Input, Link, MessageBar, MessageBarBody, ProgressBar, Radio, RadioGroup, Tab, TabList, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { groupIssues, PROGRESS_STATE_LABELS, SUBMISSION_STATUS_LABELS, UNCOVERED_WARNING, type CatalogueResource, type Issue, type Report } from '../../../shared/src';
import type { UnplacedMessage, WorkbookHost } from '../host/types';
import { ApiClient, lastReturn, type OpenTask, type SubmissionDetail } from '../pane/api-client';
import { PaneController, type Scope } from '../pane/controller';
import { capabilityReport, FEATURES } from '../excel/capabilities';
import { blankSheet, CREATABLE } from './sheet-specs';
import { templateSheet } from './template-sheet';

/** The task pane: check, mark, submit, read the reviewer's reasons, create sheets. zh-CN throughout. */
const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '12px', padding: '12px', fontFamily: tokens.fontFamilyBase },
  row: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  group: { display: 'flex', flexDirection: 'column', gap: '4px' },
  issue: { justifyContent: 'flex-start', textAlign: 'left', height: 'auto', paddingTop: '4px', paddingBottom: '4px' },
});

/** The rule reference on the server; an unparsable address falls back to the page's own server. */
function helpUrl(serverUrl: string): string {
  try {
    return new URL('/help/rules', serverUrl.trim() || window.location.origin).href;
  } catch {
    return new URL('/help/rules', window.location.origin).href;
  }
}

const NOT_CONFIGURED = { intent: 'error', text: '请先在“设置”中填写服务器地址和访问令牌。' } as const;

export function App({ host }: { host: WorkbookHost }) {
  const styles = useStyles();
  const pane = useMemo(() => new PaneController(host), [host]);
  const [tab, setTab] = useState<'check' | 'submit' | 'create' | 'settings'>('check');
  const [scope, setScope] = useState<Scope>('workbook');
  const [report, setReport] = useState<Report | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  /** What is running: a check, a submission still reading the workbook (cancellable), or one on its way to the server. */
  const [busy, setBusy] = useState<'check' | 'reading' | 'sending' | null>(null);
  const [message, setMessage] = useState<{ intent: 'error' | 'success' | 'info' | 'warning'; text: string } | null>(null);
  const [unplaced, setUnplaced] = useState<UnplacedMessage[]>([]);
  const [sheets, setSheets] = useState<string[]>([]);
  const [tasks, setTasks] = useState<OpenTask[] | null>(null);
  /** The task the submission belongs to; 'none' is the clerk's explicit 不属于任务, null not chosen yet. */
  const [taskChoice, setTaskChoice] = useState<number | 'none' | null>(null);
  const [serverUrl, setServerUrl] = useState('');
  const [token, setToken] = useState('');
  const [detail, setDetail] = useState<SubmissionDetail | null>(null);
  const [resources, setResources] = useState<CatalogueResource[] | null>(null);
  const [chosen, setChosen] = useState<CatalogueResource | null>(null);
  const [period, setPeriod] = useState(() => new Date().toISOString().slice(0, 7));
  const abort = useRef<AbortController | null>(null);

  const api = (url = serverUrl, key = token) => (url && key ? new ApiClient(url, key) : null);

  useEffect(() => {
    void (async () => {
      const url = (await host.settings.get('serverUrl')) ?? window.location.origin;
      const key = (await host.settings.get('token')) ?? '';
      setServerUrl(url);
      setToken(key);
      // Opened again later: show where the last submission stands, and the reviewer's comments on their cells.
      const client = api(url, key);
      if (client) {
        setDetail(await pane.review(client).catch(() => null));
        setUnplaced(pane.unplaced);
      }
    })();
  }, [host, pane]);

  /** The 提交 tab's facts: which sheets go, and the department's open tasks (the only one chosen for the clerk). */
  async function loadSubmitTab(client = api()) {
    setSheets(await pane.submittedSheets().catch(() => []));
    if (!client) return;
    try {
      const open = await client.openTasks();
      setTasks(open);
      setTaskChoice((chosen) => (chosen !== null && (chosen === 'none' || open.some((t) => t.id === chosen)) ? chosen : open.length === 1 ? open[0].id : open.length === 0 ? 'none' : null));
    } catch (e) {
      fail(e);
    }
  }

  async function loadResources() {
    const client = api();
    if (!client) return setMessage(NOT_CONFIGURED);
    try {
      setResources(await client.resources());
    } catch (e) {
      fail(e);
    }
  }

  async function createTemplate(zeroReport: boolean) {
    if (!chosen) return;
    try {
      const { skipped } = await host.createSheet(templateSheet(chosen, { period: period.trim() || null, zeroReport }));
      setMessage({ intent: 'success', text: (zeroReport ? `已生成“${chosen.name}”${period}的零上报。` : `已生成“${chosen.name}”的数据模板，请在表头下填写数据。`) + withSkipped(skipped) });
    } catch (e) {
      fail(e);
    }
  }
  const fail = (e: unknown) => setMessage({ intent: 'error', text: e instanceof Error ? e.message : '操作失败' });

  /** Runs a check or a submission with the progress bar and 取消; what it ends with is its own message. */
  async function reading<T>(kind: 'check' | 'reading', work: (signal: AbortSignal, onProgress: (done: number, total: number) => void) => Promise<T>, cancelled: string): Promise<T | null> {
    abort.current = new AbortController();
    const signal = abort.current.signal;
    setMessage(null);
    setBusy(kind);
    setProgress(0);
    try {
      return await work(signal, (done, total) => setProgress(total ? done / total : 1));
    } catch (e) {
      if (signal.aborted) setMessage({ intent: 'info', text: cancelled });
      else fail(e);
      return null;
    } finally {
      setProgress(null);
      setBusy(null);
      setUnplaced(pane.unplaced);
    }
  }

  async function check() {
    const r = await reading('check', (signal, onProgress) => pane.validate(scope, { signal, onProgress }), '已取消校验。');
    if (!r) return;
    setReport(r);
    setMessage(r.counts.errors === 0 ? { intent: 'success', text: `没有错误${r.counts.warnings ? `，${r.counts.warnings} 个警告` : ''}，可以提交。` } : { intent: 'info', text: `发现 ${r.counts.errors} 个错误、${r.counts.warnings} 个警告，已在单元格上标出。` });
  }

  async function submit() {
    const client = api();
    if (!client) return setMessage(NOT_CONFIGURED);
    // Never file it under no task just because the task list did not load: load it, let the clerk choose.
    if (tasks === null) return loadSubmitTab(client);
    const taskId = typeof taskChoice === 'number' ? taskChoice : null;
    const r = await reading('reading', (signal, onProgress) => pane.submit(client, taskId, { signal, onProgress, onSend: () => setBusy('sending') }), '已取消提交，没有发送任何内容。');
    if (!r) return;
    setReport(r.report);
    setSheets(r.sheets);
    const task = tasks?.find((t) => t.id === taskId);
    const what = `已提交第 ${r.submission.version} 版（编号 ${r.submission.id}${task ? `，任务“${task.title}”` : ''}，共 ${r.sheets.length} 张表）`;
    const { errors, warnings } = r.report.counts;
    setMessage(
      errors === 0
        ? { intent: 'success', text: `${what}，服务器校验没有错误${warnings ? `，${warnings} 个警告` : ''}。` }
        : { intent: 'warning', text: `${what}，但服务器校验发现 ${errors} 个错误${warnings ? `、${warnings} 个警告` : ''}，已在单元格上标出；请修改后再次提交。` },
    );
    try {
      setDetail(await client.submission(r.submission.id));
    } catch (e) {
      fail(e);
    }
    void loadSubmitTab(client);
  }

  async function refreshStatus() {
    const client = api();
    if (!client) return;
    try {
      setDetail(await pane.review(client));
      setUnplaced(pane.unplaced);
    } catch (e) {
      fail(e);
    }
  }

  async function saveSettings() {
    await host.settings.set('serverUrl', serverUrl.trim() || null);
    await host.settings.set('token', token.trim() || null);
    try {
      const client = api();
      const me = await client?.me();
      setMessage({ intent: 'success', text: me ? `已连接：${me.displayName}` : '已保存。' });
      if (client) void loadSubmitTab(client);
    } catch (e) {
      fail(e);
    }
  }

  const select = (issue: Issue) => selectCell(issue.sheet, issue.cell);
  const caps = host.capabilities;
  // On Excel without merged areas (before 1.13) the report comes from the values alone: say so beside it.
  const mergesNote = !caps.merges && <MessageBar intent="info" data-testid="merges-not-read"><MessageBarBody>此 Excel 不能读取合并单元格（需要 ExcelApi {FEATURES.merges.set}）：{FEATURES.merges.without}。</MessageBarBody></MessageBar>;
  const returned = detail ? lastReturn(detail) : undefined;

  const selectCell = (sheet: string, cell: string | null) => cell && void host.selectCell(sheet, cell).catch(fail);

  return (
    <div className={styles.root}>
      {host.name === 'memory' && (
        <MessageBar intent="info" data-testid="preview-notice">
          <MessageBarBody>预览：示例工作簿，不是您的 Excel 文件。</MessageBarBody>
        </MessageBar>
      )}
      <TabList
        selectedValue={tab}
        onTabSelect={(_, d) => {
          setTab(d.value as typeof tab);
          // A message belongs to the tab it came from.
          setMessage(null);
          if (d.value === 'submit') void loadSubmitTab();
        }}
      >
        <Tab value="check">校验</Tab>
        <Tab value="submit">提交</Tab>
        <Tab value="create">新建表</Tab>
        <Tab value="settings">设置</Tab>
      </TabList>
      {/* What each column takes and why, from the server the pane talks to (its own page when none is set). */}
      <Link href={helpUrl(serverUrl)} target="_blank" rel="noreferrer" data-testid="rules-help">填报说明</Link>
      {message && (
        <MessageBar intent={message.intent} data-testid="message" data-intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {unplaced.length > 0 && (
        <div className={styles.group} data-testid="unplaced">
          <MessageBar intent="warning">
            <MessageBarBody>
              {caps.notes || caps.comments ? `有 ${unplaced.length} 处批注无法写入单元格，已在窗格中列出：` : `此 Excel 不能在单元格上写说明（需要 ExcelApi ${FEATURES.comments.set}），${unplaced.length} 条说明列在下面，点击即选中单元格：`}
            </MessageBarBody>
          </MessageBar>
          {unplaced.slice(0, 200).map((u) => (
            <Button key={`${u.sheet}!${u.cell}`} appearance="subtle" className={styles.issue} onClick={() => selectCell(u.sheet, u.cell)}>
              {u.sheet}!{u.cell}：{u.text}
            </Button>
          ))}
          {unplaced.length > 200 && <Text>另有 {unplaced.length - 200} 处未列出，修改上面的问题后再校验即可看到。</Text>}
        </div>
      )}

      {tab === 'check' && (
        <div className={styles.group}>
          <RadioGroup layout="horizontal" value={scope} onChange={(_, d) => setScope(d.value as Scope)}>
            <Radio value="active" label="当前工作表" />
            <Radio value="workbook" label="整个工作簿" />
          </RadioGroup>
          <div className={styles.row}>
            <Button appearance="primary" onClick={check} disabled={busy !== null}>校验</Button>
            {busy === 'check' && <Button onClick={() => abort.current?.abort()}>取消</Button>}
            <Button onClick={() => void pane.clearMarks().then(() => setMessage({ intent: 'info', text: '已清除标注，单元格恢复原样。' }), fail)}>清除标注</Button>
          </div>
          {busy === 'check' && progress !== null && <ProgressBar value={progress} aria-label="校验进度" />}
          {report && mergesNote}
          {report && <IssueList report={report} onSelect={select} />}
        </div>
      )}

      {tab === 'submit' && (
        <div className={styles.group}>
          <Text>提交时会重新读取并校验整个工作簿的当前内容，服务器会再次校验并返回结果。</Text>
          <Text data-testid="submitted-sheets">
            将提交：{sheets.length ? `${sheets.join('、')}（共 ${sheets.length} 张表）` : '（正在读取工作表）'}
          </Text>
          {mergesNote}
          <TaskChoice tasks={tasks} value={taskChoice} onChange={setTaskChoice} />
          <div className={styles.row}>
            <Button appearance="primary" onClick={submit} disabled={busy !== null || (tasks !== null && taskChoice === null)}>提交</Button>
            {busy === 'reading' && <Button onClick={() => abort.current?.abort()}>取消</Button>}
            <Button onClick={refreshStatus} disabled={busy !== null}>查看审核结果</Button>
          </div>
          {tasks !== null && taskChoice === null && <Text>请先选择这次提交属于哪个任务。</Text>}
          {busy === 'reading' && progress !== null && <ProgressBar value={progress} aria-label="读取进度" />}
          {busy === 'sending' && <ProgressBar aria-label="正在提交" />}
          {detail && (
            <div className={styles.group} data-testid="review">
              <Text weight="semibold">
                第 {detail.version} 版：<Badge appearance="tint">{SUBMISSION_STATUS_LABELS[detail.status]}</Badge>
              </Text>
              {returned && (
                <>
                  <Text>退回理由：{returned.reason || '（见单元格批注）'}</Text>
                  {returned.comments.map((c, i) => (
                    <Button key={i} appearance="subtle" className={styles.issue} onClick={() => selectCell(c.sheet, c.cell)}>
                      {c.sheet}!{c.cell ?? `第 ${c.row} 行`}：{c.message}
                    </Button>
                  ))}
                </>
              )}
            </div>
          )}
        </div>
      )}

      {tab === 'create' && (
        <div className={styles.group}>
          <Text>新建带标准表头和下拉列表的空白表：</Text>
          {CREATABLE.map(({ def, title }) => (
            <Button key={def.kind} onClick={() => void host.createSheet(blankSheet(def, title)).then(({ skipped }) => setMessage({ intent: 'success', text: `已新建“${def.label}”。${withSkipped(skipped)}` }), fail)}>
              {def.label}
            </Button>
          ))}
          <Divider />
          <Text>按已通过的目录生成数据模板，或本期无数据时生成零上报：</Text>
          <Button onClick={loadResources}>读取目录资源</Button>
          {resources && resources.length === 0 && <Text>目录中还没有已通过的资源。</Text>}
          {resources?.map((r) => (
            <Button key={`${r.department}/${r.name}`} appearance={chosen === r ? 'primary' : 'subtle'} className={styles.issue} onClick={() => setChosen(r)}>
              {r.name}（{r.department}，{r.items.length} 个信息项{r.version ? `，第 ${r.version} 版` : ''}）
            </Button>
          ))}
          {chosen && (
            <>
              <Field label="报送期次">
                <Input value={period} onChange={(_, d) => setPeriod(d.value)} placeholder="2026-11" />
              </Field>
              <div className={styles.row}>
                <Button appearance="primary" onClick={() => void createTemplate(false)}>生成数据模板</Button>
                <Button onClick={() => void createTemplate(true)}>生成零上报</Button>
              </div>
            </>
          )}
        </div>
      )}

      {tab === 'settings' && (
        <div className={styles.group}>
          <Field label="服务器地址">
            <Input value={serverUrl} onChange={(_, d) => setServerUrl(d.value)} placeholder="https://data.example.gov.cn" />
          </Field>
          <Field label="个人访问令牌" hint="只保存在本机的加载项设置中，不写入工作簿">
            <Input type="password" value={token} onChange={(_, d) => setToken(d.value)} />
          </Field>
          <Button appearance="primary" onClick={saveSettings}>保存并测试连接</Button>
          <Divider />
          <ExcelLevel host={host} />
        </div>
      )}
    </div>
  );
}

/** A new sheet's success message, with what this Excel could not add to it. */
const withSkipped = (skipped: readonly string[]) => skipped.map((s) => `${s}。`).join('');

/** What this Excel can do, in 设置: its ExcelApi level, its Office version, and each feature done differently. */
function ExcelLevel({ host }: { host: WorkbookHost }) {
  const styles = useStyles();
  if (host.capabilities.apiVersion === null) return <Text data-testid="excel-level">预览中没有连接 Excel；在 Excel 中打开时，这里显示该 Excel 支持的接口版本和有所不同的功能。</Text>;
  const { level, degraded } = capabilityReport(host.capabilities);
  return (
    <div className={styles.group} data-testid="excel-level">
      <Text weight="semibold">{level}</Text>
      {degraded.map((d) => (
        <Text key={d} size={200}>· {d}</Text>
      ))}
    </div>
  );
}

/** How the deadline reads: working days by the server's calendar. */
function daysLeft(t: OpenTask): string {
  if (t.workingDaysLeft > 0) return `还剩 ${t.workingDaysLeft} 个工作日`;
  if (t.workingDaysLeft === 0) return '今天截止';
  return `已过 ${-t.workingDaysLeft} 个工作日`;
}

/** The department's open tasks to file the submission under, and 不属于任务. */
function TaskChoice({ tasks, value, onChange }: { tasks: OpenTask[] | null; value: number | 'none' | null; onChange: (v: number | 'none') => void }) {
  const styles = useStyles();
  if (tasks === null) return <Text>连接服务器后显示本部门的填报任务。</Text>;
  return (
    <Field label={tasks.length ? `本部门未完成的填报任务（${tasks.length} 个）` : '本部门没有未完成的填报任务'}>
      <RadioGroup value={value === null ? '' : String(value)} onChange={(_, d) => onChange(d.value === 'none' ? 'none' : Number(d.value))} data-testid="tasks">
        {tasks.map((t) => (
          <Radio
            key={t.id}
            value={String(t.id)}
            label={
              <span className={styles.group}>
                <Text weight="semibold">{t.title}</Text>
                <Text size={200}>
                  截止日期 {t.dueDate}，{daysLeft(t)} · <Badge appearance="tint" color={t.state === 'overdue' || t.state === 'returned' ? 'danger' : 'informative'}>{PROGRESS_STATE_LABELS[t.state]}</Badge>
                </Text>
                {!t.calendarCovered && (
                  <Text size={200} data-testid="calendar-warning">
                    {UNCOVERED_WARNING}
                  </Text>
                )}
              </span>
            }
          />
        ))}
        <Radio value="none" label="不属于任务" />
      </RadioGroup>
    </Field>
  );
}

function IssueList({ report, onSelect }: { report: Report; onSelect: (issue: Issue) => void }) {
  const styles = useStyles();
  return (
    <div className={styles.group} data-testid="issues">
      {groupIssues(report)
        .filter((s) => s.groups.length > 0)
        .map((s) => (
          <div key={s.sheet} className={styles.group}>
            <Divider />
            <Text weight="semibold">
              {s.sheet}（{s.summary?.kindLabel ?? ''}）：{s.errors} 个错误，{s.warnings} 个警告
            </Text>
            {s.groups.map((g) => (
              <div key={g.ruleId} className={styles.group}>
                <Text>
                  <Badge color={g.severity === 'error' ? 'danger' : 'warning'}>{g.severity === 'error' ? '错误' : '警告'}</Badge> {g.title}（{g.count}）
                </Text>
                {g.issues.slice(0, 200).map((issue, i) => (
                  <Button key={i} appearance="subtle" className={styles.issue} onClick={() => onSelect(issue)}>
                    {issue.cell ?? '整表'}：{issue.message}
                  </Button>
                ))}
              </div>
            ))}
          </div>
        ))}
    </div>
  );
}
