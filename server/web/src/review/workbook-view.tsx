import { Button, makeStyles, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { useMemo, useState, type ReactNode } from 'react';
import { MARK_FILLS, MARK_LABELS, marksFromComments, marksFromReport, type MarkKind, type Report } from '../../../../shared/src';
import type { CellComment, Decision, SheetOutline } from '../types';
import { commentTarget, rowCommentsBySheet } from './comments';
import { IssueList } from './issue-list';
import { REVIEW_EDGE, ROW_TONES, SheetGridView, type RowTone, type SelectedCell } from './sheet-grid';

/**
 * A workbook with its report: sheet tabs, the selected sheet's grid with marks, and the issue
 * list beside it (reviewers' words first). The grid's rows are read from the server a page at a
 * time. The list folds away to give the grid the width, and takes little when there is nothing in it.
 */
const useStyles = makeStyles({
  layout: { display: 'grid', gap: '12px', alignItems: 'start' },
  sheetBar: { display: 'flex', gap: '4px 16px', alignItems: 'center', flexWrap: 'wrap' },
  legend: { display: 'flex', gap: '10px', alignItems: 'center', flexWrap: 'wrap', fontSize: tokens.fontSizeBase200 },
  swatch: { display: 'inline-block', width: '12px', height: '12px', marginRight: '4px', border: `1px solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'middle' },
  side: { display: 'flex', flexDirection: 'column', gap: '4px', minWidth: 0 },
  sideHead: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: '8px' },
  folded: { writingMode: 'vertical-rl', minWidth: '32px', padding: '8px 4px', height: 'auto' },
});

interface Props {
  sheets: readonly SheetOutline[];
  /** Where a sheet's rows are read from (by its index). */
  rowsPath(sheet: number): string;
  report: Report;
  /** Reviewers' comments, given and pending, drawn on the cells and the rows' numbers. */
  comments?: readonly CellComment[];
  /** Decisions with a reason or comments, listed above the engine's issues. */
  opinions?: readonly Decision[];
  rowTones?: ReadonlyMap<string, ReadonlyMap<number, RowTone>>;
  selected: SelectedCell | null;
  onSelect(cell: SelectedCell): void;
  toolbar?: ReactNode;
}

const KINDS = Object.keys(MARK_FILLS) as MarkKind[];

export function WorkbookView({ sheets, rowsPath, report, comments = [], opinions = [], rowTones, selected, onSelect, toolbar }: Props) {
  const styles = useStyles();
  const [sheetName, setSheetName] = useState(sheets[0]?.name ?? '');
  const [listOpen, setListOpen] = useState(true);
  const marks = useMemo(() => [...marksFromReport(report), ...marksFromComments(comments)], [report, comments]);
  const rowComments = useMemo(() => rowCommentsBySheet(comments), [comments]);
  const shown = selected && sheets.some((s) => s.name === selected.sheet) ? selected.sheet : sheetName;
  const sheet = sheets.find((s) => s.name === shown) ?? sheets[0];
  const select = (cell: SelectedCell) => {
    setSheetName(cell.sheet);
    onSelect(cell);
  };
  if (!sheet) return <Text>工作簿中没有工作表。</Text>;
  const total = report.counts.errors + report.counts.warnings + opinions.reduce((n, d) => n + d.comments.length + (d.reason ? 1 : 0), 0);
  // Nothing to list: a narrow column saying so; folded: a narrow button to open it again.
  const side = !listOpen ? 'auto' : total === 0 ? 'minmax(0, 180px)' : '300px';
  return (
    <div className={styles.layout} style={{ gridTemplateColumns: `minmax(0, 1fr) ${side}` }}>
      <div>
        <div className={styles.sheetBar}>
          <TabList size="small" selectedValue={sheet.name} onTabSelect={(_, d) => setSheetName(String(d.value))} aria-label="工作表">
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
            {KINDS.map((k) => (
              <span key={k}>
                <span className={styles.swatch} style={{ backgroundColor: MARK_FILLS[k], boxShadow: k === 'review' ? `inset 0 0 0 2px ${REVIEW_EDGE}` : undefined }} />
                {MARK_LABELS[k]}
              </span>
            ))}
            {rowTones &&
              (Object.keys(ROW_TONES) as RowTone[]).map((t) => (
                <span key={t} title="与上次通过的版本相比">
                  <span className={styles.swatch} style={{ backgroundColor: ROW_TONES[t].fill }} />
                  {ROW_TONES[t].label}
                </span>
              ))}
          </div>
        </div>
        {toolbar}
        <SheetGridView
          sheet={sheet}
          rowsPath={rowsPath(sheet.index)}
          marks={marks}
          rowTones={rowTones?.get(sheet.name)}
          rowComments={rowComments.get(sheet.name)}
          headerRow={report.sheets.find((s) => s.name === sheet.name)?.headerRow}
          selected={selected}
          onSelect={select}
        />
      </div>
      {listOpen ? (
        <div className={styles.side}>
          <div className={styles.sideHead}>
            <Text weight="semibold">问题与意见{total ? `（${total}）` : ''}</Text>
            <Button size="small" appearance="subtle" onClick={() => setListOpen(false)} aria-label="收起问题与意见">
              收起
            </Button>
          </div>
          <IssueList
            report={report}
            opinions={opinions}
            onPick={(i) => i.cell && i.row && i.col && select({ sheet: i.sheet, cell: i.cell, row: i.row, col: i.col })}
            onPickComment={(c) => {
              const at = commentTarget(c, sheets);
              if (at) select(at);
            }}
          />
        </div>
      ) : (
        <Button className={styles.folded} size="small" onClick={() => setListOpen(true)} aria-label="展开问题与意见">
          问题与意见{total ? `（${total}）` : ''}
        </Button>
      )}
    </div>
  );
}
