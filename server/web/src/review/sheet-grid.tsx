import { Button, Input, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { a1, cellText, columnLetter, MARK_FILLS, MARK_LABELS, noteText, strongestKind, type CellMark, type CellValue, type RowTone } from '../../../../shared/src';
import { api, query } from '../api';
import type { SheetOutline, SheetRows } from '../types';
import { ErrorBar } from '../common/feedback';
import { useFillHeight } from '../common/fill-height';

/**
 * One sheet as the clerk laid it out: its rows, merged cells spanning as in Excel, each marked
 * cell coloured as the add-in colours it in Excel, and rows tinted where the catalogue changed.
 * It fits the window: columns as wide as their text (cut at a bound, never wrapped, so a row is
 * one line), the column letters, the header row and the first column kept in view while scrolling.
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

/** Column widths from the text they hold, within these bounds; longer text is cut with “…” and read in the cell bar. */
const MIN_WIDTH = 36;
const MAX_WIDTH = 280;
/** Cell padding and border, and room for the reviewer's corner mark. */
const CELL_EXTRA = 16;

/** Reviewers' colour, darker than their fill so a comment shows on a red or amber cell too. */
export const REVIEW_EDGE = '#2F5597';

const border = `1px solid ${tokens.colorNeutralStroke2}`;
const useStyles = makeStyles({
  // Separate borders: with collapsed ones, sticky cells leave their borders behind while scrolling.
  wrap: { overflow: 'auto', border, backgroundColor: tokens.colorNeutralBackground1 },
  table: { borderCollapse: 'separate', borderSpacing: 0, tableLayout: 'fixed', fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, fontFamily: tokens.fontFamilyBase },
  head: { position: 'sticky', top: 0, zIndex: 4, backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightRegular, padding: '2px 4px', borderRight: border, borderBottom: border, whiteSpace: 'nowrap' },
  corner: { left: 0, zIndex: 5 },
  rowHead: { position: 'sticky', left: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground3, textAlign: 'right', padding: '2px 4px', borderRight: border, borderBottom: border, borderLeft: '1px solid transparent', color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular, whiteSpace: 'nowrap' },
  // A reviewer's comment on the whole row: a thick bar on the row's number.
  rowComment: { borderLeft: `5px solid ${REVIEW_EDGE}`, color: REVIEW_EDGE, fontWeight: tokens.fontWeightSemibold },
  cell: { borderRight: border, borderBottom: border, padding: '2px 6px', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', verticalAlign: 'top', cursor: 'pointer', backgroundColor: tokens.colorNeutralBackground1 },
  // Rows above the header (a title): the text runs on over the empty cells beside it, as in Excel.
  spill: { overflow: 'visible', textOverflow: 'clip', backgroundColor: 'transparent' },
  frozenRow: { position: 'sticky', zIndex: 2, fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground2 },
  frozenCol: { position: 'sticky', zIndex: 1 },
  frozenBoth: { zIndex: 3 },
  // A reviewer's comment on a cell: a border and a corner mark drawn over whatever fill the cell has.
  reviewed: { boxShadow: `inset 0 0 0 2px ${REVIEW_EDGE}`, backgroundImage: `linear-gradient(225deg, ${REVIEW_EDGE} 7px, transparent 7px)` },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  pager: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap', padding: '2px 0' },
  jump: { display: 'flex', gap: '4px', alignItems: 'center' },
  target: { outline: `2px solid ${tokens.colorPaletteYellowBorderActive}`, outlineOffset: '-2px' },
  bar: { display: 'flex', gap: '8px', alignItems: 'baseline', height: '24px', lineHeight: '24px', overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis', fontSize: tokens.fontSizeBase200 },
  barText: { overflow: 'hidden', textOverflow: 'ellipsis' },
  muted: { color: tokens.colorNeutralForeground3 },
});

interface Props {
  sheet: SheetOutline;
  /** Where this sheet's rows are read from, a page at a time (`?offset=&limit=`). */
  rowsPath: string;
  marks: readonly CellMark[];
  rowTones?: ReadonlyMap<number, RowTone>;
  /** Reviewers' comments on whole rows, by sheet row. */
  rowComments?: ReadonlyMap<number, readonly string[]>;
  /** The sheet row holding the column headers (the engine found it): kept in view while scrolling. */
  headerRow?: number | null;
  selected: SelectedCell | null;
  onSelect(cell: SelectedCell): void;
}

/** Text widths in the grid's font, measured once per text. */
function useTextWidth(font: string) {
  return useMemo(() => {
    const ctx = document.createElement('canvas').getContext('2d');
    if (ctx) ctx.font = font;
    const cache = new Map<string, number>();
    return (text: string) => {
      let w = cache.get(text);
      if (w === undefined) cache.set(text, (w = ctx ? ctx.measureText(text).width : text.length * 12));
      return w;
    };
  }, [font]);
}

export function SheetGridView({ sheet, rowsPath, marks, rowTones, rowComments, headerRow, selected, onSelect }: Props) {
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
  const [wrap, height] = useFillHeight<HTMLDivElement>();
  const table = useRef<HTMLTableElement>(null);
  const thead = useRef<HTMLTableSectionElement>(null);
  const selectedHere = selected?.sheet === sheet.name ? selected : null;

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
    const scrollTo = target ?? selectedHere?.row ?? null;
    if (scrollTo === null || scrollTo < r0 + first || scrollTo > r0 + last) return;
    const el = target === null && selectedHere ? wrap.current?.querySelector(`td[data-cell="${selectedHere.cell}"]`) : wrap.current?.querySelector(`tr[data-row="${scrollTo}"]`);
    // 'nearest': a cell already in view (clicked in it) does not make the grid jump.
    el?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [target, selectedHere, first, last, r0]);
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

  // The font the cells are drawn in, read once the table is on the page.
  const [font, setFont] = useState('12px sans-serif');
  useLayoutEffect(() => {
    if (!table.current) return;
    const cs = getComputedStyle(table.current);
    setFont(`${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`);
  }, []);
  const measure = useTextWidth(font);
  // Each column as wide as its widest text from the header row down (a title above it spills over), within bounds.
  const widths = useMemo(() => {
    const w = Array.from({ length: width }, (_, j) => Math.max(MIN_WIDTH, measure(columnLetter(c0 + j)) + CELL_EXTRA));
    const from = Math.max(first, (headerRow ?? r0) - r0);
    for (let i = from; i <= last; i++) {
      const row = rows[i - first];
      for (let j = 0; j < width; j++) {
        const key = `${r0 + i},${c0 + j}`;
        if (covered.has(key) || (spans.get(key)?.colSpan ?? 1) > 1) continue;
        const text = cellText(row?.[j]);
        if (text && w[j] < MAX_WIDTH) w[j] = Math.min(MAX_WIDTH, Math.max(w[j], Math.ceil(measure(text)) + CELL_EXTRA));
      }
    }
    return w;
  }, [rows, first, last, width, c0, r0, headerRow, covered, spans, measure]);
  const rowHeadWidth = Math.ceil(measure(String(r0 + rowCount - 1))) + 14;

  // The header row sticks just below the column letters.
  const [headHeight, setHeadHeight] = useState(0);
  useLayoutEffect(() => {
    const h = thead.current?.getBoundingClientRect().height ?? 0;
    setHeadHeight((old) => (Math.abs(old - h) < 0.5 ? old : h));
  });

  // On a later page the header row is not among the rows: it is read on its own and pinned on top.
  const headerIndex = headerRow === null || headerRow === undefined ? null : headerRow - r0;
  const pinHeader = headerIndex !== null && headerIndex >= 0 && headerIndex < first && rows.length > 0;
  const header = useQuery({
    queryKey: ['rows', rowsPath, 'header', headerIndex],
    queryFn: () => api<SheetRows>(`${rowsPath}${query({ offset: headerIndex ?? 0, limit: 1 })}`),
    enabled: pinHeader,
    staleTime: Infinity,
  });

  const renderRow = (row: number, values: readonly CellValue[] | undefined, pinned = false) => {
    const tone = rowTones?.get(row);
    const frozen = headerRow !== null && headerRow !== undefined && row === headerRow;
    const aboveHeader = headerRow !== null && headerRow !== undefined && row < headerRow;
    const commentsOnRow = rowComments?.get(row);
    const cells = [];
    for (let j = 0; j < width; j++) {
      const col = c0 + j;
      if (!pinned && covered.has(`${row},${col}`)) continue;
      const address = a1(row, col);
      const span = pinned ? undefined : spans.get(`${row},${col}`);
      const cellMarks = byCell.get(address);
      const kind = cellMarks ? strongestKind(cellMarks.map((m) => m.kind)) : undefined;
      const reviewed = cellMarks?.some((m) => m.kind === 'review') ?? false;
      const fill = kind ? MARK_FILLS[kind] : tone ? ROW_TONES[tone].fill : undefined;
      const text = span ? span.value : cellText(values?.[j]);
      const classes = [styles.cell];
      if (aboveHeader && !fill) classes.push(styles.spill);
      if (frozen) classes.push(styles.frozenRow);
      if (j === 0) classes.push(styles.frozenCol);
      if (frozen && j === 0) classes.push(styles.frozenBoth);
      if (reviewed) classes.push(styles.reviewed);
      if (selectedHere?.cell === address) classes.push(styles.selected);
      cells.push(
        <td
          key={col}
          className={mergeClasses(...classes)}
          style={{ backgroundColor: fill, top: frozen ? headHeight : undefined, left: j === 0 ? rowHeadWidth : undefined }}
          rowSpan={span?.rowSpan}
          colSpan={span?.colSpan}
          // The hover text: what is said about the cell, and its whole text when the column cuts it.
          title={[cellMarks ? noteText(cellMarks) : '', !span && measure(text) + CELL_EXTRA > widths[j] ? text : ''].filter(Boolean).join('\n\n') || undefined}
          data-cell={address}
          data-mark={kind}
          data-review={reviewed || undefined}
          onClick={() => onSelect({ sheet: sheet.name, cell: address, row, col })}
        >
          {text}
        </td>,
      );
    }
    return (
      <tr key={pinned ? 'header' : row} data-row={pinned ? undefined : row} data-pinned-header={pinned || undefined} data-tone={tone} className={row === target ? styles.target : undefined}>
        <th
          scope="row"
          className={mergeClasses(styles.rowHead, commentsOnRow && styles.rowComment, frozen && styles.frozenBoth)}
          style={{ backgroundColor: tone ? ROW_TONES[tone].fill : undefined, top: frozen ? headHeight : undefined }}
          title={commentsOnRow?.map((m) => `【${MARK_LABELS.review}】${m}`).join('\n')}
          data-row-comment={commentsOnRow ? true : undefined}
        >
          {row}
        </th>
        {cells}
      </tr>
    );
  };
  const body = [];
  if (pinHeader && header.data?.rows[0] && headerRow) body.push(renderRow(headerRow, header.data.rows[0], true));
  for (let i = first; i <= last; i++) body.push(renderRow(r0 + i, rows[i - first]));

  const picked = selectedHere && selectedHere.row >= r0 + first && selectedHere.row <= r0 + last ? rows[selectedHere.row - r0 - first]?.[selectedHere.col - c0] : undefined;
  const pickedMarks = selectedHere ? byCell.get(selectedHere.cell) : undefined;
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
          <Text size={200}>
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
      {/* Like Excel's formula bar: the whole text of the cell picked, and what is said about it. */}
      <div className={styles.bar} aria-label="选中的单元格" aria-live="polite">
        {selectedHere ? (
          <>
            <Text weight="semibold" size={200}>
              {selectedHere.cell}
            </Text>
            <span className={styles.barText}>{cellText(picked) || '（空）'}</span>
            {pickedMarks && <span className={styles.barText}>{noteText(pickedMarks).replace(/\n/g, '　')}</span>}
          </>
        ) : (
          <span className={styles.muted}>点击单元格可在此查看它的完整内容和说明。</span>
        )}
      </div>
      <ErrorBar error={loaded.error} />
      <div className={styles.wrap} ref={wrap} style={{ maxHeight: height }} aria-busy={loaded.isFetching} data-testid="grid-scroll">
        <table ref={table} className={styles.table} aria-label={`工作表 ${sheet.name}`} style={{ width: rowHeadWidth + widths.reduce((a, b) => a + b, 0) }}>
          <colgroup>
            <col style={{ width: rowHeadWidth }} />
            {widths.map((w, j) => (
              <col key={j} style={{ width: w }} />
            ))}
          </colgroup>
          <thead ref={thead}>
            <tr>
              <th className={mergeClasses(styles.head, styles.corner)} />
              {Array.from({ length: width }, (_, j) => (
                <th key={j} className={mergeClasses(styles.head, j === 0 && styles.corner)} style={j === 0 ? { left: rowHeadWidth } : undefined} scope="col">
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
