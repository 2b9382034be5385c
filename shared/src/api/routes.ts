/**
 * The route table: every endpoint of /api declared once — method, path, who may call it, its zod
 * input and output, and its summary in Chinese. The server registers each handler from it (with
 * the role check), the OpenAPI document is generated from it, and the clients take their
 * response types from it. Plain data and zod schemas only, so the task pane and the review pages
 * can import it without any of the server.
 */
import { z } from 'zod';
import { DECISION_LABELS, type ReviewAction, type Role } from '../vocabulary';
import * as S from './schemas';

/** 'public': no sign-in; 'signed-in': any role (the handler may narrow further by the data); else these roles. */
export type Access = 'public' | 'signed-in' | readonly Role[];

/** A body that is not one JSON document the router parses (multipart upload, raw JSON read on a worker): its content types. */
export interface CustomBody {
  content: Record<string, z.ZodType>;
}

export interface RouteSpec {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Under /api, OpenAPI style: /submissions/{id}. */
  path: string;
  access: Access;
  summary: string;
  params?: z.ZodObject;
  query?: z.ZodType;
  headers?: z.ZodObject;
  body?: z.ZodType | CustomBody;
  /** The success answer: a JSON schema, or another content type (a file, CSV), or nothing (204). */
  ok: { status: 200 | 201 | 204; description: string; schema?: z.ZodType; contentType?: string };
  /** Refusals particular to this route, beyond 400/401/403/404 (status → what it means). */
  refusals?: Partial<Record<number, string>>;
}

const id = z.object({ id: z.coerce.number().int().positive() });
const sheet = z.object({ id: z.coerce.number().int().positive(), sheet: z.coerce.number().int().min(0) });
const year = z.object({ year: S.CalendarYearParamSchema });
const xlsxFile = z.string().openapi({ format: 'binary' });
// A body being taken in: stalled, or past the caller's share of the bodies in flight.
const bodyRefusals = {
  408: '连续一段时间（BODY_IDLE_SECONDS）没有收到请求内容，连接已断开',
  429: '本人同时处理中的提交已达每人上限，前面的完成后再提交',
};
const xlsxRefusals = { 413: '超过大小、行数或解压大小上限', 415: '不是 .xlsx', 422: '文件无法读取或没有可识别的工作表' };
const closedOrPast = { 400: '请求不符合要求；截止日期早于今天而未确认（due-date-past）', 409: '任务已关闭（task-closed）' };
const coordinators = ['coordinator', 'admin'] as const;
const admins = ['admin'] as const;
const reviewers = ['lead', 'coordinator', 'admin'] as const;

// Every field of shared's CatalogueResource (resources.ts): the pane generates templates from them.
const CatalogueResourcesSchema = z.array(
  z.object({
    department: z.string(),
    code: z.string().nullable(),
    name: z.string(),
    version: z.number().int().nullable(),
    shareType: z.string().nullable(),
    updateFrequency: z.string().nullable(),
    openType: z.string().nullable(),
    items: z.array(z.object({ name: z.string(), dataType: z.string().nullable(), dataLength: z.number().nullable(), isKey: z.boolean() })),
  }),
);

const decisionRoute = (action: ReviewAction) =>
  ({
    method: 'post',
    path: `/submissions/{id}/${action}`,
    access: reviewers,
    summary: action === 'return' ? `${DECISION_LABELS.return}（须写理由或单元格批注）` : DECISION_LABELS[action],
    params: id,
    body: S.DecisionRequestSchema,
    ok: { status: 200, description: '已记录', schema: S.DecisionSchema },
    refusals: { 409: '当前状态不能这样处理', ...bodyRefusals },
  }) as const satisfies RouteSpec;

export const ROUTES = {
  health: { method: 'get', path: '/health', access: 'public', summary: '健康检查：数据库可连接时返回 ok（供负载均衡使用）', ok: { status: 200, description: '正常', schema: z.object({ ok: z.literal(true) }) }, refusals: { 503: '数据库暂时无法连接' } },
  openApi: { method: 'get', path: '/openapi.json', access: 'public', summary: '本文档（OpenAPI 3）', ok: { status: 200, description: 'OpenAPI 文档', schema: z.record(z.string(), z.unknown()) } },

  // identity: signing in, the session, one's own account
  tokenSignIn: {
    method: 'post', path: '/auth/token', access: 'public', summary: '用户名和密码换取个人访问令牌（限频）', body: S.TokenSignInSchema,
    ok: { status: 201, description: '令牌（只显示这一次）', schema: z.object({ token: z.string(), tokenInfo: S.TokenSchema, user: S.UserSchema }) },
    refusals: { 401: '用户名或密码不正确', 403: '一次性密码须先在网页上改为新密码', 429: '尝试过于频繁' },
  },
  sessionSignIn: {
    method: 'post', path: '/session', access: 'public', summary: '网页登录：设置会话 Cookie（httpOnly、SameSite=Lax），返回 CSRF 令牌（限频）', body: S.SignInSchema,
    ok: { status: 201, description: '已登录', schema: S.SessionSchema }, refusals: { 401: '用户名或密码不正确', 429: '尝试过于频繁' },
  },
  session: { method: 'get', path: '/session', access: 'signed-in', summary: '当前网页会话与 CSRF 令牌（改动类请求须带 X-CSRF-Token 头）', ok: { status: 200, description: '会话', schema: S.SessionSchema } },
  // Public: signing out without a session still clears the cookie.
  signOut: { method: 'delete', path: '/session', access: 'public', summary: '退出登录', ok: { status: 204, description: '已退出' } },
  changePassword: {
    method: 'put', path: '/me/password', access: 'signed-in', summary: '修改自己的密码（其他会话随之退出，访问令牌全部吊销；当前密码错误计入账号锁定）', body: S.PasswordChangeSchema,
    ok: { status: 200, description: '已修改', schema: S.PasswordChangeResultSchema },
  },
  me: { method: 'get', path: '/me', access: 'signed-in', summary: '当前用户', ok: { status: 200, description: '当前用户', schema: S.UserSchema } },

  // identity: departments, users, tokens, settings
  departments: { method: 'get', path: '/departments', access: 'signed-in', summary: '部门列表', ok: { status: 200, description: '部门', schema: z.array(S.DepartmentSchema) } },
  createDepartment: { method: 'post', path: '/departments', access: admins, summary: '新建部门（管理员）', body: S.DepartmentInputSchema, ok: { status: 201, description: '已建', schema: S.DepartmentSchema }, refusals: { 409: '名称重复' } },
  updateDepartment: { method: 'patch', path: '/departments/{id}', access: admins, summary: '修改部门（管理员）', params: id, body: S.DepartmentInputSchema, ok: { status: 200, description: '已改', schema: S.DepartmentSchema } },
  users: { method: 'get', path: '/users', access: admins, summary: '用户列表（管理员）', ok: { status: 200, description: '用户', schema: z.array(S.UserSchema) } },
  createUser: { method: 'post', path: '/users', access: admins, summary: '新建用户（管理员）', body: S.UserInputSchema, ok: { status: 201, description: '已建', schema: S.UserSchema }, refusals: { 409: '用户名重复' } },
  updateUser: {
    method: 'patch', path: '/users/{id}', access: admins, summary: '修改用户、角色、停用或重设密码（管理员；停用或重设密码时结束其会话并吊销其令牌，重新启用不会恢复）', params: id, body: S.UserUpdateSchema,
    ok: { status: 200, description: '已改', schema: S.UserUpdateResultSchema }, refusals: { 409: '这是唯一启用的管理员' },
  },
  tokens: { method: 'get', path: '/tokens', access: 'signed-in', summary: '我的令牌（管理员加 all=true 看全部）', query: z.object({ all: z.enum(['true', 'false']).optional() }), ok: { status: 200, description: '令牌', schema: z.array(S.TokenSchema) } },
  // Anyone for themselves; an admin for someone else (checked in the handler, by the body).
  createToken: { method: 'post', path: '/tokens', access: 'signed-in', summary: '新建令牌（只显示一次）', body: S.TokenInputSchema, ok: { status: 201, description: '令牌', schema: S.TokenSchema.extend({ token: z.string() }) }, refusals: { 409: '该用户已停用' } },
  revokeToken: { method: 'delete', path: '/tokens/{id}', access: 'signed-in', summary: '吊销令牌', params: id, ok: { status: 204, description: '已吊销' } },
  settings: { method: 'get', path: '/settings', access: 'signed-in', summary: '单位设置', ok: { status: 200, description: '设置', schema: S.SettingsSchema } },
  updateSettings: { method: 'put', path: '/settings', access: admins, summary: '修改单位设置（管理员）', body: S.SettingsSchema, ok: { status: 200, description: '设置', schema: S.SettingsSchema } },

  // submissions
  submit: {
    method: 'post', path: '/submissions', access: 'signed-in', summary: '提交工作簿：JSON 表格（加载项）或 multipart 上传 .xlsx（字段 file，可附 taskId）',
    headers: z.object({ 'Idempotency-Key': z.string().min(8).max(200).optional() }),
    // The JSON is read raw and parsed on a worker thread; an upload is read by multer.
    body: { content: { 'application/json': S.SubmitJsonSchema, 'multipart/form-data': z.object({ file: xlsxFile, taskId: z.string().optional() }) } },
    ok: { status: 201, description: '已保存，附服务器校验报告（同一 Idempotency-Key 的重复请求返回 200 与第一次保存的结果）', schema: S.SubmitResponseSchema },
    refusals: { ...xlsxRefusals, 503: '同时处理的提交已达上限，稍后用同一 Idempotency-Key 重试', ...bodyRefusals },
  },
  submissions: {
    method: 'get', path: '/submissions', access: 'signed-in', summary: '提交列表（填报人员只见本部门）', query: S.SubmissionListQuerySchema,
    ok: { status: 200, description: '列表', schema: z.object({ items: z.array(S.SubmissionSummarySchema), total: z.number().int() }) },
  },
  submission: { method: 'get', path: '/submissions/{id}', access: 'signed-in', summary: '提交详情：报告、审核意见（表格用 sheets 与 rows 接口分页读取）', params: id, ok: { status: 200, description: '详情', schema: S.SubmissionDetailSchema } },
  submissionSheets: { method: 'get', path: '/submissions/{id}/sheets', access: 'signed-in', summary: '提交的各工作表概要（行数、宽度、合并区域）', params: id, ok: { status: 200, description: '工作表', schema: S.SheetListSchema } },
  submissionRows: {
    method: 'get', path: '/submissions/{id}/sheets/{sheet}/rows', access: 'signed-in', summary: `分页读取一张工作表的行（每次至多 ${S.ROWS_PAGE_MAX} 行）`, params: sheet, query: S.RowsQuerySchema,
    ok: { status: 200, description: '行', schema: S.SheetRowsSchema },
  },
  versions: { method: 'get', path: '/submissions/{id}/versions', access: 'signed-in', summary: '同一部门、同一任务的全部版本与审核记录', params: id, ok: { status: 200, description: '版本', schema: S.VersionsSchema } },
  originalFile: {
    method: 'get', path: '/submissions/{id}/file', access: 'signed-in', summary: '上传的原始文件', params: id,
    ok: { status: 200, description: '.xlsx 文件', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', schema: xlsxFile },
  },
  diff: { method: 'get', path: '/submissions/{id}/diff', access: 'signed-in', summary: '与本部门上一个已通过版本的差异', params: id, ok: { status: 200, description: '差异', schema: S.DiffSchema } },
  confirm: decisionRoute('confirm'),
  approve: decisionRoute('approve'),
  return: decisionRoute('return'),
  check: {
    method: 'post', path: '/checks', access: 'signed-in', summary: '只校验不保存：上传 .xlsx，返回报告、各表概要和 checkId', body: { content: { 'multipart/form-data': z.object({ file: xlsxFile }) } },
    ok: { status: 200, description: '校验结果', schema: S.CheckResultSchema }, refusals: { ...xlsxRefusals, 503: '同时处理的请求已达上限，稍后重试', ...bodyRefusals },
  },
  checkRows: {
    method: 'get', path: '/checks/{checkId}/sheets/{sheet}/rows', access: 'signed-in', summary: '分页读取刚校验的表格的行（仅本人，30 分钟内）',
    params: z.object({ checkId: z.string().uuid(), sheet: z.coerce.number().int().min(0) }), query: S.RowsQuerySchema, ok: { status: 200, description: '行', schema: S.SheetRowsSchema },
  },
  catalogueResources: { method: 'get', path: '/catalogue/resources', access: 'signed-in', summary: '已通过的全市目录资源（生成数据模板用）', ok: { status: 200, description: '资源', schema: CatalogueResourcesSchema } },

  // tasks and the bureau calendar
  tasks: { method: 'get', path: '/tasks', access: 'signed-in', summary: '填报任务（填报人员默认只见未关闭的）', query: S.TaskListQuerySchema, ok: { status: 200, description: '任务', schema: z.array(S.TaskSchema) } },
  task: { method: 'get', path: '/tasks/{id}', access: 'signed-in', summary: '填报任务详情', params: id, ok: { status: 200, description: '任务', schema: S.TaskSchema } },
  taskBoard: { method: 'get', path: '/tasks/{id}/board', access: 'signed-in', summary: '任务进度：各部门状态（未开始、已提交、已确认、已退回、已通过、逾期）与最后动态', params: id, ok: { status: 200, description: '进度', schema: S.BoardSchema } },
  createTask: { method: 'post', path: '/tasks', access: coordinators, summary: '新建填报任务（审核人员）：截止日期或工作日天数', body: S.TaskInputSchema, ok: { status: 201, description: '已建', schema: S.TaskSchema } },
  updateTask: {
    method: 'patch', path: '/tasks/{id}', access: coordinators, summary: '修改填报任务（审核人员）：名称、截止日期、承担部门、表格；早于今天的截止日期须 confirmPastDue', params: id, body: S.TaskUpdateSchema,
    ok: { status: 200, description: '已改', schema: S.TaskSchema }, refusals: { ...closedOrPast, 409: '任务已关闭，或要移出的部门已提交' },
  },
  extendTask: {
    method: 'post', path: '/tasks/{id}/extensions', access: coordinators, summary: '为一个部门单独延期（审核人员）：截止日期或再加若干工作日', params: id, body: S.TaskExtensionInputSchema,
    ok: { status: 201, description: '已延期', schema: S.TaskSchema }, refusals: closedOrPast,
  },
  closeTask: { method: 'post', path: '/tasks/{id}/close', access: coordinators, summary: '关闭填报任务（审核人员）：此后不再接收提交', params: id, ok: { status: 200, description: '已关闭', schema: S.TaskSchema } },
  deleteTask: { method: 'delete', path: '/tasks/{id}', access: coordinators, summary: '删除填报任务（审核人员）：仅限尚无提交的任务', params: id, ok: { status: 204, description: '已删除' }, refusals: { 409: '已有提交，不能删除（可关闭）' } },
  calendar: { method: 'get', path: '/calendar', access: 'signed-in', summary: '节假日日历：各年度数据来源（内置、本单位录入、未录入）与本单位的录入', ok: { status: 200, description: '日历', schema: S.CalendarSchema } },
  dueDate: { method: 'get', path: '/calendar/due', access: 'signed-in', summary: '截止日期预览：若干工作日后的日期，或某日期还剩几个工作日', query: S.DueQuerySchema, ok: { status: 200, description: '预览', schema: S.DueSchema } },
  putCalendarYear: {
    method: 'put', path: '/calendar/years/{year}', access: admins, summary: '录入一个年度的放假与调休上班日期（管理员；按国务院通知，优先于内置日历）', params: year, body: S.CalendarYearInputSchema,
    ok: { status: 200, description: '已保存', schema: S.CalendarYearSchema },
  },
  deleteCalendarYear: { method: 'delete', path: '/calendar/years/{year}', access: admins, summary: '删除本单位录入的年度（管理员；恢复使用内置日历或按周末计算）', params: year, ok: { status: 204, description: '已删除' } },

  // audit
  audit: { method: 'get', path: '/audit', access: admins, summary: '操作日志（管理员）：按用户、操作、对象、日期（北京时间，含 to 当天）筛选，最新的在前', query: S.AuditQuerySchema, ok: { status: 200, description: '日志', schema: S.AuditPageSchema } },
  auditExport: {
    method: 'get', path: '/audit/export', access: admins, summary: '导出操作日志为 CSV（管理员；UTF-8 带 BOM，可直接用 Excel 打开；以 = + - @ 开头的文本前加单引号，不会被当作公式）',
    query: S.AuditQuerySchema.omit({ limit: true, offset: true }), ok: { status: 200, description: 'CSV 文件', contentType: 'text/csv', schema: z.string() },
  },
} as const satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof ROUTES;

/** What a route answers with on success, from its declared schema (the clients' response types). */
export type ResponseOf<N extends RouteName> = (typeof ROUTES)[N]['ok'] extends { schema: infer T extends z.ZodType } ? z.output<T> : undefined;

/** The path with its parameters filled in, under /api: apiPath('submission', { id: 3 }) → /api/submissions/3. */
export function apiPath(name: RouteName, params: Record<string, string | number | undefined> = {}): string {
  return `/api${ROUTES[name].path.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(String(params[key])))}`;
}
