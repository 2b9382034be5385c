import { Router, type Request } from 'express';
import { REVIEW_ACTIONS } from '../../../../shared/src';
import type { Submission, SubmissionRepository, SubmissionSummary } from '../../db/store';
import { caller } from '../../http/auth';
import { on } from '../../http/route-table';
import { ApiError, badRequest, notFound } from '../../http/errors';
import { idParam, parse } from '../../http/parse';
import { BodyBudget } from '../../http/body-budget';
import { jsonBody, readBody } from '../../http/body';
import { xlsxUpload } from '../../http/upload';
import type { ApprovedCatalogue } from '../catalogue/service';
import { decide } from './review';
import { submitJson, submitUpload, type SubmissionData, type SubmitDeps } from './submit';
import { DecisionRequestSchema, RowsQuerySchema, SubmissionListQuerySchema } from '../../../../shared/src/api/schemas';
import type { Config } from '../../config';
import type { SubmissionChecker } from './checker';
import { checkedOrThrow } from './check-workbook';
import { readRows, type GridIndex } from './grid-index';
import type { GridViews } from './grid-views';
import { diffWithLastApproved, versionsWithPeople } from './reading';

/** Submissions: send a workbook (JSON grids from the add-in, or an .xlsx upload), list, read a page of rows, diff, decide. */
export function submissionRoutes(store: SubmissionData, catalogue: ApprovedCatalogue, checker: SubmissionChecker, views: GridViews, config: Config): Router {
  const r = Router();
  const limits = config.limits;
  const deps: SubmitDeps = { store, catalogue, checker, limits };
  const json = jsonBody(limits.jsonBytes);
  // The submission body is parsed where it is checked, on a worker thread.
  const rawJson = jsonBody(limits.jsonBytes, { raw: true, advice: '，请分批提交或上传 .xlsx 文件' });
  const upload = xlsxUpload(limits.uploadBytes);
  // Bodies being taken in and checked, across submissions, checks and decisions, each caller within its share.
  const budget = new BodyBudget(limits.pendingBodyBytes);
  const byCaller = (req: Request) => caller(req).userId;
  const submissionBody = (req: Request) => (req.is('multipart/form-data') ? upload : req.is('application/json') ? rawJson : null);
  const reserved = budget.reserve(submissionBody, byCaller);
  const reservedUpload = budget.reserve((req) => (req.is('multipart/form-data') ? upload : null), byCaller);

  on(r, 'submit', [reserved], async (req, res, actor) => {
    const idempotencyKey = idempotencyKeyOf(req);
    if (req.is('multipart/form-data')) {
      await readBody(upload, req, res);
      if (!req.file) throw badRequest('file-missing', '请在表单字段 file 中上传一个 .xlsx 文件');
      const taskId = req.body?.taskId ? idParam(req.body.taskId) : null;
      const file = req.file;
      const result = await submitUpload(deps, actor, { taskId, file: { filename: file.originalname, content: file.buffer } }, idempotencyKey);
      res.status(result.replayed ? 200 : 201).json(result);
      return;
    }
    if (!req.is('application/json')) throw badRequest('unsupported-content-type', '请以 JSON（application/json）提交表格，或以 multipart/form-data 上传 .xlsx 文件');
    await readBody(rawJson, req, res);
    if (!Buffer.isBuffer(req.body)) throw badRequest('malformed-json', '请求内容不是有效的 JSON，请检查格式');
    const result = await submitJson(deps, actor, req.body, idempotencyKey);
    res.status(result.replayed ? 200 : 201).json(result);
  });

  // Check without storing: the upload page shows the report before the clerk submits.
  on(r, 'check', [reservedUpload], async (req, res, actor) => {
    if (!req.is('multipart/form-data')) throw badRequest('unsupported-content-type', '请以 multipart/form-data 上传 .xlsx 文件（字段 file）');
    await readBody(upload, req, res);
    if (!req.file) throw badRequest('file-missing', '请在表单字段 file 中上传一个 .xlsx 文件');
    // Read, validated and indexed on a worker thread, like a submission.
    const checked = checkedOrThrow(await checker.check({ format: 'xlsx', bytes: req.file.buffer }, await catalogue.snapshot(), limits, 'index'));
    const { report, sheetKinds, index, gridDeflated } = checked;
    const checkId = await views.keepCheck(actor, index!, gridDeflated);
    res.json({ filename: req.file.originalname, sheetKinds, report, checkId, sheets: index!.sheets });
  });

  on(r, 'checkRows', async (req, res, actor) => {
    const index = await views.check(actor, String(req.params.checkId));
    if (!index) throw new ApiError(404, 'not-found', '这次检查的结果不存在或已过期（保留 30 分钟），请重新选择文件检查');
    res.json(rowsPage(index, req));
  });

  on(r, 'submissions', async (req, res, actor) => {
    const q = parse(SubmissionListQuerySchema, req.query, '查询条件');
    res.json(await store.submissions.list(actor, q));
  });

  on(r, 'submission', async (req, res) => {
    res.json(await visible(store, req));
  });

  on(r, 'submissionSheets', async (req, res) => {
    const s = await visibleSummary(store, req);
    res.json({ sheets: (await views.submission(s.id)).sheets });
  });

  on(r, 'submissionRows', async (req, res) => {
    const s = await visibleSummary(store, req);
    res.json(rowsPage(await views.submission(s.id), req));
  });

  // The series' versions and decisions, with the names of the people in them.
  on(r, 'versions', async (req, res, actor) => {
    res.json(await versionsWithPeople(store, actor, idParam(req.params.id)));
  });

  on(r, 'originalFile', async (req, res, actor) => {
    const file = await store.submissions.originalFile(actor, idParam(req.params.id));
    if (!file) throw notFound('原始文件');
    res.attachment(file.filename).type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(file.content);
  });

  on(r, 'diff', async (req, res) => {
    res.json(await diffWithLastApproved(store, views, await visibleSummary(store, req)));
  });

  for (const action of REVIEW_ACTIONS) {
    on(r, action, [budget.reserve(() => json, byCaller), json], async (req, res, actor) => {
      const body = parse(DecisionRequestSchema, req.body ?? {});
      res.json(await decide(store, catalogue, actor, idParam(req.params.id), action, body));
    });
  }
  return r;
}

async function visible(store: Pick<SubmissionRepository, 'submissions'>, req: Request): Promise<Submission> {
  const s = await store.submissions.get(caller(req), idParam(req.params.id));
  if (!s) throw notFound('提交');
  return s;
}

async function visibleSummary(store: Pick<SubmissionRepository, 'submissions'>, req: Request): Promise<SubmissionSummary> {
  const s = await store.submissions.summary(caller(req), idParam(req.params.id));
  if (!s) throw notFound('提交');
  return s;
}

/** A page of one sheet's rows, as the query asks. */
function rowsPage(index: GridIndex, req: Request): { offset: number; rows: ReturnType<typeof readRows> } {
  const sheet = Number(req.params.sheet);
  if (!Number.isInteger(sheet) || sheet < 0 || sheet >= index.sheets.length) throw notFound('工作表');
  const { offset, limit } = parse(RowsQuerySchema, req.query, '查询条件');
  return { offset, rows: readRows(index, sheet, offset, limit) };
}

function idempotencyKeyOf(req: Request): string | null {
  const key = req.get('idempotency-key');
  if (key === undefined) return null;
  if (!/^[\x21-\x7e]{8,200}$/.test(key)) throw badRequest('invalid-idempotency-key', 'Idempotency-Key 应为 8–200 个可见 ASCII 字符（如 UUID）');
  return key;
}
