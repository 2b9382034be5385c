import { marksFromComments, marksFromReport, newIdempotencyKey, noteText, WorkbookValidation, type CellMark, type Report, type WorkbookGrid } from '../../../shared/src';
import type { HostOptions, UnplacedMessage, WorkbookHost } from '../host/types';
import { lastReturn, type ApiClient, type SubmissionDetail, type SubmissionSummary } from './api-client';

/**
 * What the task pane does, without React: read sheets through the host, check them with the
 * engine as rows arrive, mark the problems, submit, and bring the reviewer's reasons back onto
 * the cells. The workbook's values are never written; a failed submission changes nothing.
 */
export type Scope = 'active' | 'workbook';

export const LAST_SUBMISSION_KEY = 'lastSubmissionId';

export class PaneController {
  /** The key of a submission that got no answer: a retry of the same content reuses it. */
  private pending: { key: string; content: string } | null = null;
  /** A returned submission's cell comments: they stay on the cells while the clerk fixes and re-checks, until the next submission. */
  private reviewMarks: CellMark[] = [];
  /** Messages of the current marks that could not be written to their cells; the pane lists them. */
  unplaced: UnplacedMessage[] = [];

  constructor(
    private readonly host: WorkbookHost,
    private readonly newKey: () => string = newIdempotencyKey,
  ) {}

  /** The sheets a submission sends: every visible sheet, as they are now. */
  submittedSheets(): Promise<string[]> {
    return this.host.listSheets();
  }

  /** Reads the sheets through the host as they are now and checks them; progress counts sheets. */
  private async read(scope: Scope, options: HostOptions): Promise<{ grid: WorkbookGrid; report: Report; names: string[] }> {
    const names = scope === 'workbook' ? await this.host.listSheets() : [await this.host.activeSheet()];
    const validation = new WorkbookValidation();
    const sheets: WorkbookGrid['sheets'] = [];
    for (const [i, name] of names.entries()) {
      const grid = await this.host.readSheet(name, {
        signal: options.signal,
        onProgress: (done, total) => options.onProgress?.(i + done / Math.max(total, 1), names.length),
      });
      const sink = validation.beginSheet(name, grid);
      grid.rows.forEach((row, index) => sink.row(index, row));
      sink.end(grid.merges ?? []);
      sheets.push(grid);
      options.onProgress?.(i + 1, names.length);
    }
    return { grid: { sheets }, report: validation.finish(), names };
  }

  /** Marks the sheets afresh: the report's problems and the reviewer's comments, joined on shared cells. */
  private async mark(names: readonly string[] | undefined, marks: CellMark[], options: HostOptions = {}): Promise<void> {
    await this.host.clearMarks(names);
    const onSheets = (m: { sheet: string }) => !names || names.includes(m.sheet);
    const { unplaced } = await this.host.applyMarks([...marks, ...this.reviewMarks.filter(onSheets)], { signal: options.signal });
    this.unplaced = [...this.unplaced.filter((u) => !onSheets(u)), ...unplaced];
  }

  async validate(scope: Scope, options: HostOptions = {}): Promise<Report> {
    const { report, names } = await this.read(scope, options);
    await this.mark(names, marksFromReport(report), options);
    return report;
  }

  async clearMarks(): Promise<void> {
    await this.host.clearMarks();
    this.unplaced = [];
  }

  /**
   * Reads and checks the whole workbook as it is now (a cell fixed since the last check goes as
   * fixed), sends it, and marks the server's report. Nothing in the workbook changes until the
   * server has answered.
   */
  async submit(api: ApiClient, taskId: number | null = null, options: HostOptions & { onSend?: () => void } = {}): Promise<{ submission: SubmissionSummary; report: Report; sheets: string[] }> {
    const { grid, names } = await this.read('workbook', options);
    options.signal?.throwIfAborted();
    // Past this point the request may reach the server whatever the pane does: no more cancelling.
    options.onSend?.();
    const content = JSON.stringify({ taskId, grid });
    const key = this.pending?.content === content ? this.pending.key : this.newKey();
    this.pending = { key, content };
    const result = await api.submit(grid, key, taskId);
    this.pending = null;
    await this.host.settings.set(LAST_SUBMISSION_KEY, String(result.submission.id));
    // The reviewer's comments were on the version before; this one waits for its own review.
    this.reviewMarks = [];
    await this.mark(undefined, marksFromReport(result.report));
    return { submission: result.submission, report: result.report, sheets: names };
  }

  /** The last submission's status, reviewer's reasons and cell comments, with the comments marked. */
  async review(api: ApiClient): Promise<SubmissionDetail | null> {
    const id = Number(await this.host.settings.get(LAST_SUBMISSION_KEY));
    if (!Number.isInteger(id) || id <= 0) return null;
    const detail = await api.submission(id);
    const returned = lastReturn(detail);
    if (returned && detail.status === 'returned') {
      const sheets = new Set(await this.host.listSheets());
      const marks = marksFromComments(returned.comments);
      this.reviewMarks = marks.filter((m) => sheets.has(m.sheet));
      // Added to the marks already there (the last check's): joined on the cells both point at.
      const outcome = await this.host.applyMarks(this.reviewMarks);
      // A comment on a sheet since renamed or deleted has no cell to go on.
      const unplaced = [...outcome.unplaced, ...marks.filter((m) => !sheets.has(m.sheet)).map((m) => ({ sheet: m.sheet, cell: m.cell, text: noteText([m]) }))];
      const again = new Set(unplaced.map((u) => `${u.sheet}!${u.cell}`));
      this.unplaced = [...this.unplaced.filter((u) => !again.has(`${u.sheet}!${u.cell}`)), ...unplaced];
    }
    return detail;
  }
}
