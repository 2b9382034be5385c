import { OpenApiGeneratorV3, OpenAPIRegistry, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import * as S from './schemas';

/** The OpenAPI document, generated from the same zod schemas that check requests. */
export function openApiDocument(): ReturnType<OpenApiGeneratorV3['generateDocument']> {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: '个人访问令牌（gct_…）' });
  const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
  const errors = {
    400: json(S.ErrorSchema, '请求不符合要求'),
    401: json(S.ErrorSchema, '未登录或令牌无效'),
    403: json(S.ErrorSchema, '角色无权操作'),
    404: json(S.ErrorSchema, '不存在或无权查看'),
  };
  // A body being taken in: stalled, or past the caller's share of the bodies in flight.
  const bodyRefusals = {
    408: json(S.ErrorSchema, '连续一段时间（BODY_IDLE_SECONDS）没有收到请求内容，连接已断开'),
    429: json(S.ErrorSchema, '本人同时处理中的提交已达每人上限，前面的完成后再提交'),
  };
  const id = z.object({ id: z.coerce.number().int().positive() });
  const route = (r: Omit<RouteConfig, 'security'>) => registry.registerPath({ ...r, security: [{ [bearer.name]: [] }] });

  registry.registerPath({
    method: 'post', path: '/api/auth/token', summary: '用户名和密码换取个人访问令牌（限频）',
    request: { body: { content: { 'application/json': { schema: S.TokenSignInSchema } } } },
    responses: { 201: json(z.object({ token: z.string(), tokenInfo: S.TokenSchema, user: S.UserSchema }), '令牌（只显示这一次）'), 401: json(S.ErrorSchema, '用户名或密码不正确'), 403: json(S.ErrorSchema, '一次性密码须先在网页上改为新密码'), 429: json(S.ErrorSchema, '尝试过于频繁') },
  });
  registry.registerPath({
    method: 'post', path: '/api/session', summary: '网页登录：设置会话 Cookie（httpOnly、SameSite=Lax），返回 CSRF 令牌（限频）',
    request: { body: { content: { 'application/json': { schema: S.SignInSchema } } } },
    responses: { 201: json(S.SessionSchema, '已登录'), 401: json(S.ErrorSchema, '用户名或密码不正确'), 429: json(S.ErrorSchema, '尝试过于频繁') },
  });
  route({ method: 'get', path: '/api/session', summary: '当前网页会话与 CSRF 令牌（改动类请求须带 X-CSRF-Token 头）', responses: { 200: json(S.SessionSchema, '会话'), ...errors } });
  route({ method: 'delete', path: '/api/session', summary: '退出登录', responses: { 204: { description: '已退出' }, ...errors } });
  route({ method: 'put', path: '/api/me/password', summary: '修改自己的密码（其他会话随之退出，访问令牌全部吊销；当前密码错误计入账号锁定）', request: { body: { content: { 'application/json': { schema: S.PasswordChangeSchema } } } }, responses: { 200: json(S.PasswordChangeResultSchema, '已修改'), ...errors } });
  route({ method: 'get', path: '/api/me', summary: '当前用户', responses: { 200: json(S.UserSchema, '当前用户'), ...errors } });
  route({
    method: 'post', path: '/api/submissions', summary: '提交工作簿：JSON 表格（加载项）或 multipart 上传 .xlsx（字段 file，可附 taskId）',
    request: {
      headers: z.object({ 'Idempotency-Key': z.string().min(8).max(200).optional() }),
      body: { content: { 'application/json': { schema: S.SubmitJsonSchema }, 'multipart/form-data': { schema: z.object({ file: z.string().openapi({ format: 'binary' }), taskId: z.string().optional() }) } } },
    },
    responses: { 201: json(S.SubmitResponseSchema, '已保存，附服务器校验报告'), 200: json(S.SubmitResponseSchema, '同一 Idempotency-Key 的重复请求：返回第一次保存的结果'), 413: json(S.ErrorSchema, '超过大小、行数或解压大小上限'), 415: json(S.ErrorSchema, '不是 .xlsx'), 422: json(S.ErrorSchema, '文件无法读取或没有可识别的工作表'), 503: json(S.ErrorSchema, '同时处理的提交已达上限，稍后用同一 Idempotency-Key 重试'), ...bodyRefusals, ...errors },
  });
  route({ method: 'get', path: '/api/submissions', summary: '提交列表（填报人员只见本部门）', request: { query: S.SubmissionListQuerySchema }, responses: { 200: json(z.object({ items: z.array(S.SubmissionSummarySchema), total: z.number().int() }), '列表'), ...errors } });
  route({ method: 'get', path: '/api/submissions/{id}', summary: '提交详情：报告、审核意见（表格用 sheets 与 rows 接口分页读取）', request: { params: id }, responses: { 200: json(S.SubmissionDetailSchema, '详情'), ...errors } });
  const sheet = z.object({ id: z.coerce.number().int().positive(), sheet: z.coerce.number().int().min(0) });
  route({ method: 'get', path: '/api/submissions/{id}/sheets', summary: '提交的各工作表概要（行数、宽度、合并区域）', request: { params: id }, responses: { 200: json(S.SheetListSchema, '工作表'), ...errors } });
  route({ method: 'get', path: '/api/submissions/{id}/sheets/{sheet}/rows', summary: `分页读取一张工作表的行（每次至多 ${S.ROWS_PAGE_MAX} 行）`, request: { params: sheet, query: S.RowsQuerySchema }, responses: { 200: json(S.SheetRowsSchema, '行'), ...errors } });
  route({ method: 'get', path: '/api/submissions/{id}/versions', summary: '同一部门、同一任务的全部版本与审核记录', request: { params: id }, responses: { 200: json(S.VersionsSchema, '版本'), ...errors } });
  route({
    method: 'post', path: '/api/checks', summary: '只校验不保存：上传 .xlsx，返回报告、各表概要和 checkId',
    request: { body: { content: { 'multipart/form-data': { schema: z.object({ file: z.string().openapi({ format: 'binary' }) }) } } } },
    responses: { 200: json(S.CheckResultSchema, '校验结果'), 413: json(S.ErrorSchema, '超过上限'), 415: json(S.ErrorSchema, '不是 .xlsx'), 422: json(S.ErrorSchema, '文件无法读取'), 503: json(S.ErrorSchema, '同时处理的请求已达上限，稍后重试'), ...bodyRefusals, ...errors },
  });
  route({ method: 'get', path: '/api/checks/{checkId}/sheets/{sheet}/rows', summary: '分页读取刚校验的表格的行（仅本人，30 分钟内）', request: { params: z.object({ checkId: z.string().uuid(), sheet: z.coerce.number().int().min(0) }), query: S.RowsQuerySchema }, responses: { 200: json(S.SheetRowsSchema, '行'), ...errors } });
  route({ method: 'get', path: '/api/submissions/{id}/file', summary: '上传的原始文件', request: { params: id }, responses: { 200: { description: '.xlsx 文件' }, ...errors } });
  route({ method: 'get', path: '/api/submissions/{id}/diff', summary: '与本部门上一个已通过版本的差异', request: { params: id }, responses: { 200: json(S.DiffSchema, '差异'), ...errors } });
  for (const [action, summary] of [['confirm', '部门领导确认'], ['approve', '审核通过'], ['return', '退回（须写理由或单元格批注）']] as const) {
    route({ method: 'post', path: `/api/submissions/{id}/${action}`, summary, request: { params: id, body: { content: { 'application/json': { schema: S.DecisionRequestSchema } } } }, responses: { 200: json(S.DecisionSchema, '已记录'), 409: json(S.ErrorSchema, '当前状态不能这样处理'), ...errors } });
  }
  route({ method: 'get', path: '/api/audit', summary: '操作日志（管理员）：按用户、操作、对象、日期（北京时间，含 to 当天）筛选，最新的在前', request: { query: S.AuditQuerySchema }, responses: { 200: json(S.AuditPageSchema, '日志'), ...errors } });
  route({ method: 'get', path: '/api/audit/export', summary: '导出操作日志为 CSV（管理员；UTF-8 带 BOM，可直接用 Excel 打开；以 = + - @ 开头的文本前加单引号，不会被当作公式）', request: { query: S.AuditQuerySchema.omit({ limit: true, offset: true }) }, responses: { 200: { description: 'CSV 文件', content: { 'text/csv': { schema: z.string() } } }, ...errors } });
  route({ method: 'get', path: '/api/departments', summary: '部门列表', responses: { 200: json(z.array(S.DepartmentSchema), '部门'), ...errors } });
  route({ method: 'post', path: '/api/departments', summary: '新建部门（管理员）', request: { body: { content: { 'application/json': { schema: S.DepartmentInputSchema } } } }, responses: { 201: json(S.DepartmentSchema, '已建'), 409: json(S.ErrorSchema, '名称重复'), ...errors } });
  route({ method: 'patch', path: '/api/departments/{id}', summary: '修改部门（管理员）', request: { params: id, body: { content: { 'application/json': { schema: S.DepartmentInputSchema } } } }, responses: { 200: json(S.DepartmentSchema, '已改'), ...errors } });
  route({ method: 'get', path: '/api/users', summary: '用户列表（管理员）', responses: { 200: json(z.array(S.UserSchema), '用户'), ...errors } });
  route({ method: 'post', path: '/api/users', summary: '新建用户（管理员）', request: { body: { content: { 'application/json': { schema: S.UserInputSchema } } } }, responses: { 201: json(S.UserSchema, '已建'), 409: json(S.ErrorSchema, '用户名重复'), ...errors } });
  route({ method: 'patch', path: '/api/users/{id}', summary: '修改用户、角色、停用或重设密码（管理员；停用或重设密码时结束其会话并吊销其令牌，重新启用不会恢复）', request: { params: id, body: { content: { 'application/json': { schema: S.UserUpdateSchema } } } }, responses: { 200: json(S.UserUpdateResultSchema, '已改'), ...errors } });
  route({ method: 'get', path: '/api/tokens', summary: '我的令牌（管理员加 all=true 看全部）', responses: { 200: json(z.array(S.TokenSchema), '令牌'), ...errors } });
  route({ method: 'post', path: '/api/tokens', summary: '新建令牌（只显示一次）', request: { body: { content: { 'application/json': { schema: S.TokenInputSchema } } } }, responses: { 201: json(S.TokenSchema.extend({ token: z.string() }), '令牌'), ...errors } });
  route({ method: 'delete', path: '/api/tokens/{id}', summary: '吊销令牌', request: { params: id }, responses: { 204: { description: '已吊销' }, ...errors } });
  route({ method: 'get', path: '/api/catalogue/resources', summary: '已通过的全市目录资源（生成数据模板用）', responses: { 200: json(z.array(z.object({ department: z.string(), code: z.string().nullable(), name: z.string(), version: z.number().int().nullable(), items: z.array(z.object({ name: z.string(), dataType: z.string().nullable(), dataLength: z.number().nullable(), isKey: z.boolean() })) })), '资源'), ...errors } });
  route({ method: 'get', path: '/api/tasks', summary: '填报任务（填报人员默认只见未关闭的）', request: { query: S.TaskListQuerySchema }, responses: { 200: json(z.array(S.TaskSchema), '任务'), ...errors } });
  route({ method: 'get', path: '/api/tasks/{id}', summary: '填报任务详情', request: { params: id }, responses: { 200: json(S.TaskSchema, '任务'), ...errors } });
  route({ method: 'get', path: '/api/tasks/{id}/board', summary: '任务进度：各部门状态（未开始、已提交、已确认、已退回、已通过、逾期）与最后动态', request: { params: id }, responses: { 200: json(S.BoardSchema, '进度'), ...errors } });
  route({ method: 'post', path: '/api/tasks', summary: '新建填报任务（审核人员）：截止日期或工作日天数', request: { body: { content: { 'application/json': { schema: S.TaskInputSchema } } } }, responses: { 201: json(S.TaskSchema, '已建'), ...errors } });
  const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } } } });
  const closedOrPast = { 400: json(S.ErrorSchema, '请求不符合要求；截止日期早于今天而未确认（due-date-past）'), 409: json(S.ErrorSchema, '任务已关闭（task-closed）') };
  route({ method: 'patch', path: '/api/tasks/{id}', summary: '修改填报任务（审核人员）：名称、截止日期、承担部门、表格；早于今天的截止日期须 confirmPastDue', request: { params: id, ...body(S.TaskUpdateSchema) }, responses: { 200: json(S.TaskSchema, '已改'), ...errors, ...closedOrPast, 409: json(S.ErrorSchema, '任务已关闭，或要移出的部门已提交') } });
  route({ method: 'post', path: '/api/tasks/{id}/extensions', summary: '为一个部门单独延期（审核人员）：截止日期或再加若干工作日', request: { params: id, ...body(S.TaskExtensionInputSchema) }, responses: { 201: json(S.TaskSchema, '已延期'), ...errors, ...closedOrPast } });
  route({ method: 'post', path: '/api/tasks/{id}/close', summary: '关闭填报任务（审核人员）：此后不再接收提交', request: { params: id }, responses: { 200: json(S.TaskSchema, '已关闭'), ...errors } });
  route({ method: 'delete', path: '/api/tasks/{id}', summary: '删除填报任务（审核人员）：仅限尚无提交的任务', request: { params: id }, responses: { 204: { description: '已删除' }, 409: json(S.ErrorSchema, '已有提交，不能删除（可关闭）'), ...errors } });
  const year = z.object({ year: S.CalendarYearParamSchema });
  route({ method: 'get', path: '/api/calendar', summary: '节假日日历：各年度数据来源（内置、本单位录入、未录入）与本单位的录入', responses: { 200: json(S.CalendarSchema, '日历'), ...errors } });
  route({ method: 'get', path: '/api/calendar/due', summary: '截止日期预览：若干工作日后的日期，或某日期还剩几个工作日', request: { query: z.object({ workingDays: z.coerce.number().int().min(0).max(250).optional(), date: z.string().optional(), from: z.string().optional().openapi({ description: '工作日从这一天起算（已过则从今天），如部门延期；默认今天' }) }) }, responses: { 200: json(S.DueSchema, '预览'), ...errors } });
  route({ method: 'put', path: '/api/calendar/years/{year}', summary: '录入一个年度的放假与调休上班日期（管理员；按国务院通知，优先于内置日历）', request: { params: year, ...body(S.CalendarYearInputSchema) }, responses: { 200: json(S.CalendarYearSchema, '已保存'), ...errors } });
  route({ method: 'delete', path: '/api/calendar/years/{year}', summary: '删除本单位录入的年度（管理员；恢复使用内置日历或按周末计算）', request: { params: year }, responses: { 204: { description: '已删除' }, ...errors } });
  route({ method: 'get', path: '/api/settings', summary: '单位设置', responses: { 200: json(S.SettingsSchema, '设置'), ...errors } });
  route({ method: 'put', path: '/api/settings', summary: '修改单位设置（管理员）', request: { body: { content: { 'application/json': { schema: S.SettingsSchema } } } }, responses: { 200: json(S.SettingsSchema, '设置'), ...errors } });

  return new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: '3.0.3',
    info: { title: 'govcat 政务数据资源目录服务 API', version: '1.0.0', description: '提交、校验、审核政务数据资源目录。所有错误均为 JSON：{ error: { code, message } }，message 为中文。' },
    servers: [{ url: '/' }],
  });
}
