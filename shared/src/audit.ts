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
