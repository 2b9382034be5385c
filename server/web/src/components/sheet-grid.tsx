import { Button, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { a1, cellText, columnLetter, MARK_FILLS, noteText, strongestKind, type CellMark, type RowTone } from '../../../../shared/src';
import { api, query } from '../api';
import type { SheetOutline, SheetRows } from '../types';
import { ErrorBar } from './feedback';

/**
 * One sheet as the clerk laid it out: its rows, merged cells spanning as in Excel, each marked
 * cell coloured as the add-in colours it in Excel, and rows tinted where the catalogue changed.
 * Rows come from the server a page at a time (a data template can have 300,000 of them);
 * selecting a cell turns to its page.
 */
export type { RowTone };

export const ROW_TONES: Record<RowTone, { fill: string; label: string }> = {
  added: { fill: '#E3F2DA', label: '新增' },
  changed: { fill: '#E6F0FA', label: '变更' },
};

export interface SelectedCell {
  sheet: string;
  cell: string;
  row: number;
  col: number;
}

const PAGE_ROWS = 200;

const useStyles = makeStyles({
  wrap: { overflow: 'auto', maxHeight: '70vh', border: `1px solid ${tokens.colorNeutralStroke2}` },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, fontFamily: tokens.fontFamilyBase },
  head: { position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightRegular, padding: '2px 6px', border: `1px solid ${tokens.colorNeutralStroke2}` },
  rowHead: { position: 'sticky', left: 0, backgroundColor: tokens.colorNeutralBackground3, textAlign: 'right', padding: '2px 6px', border: `1px solid ${tokens.colorNeutralStroke2}`, color: tokens.colorNeutralForeground3 },
  cell: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: '2px 6px', maxWidth: '220px', minWidth: '24px', whiteSpace: 'pre-wrap', wordBreak: 'break-all', verticalAlign: 'top', cursor: 'pointer' },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  pager: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap', padding: '4px 0' },
  jump: { display: 'flex', gap: '4px', alignItems: 'center' },
  target: { outline: `2px solid ${tokens.colorPaletteYellowBorderActive}`, outlineOffset: '-2px' },
});

interface Props {
  sheet: SheetOutline;
  /** Where this sheet's rows are read from, a page at a time (`?offset=&limit=`). */
  rowsPath: string;
  marks: readonly CellMark[];
  rowTones?: ReadonlyMap<number, RowTone>;
  selected: SelectedCell | null;
  onSelect(cell: SelectedCell): void;
}

export function SheetGridView({ sheet, rowsPath, marks, rowTones, selected, onSelect }: Props) {
  const styles = useStyles();
  const { startRow: r0, startCol: c0, width, rowCount } = sheet;
  const pages = Math.max(1, Math.ceil(rowCount / PAGE_ROWS));
  const [page, setPage] = useState(0);
  // A row asked for by number: shown on its page, scrolled to and outlined.
  const [target, setTarget] = useState<number | null>(null);
  useEffect(() => {
    setPage(0);
    setTarget(null);
  }, [rowsPath]);
  const pageOf = (sheetRow: number) => Math.min(pages - 1, Math.max(0, Math.floor((sheetRow - r0) / PAGE_ROWS)));
  const goToRow = (sheetRow: number) => {
    const row = Math.min(r0 + rowCount - 1, Math.max(r0, sheetRow));
    setPage(pageOf(row));
    setTarget(row);
  };
  const loaded = useQuery({
    queryKey: ['rows', rowsPath, page],
    queryFn: () => api<SheetRows>(`${rowsPath}${query({ offset: page * PAGE_ROWS, limit: PAGE_ROWS })}`),
    // The page shown stays until the next one arrives, so turning pages does not flash empty.
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
  const rows = loaded.data?.rows ?? [];
  // The rows shown: the page asked for, or the one before it while that arrives.
  const first = loaded.data?.offset ?? page * PAGE_ROWS;
  const last = first + rows.length - 1;
  // A cell selected (here or from the issue list) turns to its page and replaces a jumped-to row.
  useEffect(() => {
    if (!selected || selected.sheet !== sheet.name) return;
    setPage(pageOf(selected.row));
    setTarget(null);
  }, [selected, sheet.name, r0, pages]);
  const wrap = useRef<HTMLDivElement>(null);
  const scrollTo = target ?? (selected?.sheet === sheet.name ? selected.row : null);

  const byCell = useMemo(() => {
    const m = new Map<string, CellMark[]>();
    for (const mark of marks) {
      if (mark.sheet !== sheet.name) continue;
      const list = m.get(mark.cell);
      if (list) list.push(mark);
      else m.set(mark.cell, [mark]);
    }
    return m;
  }, [marks, sheet.name]);

  // Once the page holding the asked-for row (or selected cell) has arrived, bring it into view.
  useEffect(() => {
    if (scrollTo === null || scrollTo < r0 + first || scrollTo > r0 + last) return;
    // 'nearest': a row already in view (a cell clicked in it) does not make the grid jump.
    wrap.current?.querySelector(`tr[data-row="${scrollTo}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [scrollTo, first, last, r0]);
  // Merged areas clipped to this page: the anchor cell spans, the cells it covers are skipped.
  const { spans, covered } = useMemo(() => {
    const spans = new Map<string, { rowSpan: number; colSpan: number; value: string }>();
    const covered = new Set<string>();
    for (const m of sheet.merges) {
      const top = Math.max(m.top, r0 + first);
      const bottom = Math.min(m.bottom, r0 + last);
      if (top > bottom) continue;
      spans.set(`${top},${m.left}`, { rowSpan: bottom - top + 1, colSpan: m.right - m.left + 1, value: m.value });
      for (let r = top; r <= bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== top || c !== m.left) covered.add(`${r},${c}`);
    }
    return { spans, covered };
  }, [sheet, first, last, r0]);

  const body = [];
  for (let i = first; i <= last; i++) {
    const row = r0 + i;
    const tone = rowTones?.get(row);
    const cells = [];
    for (let j = 0; j < width; j++) {
      const col = c0 + j;
      if (covered.has(`${row},${col}`)) continue;
      const address = a1(row, col);
      const span = spans.get(`${row},${col}`);
      const cellMarks = byCell.get(address);
      const fill = cellMarks ? MARK_FILLS[strongestKind(cellMarks.map((m) => m.kind))] : tone ? ROW_TONES[tone].fill : undefined;
      const isSelected = selected?.sheet === sheet.name && selected.cell === address;
      cells.push(
        <td
          key={col}
          className={isSelected ? `${styles.cell} ${styles.selected}` : styles.cell}
          style={fill ? { backgroundColor: fill } : undefined}
          rowSpan={span?.rowSpan}
          colSpan={span?.colSpan}
          title={cellMarks ? noteText(cellMarks) : undefined}
          data-cell={address}
          data-mark={cellMarks ? strongestKind(cellMarks.map((m) => m.kind)) : undefined}
          onClick={() => onSelect({ sheet: sheet.name, cell: address, row, col })}
        >
          {span ? span.value : cellText(rows[i - first][j])}
        </td>,
      );
    }
    body.push(
      <tr key={row} data-row={row} data-tone={tone} className={row === target ? styles.target : undefined}>
        <th scope="row" className={styles.rowHead} style={tone ? { backgroundColor: ROW_TONES[tone].fill } : undefined}>
          {row}
        </th>
        {cells}
      </tr>,
    );
  }

  return (
    <div>
      {pages > 1 && (
        <div className={styles.pager} aria-label="翻页">
          <Button size="small" disabled={page === 0} onClick={() => setPage(0)}>
            首页
          </Button>
          <Button size="small" disabled={page === 0} onClick={() => setPage(page - 1)}>
            上一页
          </Button>
          <Text>
            第 {r0 + page * PAGE_ROWS}–{r0 + Math.min(rowCount, (page + 1) * PAGE_ROWS) - 1} 行，共 {rowCount} 行{loaded.isFetching ? '（正在读取…）' : ''}
          </Text>
          <Button size="small" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
            下一页
          </Button>
          <Button size="small" disabled={page + 1 >= pages} onClick={() => setPage(pages - 1)}>
            末页
          </Button>
          <RowJump first={r0} last={r0 + rowCount - 1} onJump={goToRow} />
        </div>
      )}
      <ErrorBar error={loaded.error} />
      <div className={styles.wrap} ref={wrap} aria-busy={loaded.isFetching}>
        <table className={styles.table} aria-label={`工作表 ${sheet.name}`}>
          <thead>
            <tr>
              <th className={styles.head} />
              {Array.from({ length: width }, (_, j) => (
                <th key={j} className={styles.head} scope="col">
                  {columnLetter(c0 + j)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{body}</tbody>
        </table>
      </div>
    </div>
  );
}

/** "跳到第 N 行": for sheets of many pages, where the next-page button is no way to get far. */
function RowJump({ first, last, onJump }: { first: number; last: number; onJump(row: number): void }) {
  const styles = useStyles();
  const [text, setText] = useState('');
  const row = Number(text);
  const valid = text !== '' && Number.isInteger(row);
  const go = () => valid && onJump(row);
  return (
    <span className={styles.jump}>
      <Text>跳到第</Text>
      <Input
        size="small"
        type="number"
        aria-label={`跳到第几行（${first}–${last}）`}
        min={first}
        max={last}
        value={text}
        onChange={(_, d) => setText(d.value)}
        onKeyDown={(e) => e.key === 'Enter' && go()}
        style={{ width: 96 }}
      />
      <Text>行</Text>
      <Button size="small" disabled={!valid} onClick={go}>
        跳转
      </Button>
    </span>
  );
}
