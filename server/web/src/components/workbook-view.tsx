import { makeStyles, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { useMemo, useState, type ReactNode } from 'react';
import { MARK_FILLS, MARK_LABELS, marksFromReport, type CellMark, type MarkKind, type Report } from '../../../../shared/src';
import type { SheetOutline } from '../types';
import { IssueList } from './issue-list';
import { ROW_TONES, SheetGridView, type RowTone, type SelectedCell } from './sheet-grid';

/**
 * A workbook with its report: sheet tabs, the selected sheet's grid with marks, and the issue
 * list beside it. The grid's rows are read from the server a page at a time.
 */
const useStyles = makeStyles({
  layout: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 360px', gap: '16px', alignItems: 'start' },
  legend: { display: 'flex', gap: '12px', alignItems: 'center', flexWrap: 'wrap', fontSize: tokens.fontSizeBase200 },
  swatch: { display: 'inline-block', width: '12px', height: '12px', marginRight: '4px', border: `1px solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'middle' },
});

interface Props {
  sheets: readonly SheetOutline[];
  /** Where a sheet's rows are read from (by its index). */
  rowsPath(sheet: number): string;
  report: Report;
  /** Reviewers' comments, given and pending, shown as marks too. */
  extraMarks?: readonly CellMark[];
  rowTones?: ReadonlyMap<string, ReadonlyMap<number, RowTone>>;
  selected: SelectedCell | null;
  onSelect(cell: SelectedCell): void;
  toolbar?: ReactNode;
}

export function WorkbookView({ sheets, rowsPath, report, extraMarks = [], rowTones, selected, onSelect, toolbar }: Props) {
  const styles = useStyles();
  const [sheetName, setSheetName] = useState(sheets[0]?.name ?? '');
  const marks = useMemo(() => [...marksFromReport(report), ...extraMarks], [report, extraMarks]);
  const shown = selected && sheets.some((s) => s.name === selected.sheet) ? selected.sheet : sheetName;
  const sheet = sheets.find((s) => s.name === shown) ?? sheets[0];
  const select = (cell: SelectedCell) => {
    setSheetName(cell.sheet);
    onSelect(cell);
  };
  const kinds = (Object.keys(MARK_FILLS) as MarkKind[]);
  if (!sheet) return <Text>工作簿中没有工作表。</Text>;
  return (
    <div className={styles.layout}>
      <div>
        <TabList selectedValue={sheet.name} onTabSelect={(_, d) => { setSheetName(String(d.value)); }} aria-label="工作表">
          {sheets.map((s) => {
            const counts = report.counts.bySheet[s.name];
            return (
              <Tab key={s.name} value={s.name}>
                {s.name}
                {counts && counts.errors + counts.warnings > 0 ? `（${counts.errors + counts.warnings}）` : ''}
              </Tab>
            );
          })}
        </TabList>
        <div className={styles.legend}>
          {kinds.map((k) => (
            <span key={k}>
              <span className={styles.swatch} style={{ backgroundColor: MARK_FILLS[k] }} />
              {MARK_LABELS[k]}
            </span>
          ))}
          {rowTones &&
            (Object.keys(ROW_TONES) as RowTone[]).map((t) => (
              <span key={t}>
                <span className={styles.swatch} style={{ backgroundColor: ROW_TONES[t].fill }} />
                {ROW_TONES[t].label}（与上次通过的版本相比）
              </span>
            ))}
          <span>悬停单元格可看说明，点击可选中。</span>
        </div>
        {toolbar}
        <SheetGridView sheet={sheet} rowsPath={rowsPath(sheet.index)} marks={marks} rowTones={rowTones?.get(sheet.name)} selected={selected} onSelect={select} />
      </div>
      <IssueList report={report} onPick={(i) => i.cell && i.row && i.col && select({ sheet: i.sheet, cell: i.cell, row: i.row, col: i.col })} />
    </div>
  );
}
