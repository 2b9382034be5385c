import { ErrorBar, Loading } from '../common/feedback';
import { CreateTokenForm, TokenTable } from './token-parts';
import { Section, useAdminStyles, useTokens, useUsers } from './ui';

/** 令牌: every user's personal access tokens (the Excel add-in's key to this server). */
export function TokensTab() {
  const styles = useAdminStyles();
  const tokens = useTokens(true);
  const users = useUsers();
  const byId = new Map(users.data?.map((u) => [u.id, u]));
  const ownerOf = (id: number) => {
    const u = byId.get(id);
    return u ? `${u.displayName}（${u.username}）` : `#${id}`;
  };
  return (
    <>
      <Section title="为用户生成令牌">
        <p className={styles.muted}>令牌相当于该用户的密码，用于 Excel 加载项连接本服务器。请通过可靠渠道交给本人；用户也可以在“我的账户”中自行生成。</p>
        <CreateTokenForm users={users.data ?? []} />
      </Section>
      <Section title="全部令牌">
        <ErrorBar error={tokens.error ?? users.error} />
        {tokens.isPending ? <Loading /> : <TokenTable label="全部令牌" tokens={tokens.data ?? []} ownerOf={ownerOf} />}
      </Section>
    </>
  );
}
