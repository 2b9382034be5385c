import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { EXCEL_COLUMNS, EXCEL_ROWS, MAX_MERGES_PER_SHEET, type CellValue } from '../grid';
import { IssueSchema, ReportSchema, SheetKindSchema } from '../report';
import { CALENDAR_SOURCES } from '../calendar';
import { isValidYmd } from '../dates';
import { PROGRESS_STATES, REVIEW_ACTIONS, ROLES, SUBMISSION_STATUSES } from '../vocabulary';
import { DEFAULT_TOKEN_LIFETIME_DAYS, TOKEN_LIFETIME_DAYS } from '../token-lifetimes';

/**
 * The API's request and response shapes, declared once: they validate requests at run time,
 * type the handlers, and generate the OpenAPI document served at /api/docs.
 */
extendZodWithOpenApi(z);

/**
 * Rows of cells, checked by one loop: a per-cell zod union costs milliseconds on a 1,000-row
 * catalogue, and this runs for every submission.
 */
function isRows(value: unknown): value is CellValue[][] {
  if (!Array.isArray(value)) return false;
  for (const row of value) {
    if (!Array.isArray(row)) return false;
    for (const v of row) {
      const t = typeof v;
      if (v !== null && t !== 'string' && t !== 'boolean' && !(t === 'number' && Number.isFinite(v))) return false;
    }
  }
  return true;
}

const RowsSchema = z
  .custom<CellValue[][]>(isRows, { message: '每行应为单元格数组，单元格的值只能是文本、数字、逻辑值或 null' })
  .openapi({ type: 'array', items: { type: 'array', items: { nullable: true, oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] } } });

// Coordinates stay inside an Excel sheet: anything beyond cannot come from a workbook, and a huge
// one (a merge to column 200,000,000) would make the engine build rows of that length.
const OUTSIDE_SHEET = `超出了 Excel 工作表的范围（${EXCEL_ROWS.toLocaleString('en-US')} 行 × ${EXCEL_COLUMNS.toLocaleString('en-US')} 列）`;
const SheetRow = z.number().int().min(1).max(EXCEL_ROWS, `行号${OUTSIDE_SHEET}`);
const SheetColumn = z.number().int().min(1).max(EXCEL_COLUMNS, `列号${OUTSIDE_SHEET}`);

const MergeAreaShape = z.object({ top: SheetRow, left: SheetColumn, bottom: SheetRow, right: SheetColumn });
export const MergeAreaSchema = MergeAreaShape.refine((m) => m.top <= m.bottom && m.left <= m.right, { message: '合并区域的起始行列不能大于结束行列' });

export const SheetGridSchema = z
  .object({
    name: z.string().min(1).max(31),
    rows: RowsSchema,
    merges: z.array(MergeAreaSchema).max(MAX_MERGES_PER_SHEET).optional(),
    startRow: SheetRow.optional(),
    startCol: SheetColumn.optional(),
  })
  .superRefine((sheet, ctx) => {
    if ((sheet.startRow ?? 1) - 1 + sheet.rows.length > EXCEL_ROWS) ctx.addIssue({ code: 'custom', path: ['rows'], message: `工作表的行${OUTSIDE_SHEET}` });
    const width = sheet.rows.reduce((w, r) => Math.max(w, r.length), 0);
    if ((sheet.startCol ?? 1) - 1 + width > EXCEL_COLUMNS) ctx.addIssue({ code: 'custom', path: ['rows'], message: `工作表的列${OUTSIDE_SHEET}` });
  })
  .openapi('SheetGrid', { description: '一张工作表：单元格值（日期为 Excel 序号）与合并区域' });

export const WorkbookGridSchema = z.object({ sheets: z.array(SheetGridSchema).min(1).max(255) }).openapi('WorkbookGrid');

export const SubmitJsonSchema = z
  .object({
    taskId: z.number().int().positive().nullable().optional(),
    workbook: WorkbookGridSchema,
  })
  .openapi('SubmitWorkbook');

export const SubmissionStatusSchema = z.enum(SUBMISSION_STATUSES);

export const CellCommentSchema = z
  .object({
    sheet: z.string().min(1).max(31),
    row: z.number().int().positive().nullable().default(null),
    cell: z.string().regex(/^[A-Z]{1,3}[1-9][0-9]{0,6}$/, '单元格地址应写成 A1 形式').nullable().default(null),
    message: z.string().min(1).max(2000),
  })
  .openapi('CellComment');

export const DecisionRequestSchema = z
  .object({
    reason: z.string().max(4000).default(''),
    comments: z.array(CellCommentSchema).max(2000).default([]),
  })
  .openapi('DecisionRequest');

export const DecisionSchema = z
  .object({
    id: z.number().int(),
    submissionId: z.number().int(),
    decision: z.enum(REVIEW_ACTIONS),
    reason: z.string(),
    comments: z.array(CellCommentSchema),
    decidedBy: z.number().int(),
    createdAt: z.string(),
  })
  .openapi('Decision');

export const SubmissionSummarySchema = z
  .object({
    id: z.number().int(),
    departmentId: z.number().int(),
    taskId: z.number().int().nullable(),
    version: z.number().int(),
    sheetKinds: z.array(SheetKindSchema),
    status: SubmissionStatusSchema,
    errors: z.number().int(),
    warnings: z.number().int(),
    submittedBy: z.number().int(),
    createdAt: z.string(),
    originalFilename: z.string().nullable(),
  })
  .openapi('SubmissionSummary');

export const SubmitResponseSchema = z
  .object({ submission: SubmissionSummarySchema, report: ReportSchema, replayed: z.boolean() })
  .openapi('SubmitResponse');

export const SubmissionDetailSchema = SubmissionSummarySchema.extend({
  report: ReportSchema,
  decisions: z.array(DecisionSchema),
}).openapi('SubmissionDetail');

export const SheetOutlineSchema = z
  .object({
    index: z.number().int(),
    name: z.string(),
    startRow: z.number().int(),
    startCol: z.number().int(),
    rowCount: z.number().int(),
    width: z.number().int(),
    merges: z.array(MergeAreaShape.extend({ value: z.string() })),
  })
  .openapi('SheetOutline', { description: '一张工作表的概要：行数、宽度和合并区域（附左上角单元格的文本）；各行用 rows 接口分页读取' });

export const SheetListSchema = z.object({ sheets: z.array(SheetOutlineSchema) }).openapi('SheetList');

export const ROWS_PAGE_MAX = 1000;

export const RowsQuerySchema = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(ROWS_PAGE_MAX).default(200),
});

export const SheetRowsSchema = z.object({ offset: z.number().int(), rows: RowsSchema }).openapi('SheetRows', { description: '从第 offset 行（0 起，即工作表第 startRow + offset 行）起的若干行' });

export const SubmissionListQuerySchema = z.object({
  taskId: z.coerce.number().int().positive().optional(),
  departmentId: z.coerce.number().int().positive().optional(),
  status: SubmissionStatusSchema.optional(),
  sheetKind: SheetKindSchema.optional(),
  latest: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  order: z.enum(['oldest', 'newest']).default('newest'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const RoleSchema = z.enum(ROLES);

export const DepartmentSchema = z.object({ id: z.number().int(), name: z.string(), code: z.string().nullable(), createdAt: z.string() }).openapi('Department');
export const DepartmentInputSchema = z.object({ name: z.string().trim().min(1).max(100), code: z.string().trim().max(50).nullable().optional() }).openapi('DepartmentInput');

export const UserSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    role: RoleSchema,
    departmentId: z.number().int().nullable(),
    active: z.boolean(),
    mustChangePassword: z.boolean().openapi({ description: '使用一次性密码登录后须先设置新密码' }),
    createdAt: z.string(),
  })
  .openapi('User');

const PasswordSchema = z.string().min(10, '密码至少 10 位').max(200);
export const UserInputSchema = z
  .object({
    username: z.string().trim().min(2).max(50).regex(/^[A-Za-z0-9_.-]+$/, '用户名只能包含字母、数字、下划线、点和连字符'),
    displayName: z.string().trim().min(1).max(50),
    role: RoleSchema,
    departmentId: z.number().int().positive().nullable().default(null),
    password: PasswordSchema,
  })
  .openapi('UserInput');
export const UserUpdateSchema = z
  .object({ displayName: z.string().trim().min(1).max(50), role: RoleSchema, departmentId: z.number().int().positive().nullable(), active: z.boolean(), password: PasswordSchema })
  .partial()
  .openapi('UserUpdate');

/** What ending a user's access took: after a password change, an admin's reset or disabling the account. */
const AccessEndedShape = { sessionsEnded: z.number().int(), tokensRevoked: z.number().int() };
export const UserUpdateResultSchema = UserSchema.extend({
  sessionsEnded: AccessEndedShape.sessionsEnded.optional(),
  tokensRevoked: AccessEndedShape.tokensRevoked.optional().openapi({ description: '重设密码或停用时一并吊销的访问令牌数' }),
}).openapi('UserUpdateResult');
export const PasswordChangeResultSchema = z.object({ ok: z.boolean(), ...AccessEndedShape }).openapi('PasswordChangeResult');

export const TokenSchema = z
  .object({
    id: z.number().int(),
    userId: z.number().int(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    expiresAt: z.string().openapi({ description: '到期时间，之后令牌不再有效' }),
  })
  .openapi('ApiToken');
/** A token's lifetime in days, chosen when it is made. */
export const TokenLifetimeSchema = z
  .literal(TOKEN_LIFETIME_DAYS, { error: `有效期只能是 ${TOKEN_LIFETIME_DAYS.join('、')} 天之一` })
  .default(DEFAULT_TOKEN_LIFETIME_DAYS)
  .openapi({ description: `令牌有效期（天），默认 ${DEFAULT_TOKEN_LIFETIME_DAYS}` });

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused, not rolled over to March). */
const ChinaDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写成 YYYY-MM-DD')
  .refine((s) => isValidYmd(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))), '不是有效的日期');

/** The audit log's filters; dates are China calendar dates, `to` included. */
export const AuditQuerySchema = z.object({
  userId: z.coerce.number().int().positive().optional(),
  action: z.string().trim().min(1).max(64).optional(),
  entity: z.string().trim().min(1).max(64).optional(),
  entityId: z.string().trim().min(1).max(64).optional(),
  from: ChinaDateSchema.optional(),
  to: ChinaDateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    userId: z.number().int().nullable(),
    userName: z.string().nullable(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .openapi('AuditEntry');

export const AuditPageSchema = z.object({ items: z.array(AuditEntrySchema), total: z.number().int() }).openapi('AuditPage');

export const TokenInputSchema = z.object({ name: z.string().trim().min(1).max(100), userId: z.number().int().positive().optional(), expiresInDays: TokenLifetimeSchema }).openapi('TokenInput');

export const TaskExtensionSchema = z.object({ departmentId: z.number().int(), dueDate: z.string() }).openapi('TaskExtension');
export const TaskSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    sheetKinds: z.array(SheetKindSchema),
    departmentIds: z.array(z.number().int()),
    dueDate: z.string().openapi({ description: '截止日期；填报人员和部门领导看到的是本部门的截止日期（含延期）' }),
    extensions: z.array(TaskExtensionSchema).openapi({ description: '单独延期的部门及其截止日期（填报人员只见本部门）' }),
    createdBy: z.number().int(),
    createdAt: z.string(),
    closedAt: z.string().nullable().openapi({ description: '关闭时间；关闭后不再接收提交' }),
    calendarCovered: z.boolean().openapi({ description: '为 false 时，某个截止日期所在年份没有节假日数据，按周末计算，可能有误' }),
  })
  .openapi('Task');
const WorkingDaysSchema = z.number().int().min(1, '工作日天数至少为 1：0 天即今天截止，请改填截止日期').max(250);
const ConfirmPastDueSchema = z.boolean().optional().openapi({ description: '截止日期早于今天时须为 true（确认不是误填）' });
const oneDue = { message: '请填写截止日期或工作日天数（二选一）' };
export const TaskInputSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    sheetKinds: z.array(SheetKindSchema).min(1),
    departmentIds: z.array(z.number().int().positive()).min(1),
    dueDate: ChinaDateSchema.optional(),
    dueInWorkingDays: WorkingDaysSchema.optional(),
    confirmPastDue: ConfirmPastDueSchema,
  })
  .refine((t) => (t.dueDate === undefined) !== (t.dueInWorkingDays === undefined), oneDue)
  .openapi('TaskInput');
export const TaskUpdateSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    sheetKinds: z.array(SheetKindSchema).min(1),
    departmentIds: z.array(z.number().int().positive()).min(1),
    dueDate: ChinaDateSchema,
    dueInWorkingDays: WorkingDaysSchema,
  })
  .partial()
  .extend({ confirmPastDue: ConfirmPastDueSchema })
  .refine((t) => t.dueDate === undefined || t.dueInWorkingDays === undefined, oneDue)
  .openapi('TaskUpdate', { description: '只改所给的字段；工作日天数从今天算起' });
export const TaskExtensionInputSchema = z
  .object({ departmentId: z.number().int().positive(), dueDate: ChinaDateSchema.optional(), dueInWorkingDays: WorkingDaysSchema.optional(), confirmPastDue: ConfirmPastDueSchema })
  .refine((t) => (t.dueDate === undefined) !== (t.dueInWorkingDays === undefined), oneDue)
  .openapi('TaskExtensionInput', { description: '为一个部门单独延期；工作日天数从该部门现在的截止日期（已过则从今天）起算；日期等于任务截止日期即取消延期' });
export const TaskListQuerySchema = z.object({
  state: z.enum(['open', 'closed', 'all']).optional().openapi({ description: '默认：填报人员和部门领导只见未关闭的任务，其他角色见全部' }),
});

const CalendarSourceSchema = z.enum(CALENDAR_SOURCES);
export const CalendarYearSchema = z
  .object({
    year: z.number().int(),
    holidays: z.array(z.string()),
    workdays: z.array(z.string()),
    notice: z.string(),
    source: z.string(),
    updatedBy: z.number().int(),
    updatedAt: z.string(),
  })
  .openapi('BureauCalendarYear');
export const CalendarSchema = z
  .object({
    today: z.string(),
    years: z.array(z.object({ year: z.number().int(), source: CalendarSourceSchema })),
    entries: z.array(CalendarYearSchema),
    packageYears: z.array(z.number().int()),
  })
  .openapi('Calendar', { description: '各年度节假日数据的来源：package 内置日历、bureau 本单位录入（优先）、none 未录入（按周末计算）' });
export const CalendarYearParamSchema = z.coerce.number().int().min(2000).max(2100);
export const CalendarYearInputSchema = z
  .object({
    notice: z.string().max(10_000).openapi({ description: '每行一项，如“2027-01-01 至 2027-01-03 放假”“2027-02-07 上班”' }),
    source: z.string().trim().min(1, '请写明依据的通知（如 国办发明电〔2026〕X号）').max(200),
  })
  .openapi('BureauCalendarYearInput');
export const DueQuerySchema = z
  .object({ workingDays: z.coerce.number().int().min(0).max(250).optional(), date: ChinaDateSchema.optional(), from: ChinaDateSchema.optional() })
  .refine((q) => (q.workingDays === undefined) !== (q.date === undefined), { message: '请给出 workingDays 或 date（二选一）' });
export const DueSchema = z
  .object({ today: z.string(), dueDate: z.string(), workingDaysLeft: z.number().int(), past: z.boolean(), calendarCovered: z.boolean(), source: CalendarSourceSchema })
  .openapi('DuePreview', { description: '截止日期预览：剩余工作日、是否早于今天、所在年份是否有节假日数据' });

export const SettingsSchema = z.object({ leadConfirmation: z.boolean() }).openapi('BureauSettings');

export const SignInSchema = z.object({ username: z.string().min(1).max(50), password: z.string().min(1).max(200) }).openapi('SignIn');
/** Signing in for a token (the add-in): optionally its name and lifetime. */
export const TokenSignInSchema = SignInSchema.extend({ tokenName: SignInSchema.shape.username.optional(), expiresInDays: TokenLifetimeSchema }).openapi('TokenSignIn');
export const SessionSchema = z.object({ user: UserSchema, csrfToken: z.string() }).openapi('Session');
export const PasswordChangeSchema = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: PasswordSchema })
  .refine((p) => p.currentPassword !== p.newPassword, { message: '新密码不能与当前密码相同', path: ['newPassword'] })
  .openapi('PasswordChange');

export const ErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) }).openapi('Error');

const FieldChangesSchema = z.array(z.object({ field: z.string(), before: z.string(), after: z.string() }));

export const DiffSchema = z
  .object({
    base: z.object({ id: z.number().int(), version: z.number().int() }).nullable(),
    resources: z.object({
      added: z.array(z.string()),
      removed: z.array(z.string()),
      changed: z.array(z.object({ name: z.string(), fields: FieldChangesSchema, itemsAdded: z.array(z.string()), itemsRemoved: z.array(z.string()), itemsChanged: z.array(z.object({ name: z.string(), fields: FieldChangesSchema })) })),
    }),
    /** The rows the diff touches, for tinting the sheet (shared/src/diff-tones.ts). */
    tones: z.array(z.object({ sheet: z.string(), row: z.number().int(), tone: z.enum(['added', 'changed']) })),
  })
  .openapi('CatalogueDiff');

export { IssueSchema, ReportSchema };

export const BoardSchema = z
  .object({
    task: TaskSchema,
    today: z.string(),
    workingDaysLeft: z.number().int(),
    calendarCovered: z.boolean(),
    rows: z.array(
      z.object({
        department: z.object({ id: z.number().int(), name: z.string() }),
        state: z.enum(PROGRESS_STATES),
        dueDate: z.string().openapi({ description: '该部门的截止日期（单独延期的为延期后的日期）' }),
        extended: z.boolean(),
        workingDaysLeft: z.number().int(),
        latest: z.object({ id: z.number().int(), version: z.number().int(), status: SubmissionStatusSchema, errors: z.number().int(), warnings: z.number().int(), createdAt: z.string() }).nullable(),
        lastActivityAt: z.string().nullable(),
      }),
    ),
    counts: z.record(z.string(), z.number().int()),
  })
  .openapi('TaskBoard');
export const VersionsSchema = z
  .object({ versions: z.array(SubmissionSummarySchema.extend({ decisions: z.array(DecisionSchema) })), people: z.record(z.string(), z.string()) })
  .openapi('SubmissionVersions');
export const CheckResultSchema = z
  .object({ filename: z.string(), sheetKinds: z.array(SheetKindSchema), report: ReportSchema, checkId: z.string(), sheets: z.array(SheetOutlineSchema) })
  .openapi('CheckResult', { description: '校验报告与各表概要；表格各行凭 checkId 分页读取（保留 30 分钟，仅本人可读）' });
