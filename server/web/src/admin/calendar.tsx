import { Badge, Button, Field, Input, Select, Table, TableBody, TableCell, TableRow, Textarea, makeStyles } from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CALENDAR_SOURCE_LABELS, NOTICE_EXAMPLE, parseNotice, type CalendarSource } from '../../../../shared/src';
import { call } from '../api';
import { HeaderRow } from '../common/table';
import { formatTime } from '../format';
import type { BureauCalendarYear } from '../types';
import { ErrorBar, Loading, Notice } from '../common/feedback';
import { Section, useAdminStyles } from './ui';

/**
 * 节假日: which years the working-day deadlines know, and by what; the admin enters a year from
 * the State Council's notice (published each autumn, weeks or months before the built-in
 * calendar catches up). An entry wins over the built-in data for its year.
 */
const useStyles = makeStyles({
  notice: { minHeight: '180px', fontFamily: 'monospace' },
  problems: { margin: 0, paddingLeft: '20px' },
});

const SOURCE_COLOR: Record<CalendarSource, 'success' | 'brand' | 'danger'> = { package: 'success', bureau: 'brand', none: 'danger' };

export function CalendarTab() {
  const calendar = useQuery({ queryKey: ['calendar'], queryFn: () => call('calendar') });
  const [year, setYear] = useState<number | null>(null);
  const data = calendar.data;
  const entryOf = (y: number) => data?.entries.find((e) => e.year === y);
  // The first year without data is the one the admin most likely came for.
  const chosen = year ?? data?.years.find((y) => y.source === 'none')?.year ?? null;
  return (
    <>
      <Section title="各年度节假日数据">
        <ErrorBar error={calendar.error} />
        {calendar.isPending ? (
          <Loading />
        ) : (
          <Table aria-label="各年度节假日数据" size="small">
            <HeaderRow columns={['年度', '来源', '放假 / 调休上班', '依据', '操作']} />
            <TableBody>
              {data?.years.map(({ year: y, source }) => {
                const entry = entryOf(y);
                return (
                  <TableRow key={y} data-testid={`calendar-year-${y}`} data-source={source}>
                    <TableCell>{y} 年</TableCell>
                    <TableCell>
                      <Badge appearance="tint" color={SOURCE_COLOR[source]}>
                        {CALENDAR_SOURCE_LABELS[source]}
                      </Badge>
                    </TableCell>
                    <TableCell>{entry ? `${entry.holidays.length} 天 / ${entry.workdays.length} 天` : '—'}</TableCell>
                    <TableCell>{entry ? `${entry.source}（${formatTime(entry.updatedAt)}）` : source === 'package' ? 'chinese-days 软件包' : '—'}</TableCell>
                    <TableCell>
                      <Button size="small" onClick={() => setYear(y)} aria-label={`录入 ${y} 年`}>
                        {entry ? '修改' : '录入'}
                      </Button>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </Section>
      {data && chosen !== null && <YearForm key={chosen} year={chosen} years={data.years.map((y) => y.year)} entry={entryOf(chosen)} onYear={setYear} />}
    </>
  );
}

function YearForm({ year, years, entry, onYear }: { year: number; years: number[]; entry: BureauCalendarYear | undefined; onYear(y: number): void }) {
  const styles = useAdminStyles();
  const own = useStyles();
  const queries = useQueryClient();
  const [notice, setNotice] = useState(entry?.notice ?? '');
  const [source, setSource] = useState(entry?.source ?? '');
  // Read in the page as typed, with the same reader the server uses, so mistakes show per line before saving.
  const parsed = notice.trim() ? parseNotice(year, notice) : null;
  const refresh = () => Promise.all([queries.invalidateQueries({ queryKey: ['calendar'] }), queries.invalidateQueries({ queryKey: ['tasks'] }), queries.invalidateQueries({ queryKey: ['board'] }), queries.invalidateQueries({ queryKey: ['due'] })]);
  // Pin the year first: the default (the first year without data) moves once this one is saved.
  const done = () => {
    onYear(year);
    return refresh();
  };
  const save = useMutation({ mutationFn: () => call('putCalendarYear', { params: { year }, json: { notice, source } }), onSuccess: done });
  const remove = useMutation({ mutationFn: () => call('deleteCalendarYear', { params: { year } }), onSuccess: done });
  return (
    <Section title="录入年度节假日安排">
      <form
        noValidate
        className={styles.column}
        style={{ maxWidth: '720px' }}
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Field label="年度">
          <Select value={String(year)} onChange={(_, d) => onYear(Number(d.value))} aria-label="年度">
            {years.map((y) => (
              <option key={y} value={y}>
                {y} 年
              </option>
            ))}
          </Select>
        </Field>
        <Field label="放假与调休上班日期" hint={`按国务院办公厅的放假通知逐行填写，每行一项，如：${NOTICE_EXAMPLE.replace('\n', '；')}。可写“元旦：”等名称，# 开头的行为备注。`}>
          <Textarea name="notice" className={own.notice} value={notice} onChange={(_, d) => setNotice(d.value)} placeholder={NOTICE_EXAMPLE.replaceAll('2027', String(year))} />
        </Field>
        <Field label="依据" required hint="通知的名称或文号，如：国务院办公厅关于 2027 年部分节假日安排的通知">
          <Input name="source" value={source} onChange={(_, d) => setSource(d.value)} />
        </Field>
        {parsed && !parsed.ok && (
          <ul className={own.problems} role="alert" aria-label="录入有误">
            {parsed.problems.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        )}
        {parsed?.ok && (
          <p className={styles.muted} role="status">
            共 {parsed.year.holidays.length} 天放假、{parsed.year.workdays.length} 天调休上班。
          </p>
        )}
        <ErrorBar error={save.error ?? remove.error} />
        {save.isSuccess && <Notice intent="success">已保存 {year} 年的节假日安排，截止日期随即按此计算</Notice>}
        {remove.isSuccess && <Notice intent="success">已删除 {year} 年的录入</Notice>}
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={!parsed?.ok || !source.trim() || save.isPending}>
            保存
          </Button>
          {entry && (
            <Button onClick={() => remove.mutate()} disabled={remove.isPending}>
              删除本年度录入
            </Button>
          )}
        </div>
      </form>
    </Section>
  );
}
