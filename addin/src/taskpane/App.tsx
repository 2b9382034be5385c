import {
  Badge, Button, Divider, Field, Input, MessageBar, MessageBarBody, ProgressBar, Radio, RadioGroup, Tab, TabList, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { groupIssues, SUBMISSION_STATUS_LABELS, type CatalogueResource, type Issue, type Report } from '../../../shared/src';
import type { WorkbookHost } from '../host/types';
import { ApiClient, type SubmissionDetail } from '../pane/api-client';
import { PaneController, type Scope } from '../pane/controller';
import { blankSheet, CREATABLE } from './sheet-specs';
import { templateSheet } from './template-sheet';

/** The task pane: check, mark, submit, read the reviewer's reasons, create sheets. zh-CN throughout. */
const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '12px', padding: '12px', fontFamily: tokens.fontFamilyBase },
  row: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  group: { display: 'flex', flexDirection: 'column', gap: '4px' },
  issue: { justifyContent: 'flex-start', textAlign: 'left', height: 'auto', paddingTop: '4px', paddingBottom: '4px' },
});

export function App({ host }: { host: WorkbookHost }) {
  const styles = useStyles();
  const pane = useMemo(() => new PaneController(host), [host]);
  const [tab, setTab] = useState<'check' | 'submit' | 'create' | 'settings'>('check');
  const [scope, setScope] = useState<Scope>('workbook');
  const [report, setReport] = useState<Report | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [message, setMessage] = useState<{ intent: 'error' | 'success' | 'info'; text: string } | null>(null);
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
      if (client) setDetail(await pane.review(client).catch(() => null));
    })();
  }, [host, pane]);

  async function loadResources() {
    const client = api();
    if (!client) return setMessage({ intent: 'error', text: '请先在“设置”中填写服务器地址和访问令牌。' });
    try {
      setResources(await client.resources());
    } catch (e) {
      fail(e);
    }
  }

  async function createTemplate(zeroReport: boolean) {
    if (!chosen) return;
    try {
      await host.createSheet(templateSheet(chosen, { period: period.trim() || null, zeroReport }));
      setMessage({ intent: 'success', text: zeroReport ? `已生成“${chosen.name}”${period}的零上报。` : `已生成“${chosen.name}”的数据模板，请在表头下填写数据。` });
    } catch (e) {
      fail(e);
    }
  }
  const fail = (e: unknown) => setMessage({ intent: 'error', text: e instanceof Error ? e.message : '操作失败' });

  async function check() {
    abort.current = new AbortController();
    setMessage(null);
    setProgress(0);
    try {
      const r = await pane.validate(scope, { signal: abort.current.signal, onProgress: (done, total) => setProgress(total ? done / total : 1) });
      setReport(r);
      setMessage(r.counts.errors === 0 ? { intent: 'success', text: `没有错误${r.counts.warnings ? `，${r.counts.warnings} 个警告` : ''}，可以提交。` } : { intent: 'info', text: `发现 ${r.counts.errors} 个错误、${r.counts.warnings} 个警告，已在单元格上标出。` });
    } catch (e) {
      setMessage(abort.current.signal.aborted ? { intent: 'info', text: '已取消校验。' } : { intent: 'error', text: e instanceof Error ? e.message : '校验失败' });
    } finally {
      setProgress(null);
    }
  }

  async function submit() {
    const client = api();
    if (!client) return setMessage({ intent: 'error', text: '请先在“设置”中填写服务器地址和访问令牌。' });
    setMessage(null);
    try {
      const r = await pane.submit(client);
      setReport(r.report);
      setDetail(await client.submission(r.submission.id));
      setMessage({ intent: 'success', text: `已提交第 ${r.submission.version} 版（编号 ${r.submission.id}），服务器校验：${r.report.counts.errors} 个错误、${r.report.counts.warnings} 个警告。` });
    } catch (e) {
      fail(e);
    }
  }

  async function refreshStatus() {
    const client = api();
    if (!client) return;
    try {
      setDetail(await pane.review(client));
    } catch (e) {
      fail(e);
    }
  }

  async function saveSettings() {
    await host.settings.set('serverUrl', serverUrl.trim() || null);
    await host.settings.set('token', token.trim() || null);
    try {
      const me = await api()?.me();
      setMessage({ intent: 'success', text: me ? `已连接：${me.displayName}` : '已保存。' });
    } catch (e) {
      fail(e);
    }
  }

  const select = (issue: Issue) => issue.cell && void host.selectCell(issue.sheet, issue.cell).catch(fail);
  const returned = detail ? [...detail.decisions].reverse().find((d) => d.decision === 'return') : undefined;

  return (
    <div className={styles.root}>
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as typeof tab)}>
        <Tab value="check">校验</Tab>
        <Tab value="submit">提交</Tab>
        <Tab value="create">新建表</Tab>
        <Tab value="settings">设置</Tab>
      </TabList>
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}

      {tab === 'check' && (
        <div className={styles.group}>
          <RadioGroup layout="horizontal" value={scope} onChange={(_, d) => setScope(d.value as Scope)}>
            <Radio value="active" label="当前工作表" />
            <Radio value="workbook" label="整个工作簿" />
          </RadioGroup>
          <div className={styles.row}>
            <Button appearance="primary" onClick={check} disabled={progress !== null}>校验</Button>
            {progress !== null && <Button onClick={() => abort.current?.abort()}>取消</Button>}
            <Button onClick={() => void pane.clearMarks().then(() => setMessage({ intent: 'info', text: '已清除标注，单元格恢复原样。' }), fail)}>清除标注</Button>
          </div>
          {progress !== null && <ProgressBar value={progress} aria-label="校验进度" />}
          {report && <IssueList report={report} onSelect={select} />}
        </div>
      )}

      {tab === 'submit' && (
        <div className={styles.group}>
          <Text>提交前会先在本机校验整个工作簿，服务器会再次校验并返回结果。</Text>
          <div className={styles.row}>
            <Button appearance="primary" onClick={submit}>提交</Button>
            <Button onClick={refreshStatus}>查看审核结果</Button>
          </div>
          {detail && (
            <div className={styles.group} data-testid="review">
              <Text weight="semibold">
                第 {detail.version} 版：<Badge appearance="tint">{SUBMISSION_STATUS_LABELS[detail.status]}</Badge>
              </Text>
              {returned && (
                <>
                  <Text>退回理由：{returned.reason || '（见单元格批注）'}</Text>
                  {returned.comments.map((c, i) => (
                    <Button key={i} appearance="subtle" className={styles.issue} onClick={() => c.cell && void host.selectCell(c.sheet, c.cell)}>
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
            <Button key={def.kind} onClick={() => void host.createSheet(blankSheet(def, title)).then(() => setMessage({ intent: 'success', text: `已新建“${def.label}”。` }), fail)}>
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
        </div>
      )}
    </div>
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
