import { auditDetailsText } from './audit';

describe('an audit entry’s details in words', () => {
  test('labelled keys, roles, flags and lists in Chinese; empty values say 无', () => {
    expect(auditDetailsText({ username: 'ceshi', role: 'clerk' })).toBe('用户名：ceshi；角色：填报人员');
    expect(auditDetailsText({ leadConfirmation: true, reason: '' })).toBe('部门领导确认：是；理由：无');
    expect(auditDetailsText({ fields: ['displayName', 'password'] })).toBe('修改的项目：姓名、密码');
  });

  test('ids by the names given, #n otherwise; a key without a label as recorded', () => {
    const names = (key: string, id: unknown) => (key === 'departmentId' && id === 1 ? '芜湖市统计局' : undefined);
    expect(auditDetailsText({ departmentId: 1, taskId: 7, version: 2, custom: 'x' }, names)).toBe('部门：芜湖市统计局；填报任务：#7；版本：2；custom：x');
  });
});
