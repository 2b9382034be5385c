import { ROLE_LABELS, type Role } from './vocabulary';

/**
 * The audit log's vocabulary: what each recorded action is called for people (the admin's log
 * page and its export). An action without a label here is shown as recorded.
 */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'bureau.init': '初始化单位',
  'bureau.demo': '创建演示单位',
  'session.sign-in': '网页登录',
  'token.sign-in': '用密码换取令牌',
  'token.create': '生成令牌',
  'token.revoke': '吊销令牌',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.password-change': '修改自己的密码',
  'user.password-reset': '命令行重设密码',
  'department.create': '新建部门',
  'department.update': '修改部门',
  'task.create': '新建填报任务',
  'task.update': '修改填报任务',
  'task.extend': '为部门延期',
  'task.close': '关闭填报任务',
  'task.delete': '删除填报任务',
  'calendar.update': '录入节假日安排',
  'calendar.delete': '删除节假日录入',
  'settings.update': '修改单位设置',
  'submission.create': '提交',
  'submission.confirm': '部门领导确认',
  'submission.approve': '审核通过',
  'submission.return': '退回',
};

export const auditActionLabel = (action: string): string => AUDIT_ACTION_LABELS[action] ?? action;

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  bureau: '单位',
  settings: '单位设置',
  user: '用户',
  token: '令牌',
  department: '部门',
  task: '填报任务',
  calendar: '节假日日历',
  submission: '提交',
};

export const auditEntityLabel = (entity: string): string => AUDIT_ENTITY_LABELS[entity] ?? entity;

/** What each key of an entry's details means, for people; a key without a label is shown as recorded. */
export const AUDIT_DETAIL_LABELS: Record<string, string> = {
  reason: '理由',
  comments: '批注数',
  departmentId: '部门',
  taskId: '填报任务',
  version: '版本',
  errors: '错误',
  warnings: '警告',
  file: '文件',
  username: '用户名',
  displayName: '姓名',
  role: '角色',
  userId: '用户',
  name: '名称',
  code: '代码',
  title: '任务名称',
  dueDate: '截止日期',
  sessionsEnded: '结束的会话',
  departments: '部门数',
  leadConfirmation: '部门领导确认',
  fields: '修改的项目',
  active: '启用',
  password: '密码',
};

export const auditDetailLabel = (key: string): string => AUDIT_DETAIL_LABELS[key] ?? key;

/** Keys whose value is the id of a person, a department or a task. */
export type AuditIdKey = 'userId' | 'departmentId' | 'taskId';
const ID_KEYS: readonly string[] = ['userId', 'departmentId', 'taskId'] satisfies AuditIdKey[];

/**
 * An entry's details in words — “部门：芜湖市统计局；版本：2；错误：0” — not JSON with English keys.
 * `nameOf` names the ids it knows; the others read “#3”.
 */
export function auditDetailsText(details: Record<string, unknown>, nameOf: (key: AuditIdKey, id: unknown) => string | undefined = () => undefined): string {
  const value = (key: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '无';
    if (ID_KEYS.includes(key)) return nameOf(key as AuditIdKey, v) ?? `#${String(v)}`;
    if (key === 'role' && typeof v === 'string') return ROLE_LABELS[v as Role] ?? v;
    if (key === 'fields' && Array.isArray(v)) return v.map((f) => auditDetailLabel(String(f))).join('、');
    if (typeof v === 'boolean') return v ? '是' : '否';
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  };
  return Object.entries(details)
    .map(([k, v]) => `${auditDetailLabel(k)}：${value(k, v)}`)
    .join('；');
}
