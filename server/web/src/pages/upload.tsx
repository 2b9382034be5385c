import {
  Button, Field, makeStyles, Select, Table, TableBody, TableCell, TableRow, Text, Title3, tokens,
} from '@fluentui/react-components';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { newIdempotencyKey, SHEET_KIND_LABELS } from '../../../../shared/src';
import { call } from '../api';
import { HeaderRow } from '../common/table';
import { useTasks } from '../common/queries';
import { Counts, ErrorBar, Notice, StateBadge } from '../common/feedback';
import type { SelectedCell } from '../review/sheet-grid';
import { isOpen, UncoveredCalendarWarning, useDepartmentTasks, type DepartmentTask } from '../tasks/state';
import { WorkbookView } from '../review/workbook-view';
import { daysLeftText } from '../format';

const useStyles = makeStyles({
  form: { display: 'flex', gap: '12px', alignItems: 'flex-end', flexWrap: 'wrap' },
  result: { display: 'flex', gap: '12px', alignItems: 'center', flexWrap: 'wrap' },
  hint: { color: tokens.colorNeutralForeground3 },
  tasks: { maxWidth: '900px' },
  chosen: { backgroundColor: tokens.colorBrandBackground2 },
  pickable: { cursor: 'pointer' },
});

/**
 * For clerks who cannot run the add-in (WPS, LibreOffice, Excel without add-ins): upload the
 * .xlsx, see the same report the add-in shows, then submit that same file.
 */
export function UploadPage() {
  const styles = useStyles();
  const navigate = useNavigate();
  const tasks = useTasks();
  const [params] = useSearchParams();
  // A link from a task (?task=) chooses it; otherwise the department's only open task is chosen for the clerk.
  const [taskId, setTaskId] = useState(params.get('task') ?? '');
  const [touched, setTouched] = useState(params.has('task'));
  const departmentTasks = useDepartmentTasks(tasks.data);
  const open = departmentTasks.filter(isOpen).sort((a, b) => a.task.dueDate.localeCompare(b.task.dueDate));
  const onlyOpen = departmentTasks.every((t) => t.row) && open.length === 1 ? open[0].task.id : null;
  useEffect(() => {
    if (!touched && onlyOpen !== null) setTaskId(String(onlyOpen));
  }, [touched, onlyOpen]);
  const chooseTask = (id: string) => {
    setTouched(true);
    setTaskId(id);
  };
  const [file, setFile] = useState<File | null>(null);
  // One key per chosen file: a retried submit of the same file counts once.
  const [idempotencyKey, setKey] = useState(() => newIdempotencyKey());
  const [selected, setSelected] = useState<SelectedCell | null>(null);

  const form = () => {
    const f = new FormData();
    f.append('file', file!);
    if (taskId) f.append('taskId', taskId);
    return f;
  };
  const check = useMutation({ mutationFn: () => call('check', { form: form() }) });
  const submit = useMutation({
    mutationFn: () => call('submit', { form: form(), headers: { 'Idempotency-Key': idempotencyKey } }),
    onSuccess: (r) => navigate(`/submissions/${r.submission.id}`),
  });

  const choose = (f: File | null) => {
    setFile(f);
    setKey(newIdempotencyKey());
    setSelected(null);
    check.reset();
    submit.reset();
  };
  const result = check.data;

  return (
    <>
      <Title3 as="h1">上传表格</Title3>
      <Text className={styles.hint}>无法使用 Excel 加载项时（如 WPS、LibreOffice），可在此上传 .xlsx（或 .xls、.ods）文件：先检查，看到与加载项相同的校验结果，修改无误后提交。</Text>
      {open.length > 0 && <OpenTasks open={open} chosen={taskId} onChoose={chooseTask} />}
      <div className={styles.form}>
        <Field label="填报任务">
          <Select value={taskId} onChange={(_, d) => chooseTask(d.value)} aria-label="填报任务">
            <option value="">不属于任务</option>
            {tasks.data?.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}（截止日期 {t.dueDate}）
              </option>
            ))}
          </Select>
        </Field>
        <Field label="工作簿（.xlsx、.xls 或 .ods）">
          <input type="file" name="file" accept=".xlsx,.xls,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,application/vnd.oasis.opendocument.spreadsheet" onChange={(e) => choose(e.target.files?.[0] ?? null)} />
        </Field>
        <Button onClick={() => check.mutate()} disabled={!file || check.isPending}>
          {check.isPending ? '正在检查…' : '检查'}
        </Button>
        <Button appearance="primary" onClick={() => submit.mutate()} disabled={!result || submit.isPending}>
          {submit.isPending ? '正在提交…' : '提交'}
        </Button>
      </div>
      <ErrorBar error={check.error ?? submit.error} />
      {result && (
        <>
          <div className={styles.result} aria-label="检查结果">
            <Text weight="semibold">{result.filename}</Text>
            <Text>识别为：{result.sheetKinds.map((k) => SHEET_KIND_LABELS[k]).join('、') || '无可识别的表'}</Text>
            <Counts errors={result.report.counts.errors} warnings={result.report.counts.warnings} />
          </div>
          {result.report.counts.errors > 0 ? (
            <Notice intent="warning">发现 {result.report.counts.errors} 个错误。建议在 Excel 中改正后重新选择文件检查；仍要提交时，审核人员会看到这些错误。</Notice>
          ) : (
            <Notice intent="success">没有发现错误，可以提交。</Notice>
          )}
          <WorkbookView sheets={result.sheets} rowsPath={(i) => `/api/checks/${result.checkId}/sheets/${i}/rows`} report={result.report} selected={selected} onSelect={setSelected} />
        </>
      )}
    </>
  );
}

/** The department's tasks not yet approved, soonest due first; a row chooses its task. */
function OpenTasks({ open, chosen, onChoose }: { open: DepartmentTask[]; chosen: string; onChoose(id: string): void }) {
  const styles = useStyles();
  return (
    <Table aria-label="本部门未完成的任务" size="small" className={styles.tasks}>
      <HeaderRow columns={['未完成的填报任务', '截止日期', '剩余', '本部门状态']} />
      <TableBody>
        {open.map(({ task, board, row }) => (
          <TableRow
            key={task.id}
            data-testid={`open-task-${task.id}`}
            className={String(task.id) === chosen ? `${styles.pickable} ${styles.chosen}` : styles.pickable}
            onClick={() => onChoose(String(task.id))}
            aria-selected={String(task.id) === chosen}
          >
            <TableCell>{task.title}</TableCell>
            <TableCell>
              {task.dueDate}
              <UncoveredCalendarWarning covered={task.calendarCovered} />
            </TableCell>
            <TableCell>{board ? daysLeftText(board.workingDaysLeft) : '…'}</TableCell>
            <TableCell>{row && <StateBadge state={row.state} />}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
