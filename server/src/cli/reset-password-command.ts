import { resetPassword } from '../modules/identity/accounts';
import { cliConfig, withBureauStore } from './bureau-store';
import type { CliIo } from './io';

/**
 * `govcat reset-password <user>`: for a locked-out user, or the only admin who forgot their
 * password, from the server's own command line. Prints a one-time password; the user must choose
 * a new one at the next sign-in on the review pages. Ends the user's sessions and tokens and
 * lifts the account lock, all in one audited transaction.
 */
export async function resetPasswordCommand(username: string, io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const config = cliConfig(io, env);
  if (!config) return 2;
  return withBureauStore(io, config, async (store) => {
    const done = await resetPassword(store, username);
    if (!done) {
      io.stderr(`没有用户名为“${username}”的用户，请检查拼写（用户名区分大小写）。\n`);
      return 2;
    }
    const { user, password, sessionsEnded, tokensRevoked } = done;
    io.stdout(
      [
        `已重设用户 ${user.username}（${user.displayName}）的密码。`,
        `一次性密码：${password}`,
        '请通过可靠渠道告知本人：用它登录审核网页后须立即设置新密码；此密码不会再次显示。',
        `已解除账号锁定，退出 ${sessionsEnded} 处登录，吊销 ${tokensRevoked} 个访问令牌${tokensRevoked > 0 ? '（Excel 加载项需在设置新密码后重新登录）' : ''}。`,
        ...(user.active ? [] : ['注意：该账户目前已停用，须由管理员启用后才能登录。']),
        '',
      ].join('\n'),
    );
    return 0;
  });
}
