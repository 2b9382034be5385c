import type { ProgressState, WorkbookGrid } from '../../../shared/src';
import { apiPath, type ResponseOf } from '../../../shared/src/api/routes';
import { trimChars } from '../../../shared/src/text';

/**
 * The pane's client for the submission service. Every failure becomes one Chinese sentence the
 * pane can show as it is: no network, an expired or wrong token, a refusal from the server.
 * Response types come from the route table's schemas (shared/src/api/routes.ts), never typed by hand.
 */
export type SubmissionSummary = ResponseOf<'submit'>['submission'];
export type SubmissionDetail = ResponseOf<'submission'>;
export type Decision = SubmissionDetail['decisions'][number];

export { lastReturn } from '../../../shared/src/workflow';

/** A collection task as the pane shows it: the server's dates and this department's standing on it. */
export interface OpenTask {
  id: number;
  title: string;
  dueDate: string;
  /** Working days from today to the due date by the server's holiday calendar; negative once passed. */
  workingDaysLeft: number;
  state: ProgressState;
  /** False when the due date falls in a year whose holidays the server does not know (counted on weekends alone). */
  calendarCovered: boolean;
}

export class ApiError extends Error {
  constructor(
    readonly kind: 'network' | 'unauthenticated' | 'refused' | 'server',
    message: string,
    readonly status: number | null = null,
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

export class ApiClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly fetchImpl: Fetch = (url, init) => fetch(url, init),
  ) {}

  /** `path` from apiPath: /api/… */
  private async call<T>(path: string, init: RequestInit = {}): Promise<T> {
    let res: Response;
    try {
      res = await this.fetchImpl(`${trimChars(this.baseUrl, '/', 'end')}${path}`, {
        ...init,
        headers: { Authorization: `Bearer ${this.token}`, ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...(init.headers ?? {}) },
      });
    } catch {
      throw new ApiError('network', '无法连接服务器，请检查网络或服务器地址后重试；工作簿没有任何改动。');
    }
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    if (res.ok) return body as T;
    const message = body?.error?.message;
    if (res.status === 401) throw new ApiError('unauthenticated', '访问令牌无效或已过期，请在“设置”中重新填写令牌。', 401, body?.error?.code ?? null);
    // A busy server says so itself (and that a retry will not count twice); other faults get one plain message.
    if (res.status === 503 && message) throw new ApiError('server', message, res.status, body?.error?.code ?? null);
    if (res.status >= 500) throw new ApiError('server', '服务器暂时无法处理，请稍后重试；工作簿没有任何改动。', res.status, body?.error?.code ?? null);
    throw new ApiError('refused', message ?? `服务器拒绝了请求（${res.status}）。`, res.status, body?.error?.code ?? null);
  }

  me(): Promise<ResponseOf<'me'>> {
    return this.call(apiPath('me'));
  }

  submit(workbook: WorkbookGrid, idempotencyKey: string, taskId: number | null = null): Promise<ResponseOf<'submit'>> {
    return this.call(apiPath('submit'), { method: 'POST', body: JSON.stringify({ taskId, workbook }), headers: { 'Idempotency-Key': idempotencyKey } });
  }

  /** The approved catalogue's resources, to generate data templates from. */
  resources(): Promise<ResponseOf<'catalogueResources'>> {
    return this.call(apiPath('catalogueResources'));
  }

  /**
   * The department's tasks still to finish, soonest due first. The board of each task gives the
   * working days left (the server's calendar knows the holidays) and where the department stands.
   */
  async openTasks(): Promise<OpenTask[]> {
    const tasks = await this.call<ResponseOf<'tasks'>>(apiPath('tasks'));
    const boards = await Promise.all(tasks.map((t) => this.call<ResponseOf<'taskBoard'>>(apiPath('taskBoard', { id: t.id }))));
    return boards
      .map((b): OpenTask => ({ id: b.task.id, title: b.task.title, dueDate: b.task.dueDate, workingDaysLeft: b.workingDaysLeft, state: b.rows[0]?.state ?? 'not-started', calendarCovered: b.calendarCovered !== false }))
      .filter((t) => t.state !== 'approved')
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id - b.id);
  }

  submission(id: number): Promise<SubmissionDetail> {
    return this.call(apiPath('submission', { id }));
  }
}
