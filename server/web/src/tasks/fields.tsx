import { Button, Checkbox, Field, Input, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { SHEET_KIND_LABELS, type SheetKind } from '../../../../shared/src';
import { ApiFailure, call } from '../api';
import type { Department } from '../types';
import { daysLeftText } from '../format';
import { UncoveredCalendarWarning } from './state';

/**
 * The fields the task form and its dialogs share. The due date: the task form, the edit dialog and the extension dialog share: a number of
 * working days or a date, with the date it comes to, the working days left and a warning when
 * that year's holidays are not known; and the question a past date has to answer.
 */
export type DueInput = { dueInWorkingDays: number } | { dueDate: string };

export interface DueState {
  by: 'days' | 'date';
  days: string;
  date: string;
}

const useStyles = makeStyles({
  preview: { color: tokens.colorNeutralForeground2 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  row: { display: 'flex', gap: '12px', flexWrap: 'wrap', alignItems: 'center' },
  group: { border: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: '4px' },
});

const KINDS = Object.keys(SHEET_KIND_LABELS) as SheetKind[];

const toggle = <T,>(list: T[], value: T, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What the field holds as the API takes it, or why it cannot be sent yet. */
export function dueInput(s: DueState): { input: DueInput } | { reason: string } {
  if (s.by === 'date') return DATE.test(s.date) ? { input: { dueDate: s.date } } : { reason: '请选择截止日期' };
  const n = Number(s.days);
  if (s.days.trim() === '' || !Number.isInteger(n)) return { reason: '请填写工作日天数（整数）' };
  // 0 working days is today: the server refuses it, so say why here instead of a bare grey button.
  if (n < 1) return { reason: '工作日天数至少为 1：0 个工作日即今天截止。如需今天截止，请选“指定日期”并选今天' };
  if (n > 250) return { reason: '工作日天数最多 250' };
  return { input: { dueInWorkingDays: n } };
}

/** `from`: where working days are counted from (an extension's current date); today when absent. */
export function DueField({ state, onChange, from, daysLabel = '若干个工作日后', daysHint = '按国务院公布的节假日与调休计算' }: { state: DueState; onChange(next: DueState): void; from?: string; daysLabel?: string; daysHint?: string }) {
  const styles = useStyles();
  const value = dueInput(state);
  const q = 'input' in value ? ('dueDate' in value.input ? { date: value.input.dueDate } : { workingDays: value.input.dueInWorkingDays, from }) : null;
  const preview = useQuery({ queryKey: ['due', q], queryFn: () => call('dueDate', { search: q! }), enabled: q !== null });
  const p = preview.data;
  const invalid = 'reason' in value && (state.by === 'days' || state.date !== '') ? value.reason : undefined;
  return (
    <>
      <Field label="截止日期计算方式">
        <RadioGroup layout="horizontal" value={state.by} onChange={(_, d) => onChange({ ...state, by: d.value as DueState['by'] })}>
          <Radio value="days" label={daysLabel} />
          <Radio value="date" label="指定日期" />
        </RadioGroup>
      </Field>
      {state.by === 'days' ? (
        <Field label="工作日天数" hint={invalid ? undefined : daysHint} validationState={invalid ? 'error' : 'none'} validationMessage={invalid}>
          <Input name="days" type="number" min={1} max={250} value={state.days} onChange={(_, d) => onChange({ ...state, days: d.value })} />
        </Field>
      ) : (
        <Field label="截止日期" validationState={invalid ? 'error' : 'none'} validationMessage={invalid}>
          <Input name="dueDate" type="date" value={state.date} onChange={(_, d) => onChange({ ...state, date: d.value })} />
        </Field>
      )}
      {q && p && (
        <div role="status" aria-label="截止日期预览">
          <Text className={styles.preview}>
            截止日期 {p.dueDate}（{daysLeftText(p.workingDaysLeft, p.past)}）
          </Text>
          {p.past && <Text className={styles.warning}> 截止日期早于今天</Text>}
          <UncoveredCalendarWarning covered={p.calendarCovered} size={300} />
        </div>
      )}
    </>
  );
}

/**
 * Sends with `confirmPastDue` only after the user said yes: the server judges what is past
 * (its clock, China's date) and the page asks when it refuses. `send` spreads what it is given into its body.
 */
export function usePastDueConfirm<T>(send: (confirm: { confirmPastDue?: true }) => Promise<T>) {
  const [asking, setAsking] = useState<{ resolve(ok: boolean): void } | null>(null);
  const run = async (): Promise<T | null> => {
    try {
      return await send({});
    } catch (e) {
      if (!(e instanceof ApiFailure) || e.code !== 'due-date-past') throw e;
      const ok = await new Promise<boolean>((resolve) => setAsking({ resolve }));
      setAsking(null);
      return ok ? send({ confirmPastDue: true }) : null;
    }
  };
  // Inline rather than a dialog of its own: a nested modal left the page hidden from assistive technology once both closed.
  const dialog = asking && (
    <div role="alertdialog" aria-label="截止日期早于今天，确定吗？">
      <MessageBar intent="warning">
        <MessageBarBody>
          <MessageBarTitle>截止日期早于今天，确定吗？</MessageBarTitle>
          确定后，未按期提交的部门会立即显示为逾期。
        </MessageBarBody>
        <MessageBarActions>
          <Button appearance="primary" size="small" onClick={() => asking.resolve(true)}>
            确定
          </Button>
          <Button size="small" onClick={() => asking.resolve(false)}>
            取消
          </Button>
        </MessageBarActions>
      </MessageBar>
    </div>
  );
  return { run, dialog };
}

/** The sheet kinds and departments of a task, for creating and editing one. */
export function TaskScopeFields(props: {
  departments: Department[];
  kinds: SheetKind[];
  setKinds(k: SheetKind[]): void;
  chosen: number[];
  setChosen(c: number[]): void;
}) {
  const styles = useStyles();
  const { departments, kinds, setKinds, chosen, setChosen } = props;
  return (
    <>
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
    </>
  );
}
