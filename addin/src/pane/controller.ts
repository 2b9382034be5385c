import { marksFromComments, marksFromReport, newIdempotencyKey, WorkbookValidation, type Report, type WorkbookGrid } from '../../../shared/src';
import type { HostOptions, WorkbookHost } from '../host/types';
import type { ApiClient, SubmissionDetail, SubmissionSummary } from './api-client';

/**
 * What the task pane does, without React: read sheets through the host, check them with the
 * engine as rows arrive, mark the problems, submit, and bring the reviewer's reasons back onto
 * the cells. The workbook's values are never written; a failed submission changes nothing.
 */
export type Scope = 'active' | 'workbook';

export const LAST_SUBMISSION_KEY = 'lastSubmissionId';

export class PaneController {
  private lastGrid: WorkbookGrid | null = null;
  /** The key of a submission that got no answer: a retry of the same content reuses it. */
  private pending: { key: string; content: string } | null = null;

  constructor(
    private readonly host: WorkbookHost,
    private readonly newKey: () => string = newIdempotencyKey,
  ) {}

  async validate(scope: Scope, options: HostOptions = {}): Promise<Report> {
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
    const report = validation.finish();
    this.lastGrid = { sheets };
    await this.host.clearMarks(names);
    await this.host.applyMarks(marksFromReport(report), { signal: options.signal });
    return report;
  }

  async clearMarks(): Promise<void> {
    await this.host.clearMarks();
  }

  /** Sends what was last checked (the whole workbook); marks come back from the server's report. */
  async submit(api: ApiClient, taskId: number | null = null): Promise<{ submission: SubmissionSummary; report: Report }> {
    if (!this.lastGrid) await this.validate('workbook');
    const grid = this.lastGrid!;
    const content = JSON.stringify({ taskId, grid });
    const key = this.pending?.content === content ? this.pending.key : this.newKey();
    this.pending = { key, content };
    // Nothing in the workbook changes until the server has answered.
    const result = await api.submit(grid, key, taskId);
    this.pending = null;
    await this.host.settings.set(LAST_SUBMISSION_KEY, String(result.submission.id));
    await this.host.clearMarks();
    await this.host.applyMarks(marksFromReport(result.report));
    return result;
  }

  /** The last submission's status, reviewer's reasons and cell comments, with the comments marked. */
  async review(api: ApiClient): Promise<SubmissionDetail | null> {
    const id = Number(await this.host.settings.get(LAST_SUBMISSION_KEY));
    if (!Number.isInteger(id) || id <= 0) return null;
    const detail = await api.submission(id);
    const returned = [...detail.decisions].reverse().find((d) => d.decision === 'return');
    if (returned && detail.status === 'returned') await this.host.applyMarks(marksFromComments(returned.comments));
    return detail;
  }
}
