import { hashPassword, newPassword } from './auth/secrets';
import type { Role, Store } from './db/store';

/**
 * Setting up a bureau: a real one from the CLI (its admin only), or the demo bureau `npm start`
 * creates on an empty database so a newcomer has someone to sign in as.
 */
export interface Credential {
  username: string;
  password: string;
  role: Role;
  department: string | null;
}

export async function isEmpty(store: Store): Promise<boolean> {
  return (await store.users.list()).length === 0;
}

export async function createAdmin(store: Store, username: string, displayName: string): Promise<Credential> {
  const password = newPassword();
  await store.transaction(async (tx) => {
    const user = await tx.users.create({ username, displayName, role: 'admin', departmentId: null, passwordHash: await hashPassword(password) });
    await tx.audit.append({ userId: null, action: 'bureau.init', entity: 'user', entityId: String(user.id), details: { username } });
  });
  return { username, password, role: 'admin', department: null };
}

const DEMO_DEPARTMENTS = [
  { name: '芜湖市统计局', code: 'TJJ', clerk: 'tongji' },
  { name: '芜湖市民政局', code: 'MZJ', clerk: 'minzheng' },
  { name: '芜湖市市场监督管理局', code: 'SJJ', clerk: 'shichang' },
];

export async function createDemoBureau(store: Store): Promise<Credential[]> {
  const credentials: Credential[] = [];
  await store.transaction(async (tx) => {
    const add = async (username: string, displayName: string, role: Role, department: { id: number; name: string } | null) => {
      const password = newPassword();
      await tx.users.create({ username, displayName, role, departmentId: department?.id ?? null, passwordHash: await hashPassword(password) });
      credentials.push({ username, password, role, department: department?.name ?? null });
    };
    await add('admin', '系统管理员', 'admin', null);
    await add('shenhe', '计算科 审核员', 'coordinator', null);
    for (const d of DEMO_DEPARTMENTS) {
      const dept = await tx.departments.create({ name: d.name, code: d.code });
      await add(d.clerk, `${d.name} 填报员`, 'clerk', dept);
      await add(`${d.clerk}-lead`, `${d.name} 分管领导`, 'lead', dept);
    }
    await tx.audit.append({ userId: null, action: 'bureau.demo', entity: 'bureau', entityId: null, details: { departments: DEMO_DEPARTMENTS.length } });
  });
  return credentials;
}

const ROLE_LABELS: Record<Role, string> = { admin: '管理员', coordinator: '审核人员', clerk: '填报人员', lead: '部门领导' };

export function describeCredentials(list: Credential[]): string {
  return list.map((c) => `  ${ROLE_LABELS[c.role].padEnd(5, '　')} ${c.username.padEnd(16)} 密码 ${c.password}${c.department ? `   （${c.department}）` : ''}`).join('\n');
}
