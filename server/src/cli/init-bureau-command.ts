import { createAdmin, isEmpty } from '../bureau';
import { withoutCredentials } from '../db/database-url';
import { cliConfig, withBureauStore } from './bureau-store';
import type { CliIo } from './io';

/**
 * `govcat init-bureau`: a real deployment's first step. Creates the database (per DATABASE_URL /
 * DATA_DIR), runs migrations and adds the first administrator, whose password is shown once.
 * No demo data; refuses a database that already has users.
 */
export async function initBureauCommand(options: { admin: string; name: string }, io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const config = cliConfig(io, env);
  if (!config) return 2;
  if (!/^[A-Za-z0-9_.-]{2,50}$/.test(options.admin)) {
    io.stderr('管理员用户名只能包含字母、数字、下划线、点和连字符（2–50 个字符）。\n');
    return 2;
  }
  return withBureauStore(io, config, async (store) => {
    if (!(await isEmpty(store))) {
      io.stderr('数据库中已有用户，不能重复初始化。如需新增管理员，请用现有管理员账号在管理页面中添加。\n');
      return 2;
    }
    const admin = await createAdmin(store, options.admin, options.name);
    io.stdout(`已初始化单位数据库（${withoutCredentials(config.databaseUrl)}）。\n管理员账号：${admin.username}\n初始密码：${admin.password}\n请立即登录并修改密码；此密码不会再次显示。\n`);
    return 0;
  });
}
