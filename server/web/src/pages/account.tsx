import { Button, Field, Input, makeStyles, Title3, tokens } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ROLE_LABELS } from '../../../../shared/src';
import { call } from '../api';
import { CreateTokenForm, TokenTable } from '../admin/token-parts';
import { MIN_PASSWORD, Section, useAdminStyles, useTokens } from '../admin/ui';
import { useDepartments } from '../common/queries';
import { ErrorBar, Loading, Notice } from '../common/feedback';
import { useSession, useUser } from '../session';

const useStyles = makeStyles({
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: '16px', rowGap: '6px', margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  detail: { margin: 0 },
});

/** 我的账户: who I am, my password, and my access tokens for the Excel add-in. */
export function AccountPage() {
  return (
    <>
      <Title3 as="h2">我的账户</Title3>
      <WhoAmI />
      <ChangePassword />
      <MyTokens />
    </>
  );
}

function WhoAmI() {
  const styles = useStyles();
  const user = useUser();
  const departments = useDepartments();
  const department = user.departmentId === null ? '—（不属于部门）' : (departments.data?.find((d) => d.id === user.departmentId)?.name ?? (departments.isPending ? '…' : `#${user.departmentId}`));
  const facts: Array<[string, string]> = [
    ['姓名', user.displayName],
    ['用户名', user.username],
    ['角色', ROLE_LABELS[user.role]],
    ['部门', department],
  ];
  return (
    <Section title="个人信息">
      <dl className={styles.facts} data-testid="account-facts">
        {facts.map(([term, detail]) => (
          <div key={term} style={{ display: 'contents' }}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.detail}>{detail}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}

/**
 * After signing in with a one-time password (govcat reset-password): choosing a new one is all
 * the server allows until it is done, so it is all this page shows.
 */
export function MustChangePasswordPage() {
  const styles = useAdminStyles();
  const { refresh, signOut } = useSession();
  return (
    <main style={{ padding: '20px 24px', display: 'flex', flexDirection: 'column', gap: '16px' }}>
      <Title3 as="h2">请设置新密码</Title3>
      <Notice intent="warning">您使用的是管理员重设的一次性密码。请先设置自己的新密码，之后才能使用审核网页和 Excel 加载项。</Notice>
      <ChangePassword onChanged={refresh} />
      <div className={styles.actions}>
        <Button onClick={() => void signOut()}>退出</Button>
      </div>
    </main>
  );
}

function ChangePassword({ onChanged }: { onChanged?: () => Promise<void> }) {
  const styles = useAdminStyles();
  const user = useUser();
  const queries = useQueryClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [tried, setTried] = useState(false);
  const short = next.length < MIN_PASSWORD;
  const differ = next !== repeat;
  const change = useMutation({
    mutationFn: () => call('changePassword', { json: { currentPassword: current, newPassword: next } }),
    onSuccess: async () => {
      setCurrent('');
      setNext('');
      setRepeat('');
      setTried(false);
      // The change revoked my tokens: the list below shows them so.
      await queries.invalidateQueries({ queryKey: ['tokens'] });
      await onChanged?.();
    },
  });
  return (
    <Section title="修改密码">
      <form
        noValidate
        className={styles.column}
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (!short && !differ) change.mutate();
        }}
      >
        {/* Lets password managers tie the new password to this account. */}
        <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
        <Field label="当前密码" required>
          <Input name="current-password" type="password" autoComplete="current-password" value={current} onChange={(_, d) => setCurrent(d.value)} />
        </Field>
        <Field label="新密码" required hint={`至少 ${MIN_PASSWORD} 位`} validationMessage={tried && short ? `新密码至少 ${MIN_PASSWORD} 位` : undefined}>
          <Input name="new-password" type="password" autoComplete="new-password" value={next} onChange={(_, d) => setNext(d.value)} />
        </Field>
        <Field label="再次输入新密码" required validationMessage={tried && !short && differ ? '两次输入的新密码不一致' : undefined}>
          <Input name="repeat-password" type="password" autoComplete="new-password" value={repeat} onChange={(_, d) => setRepeat(d.value)} />
        </Field>
        <ErrorBar error={change.error} />
        {change.isSuccess && (
          <Notice intent="success">
            密码已修改。{change.data.sessionsEnded > 0 ? `其他 ${change.data.sessionsEnded} 处登录已退出。` : '没有其他需要退出的登录。'}
            {change.data.tokensRevoked > 0 ? `已同时吊销您的 ${change.data.tokensRevoked} 个访问令牌，Excel 加载项需重新登录或填写新令牌。` : '您没有需要吊销的访问令牌。'}
          </Notice>
        )}
        <div>
          <Button type="submit" appearance="primary" disabled={change.isPending || !current}>
            修改密码
          </Button>
        </div>
      </form>
    </Section>
  );
}

function MyTokens() {
  const styles = useAdminStyles();
  const tokens = useTokens(false);
  return (
    <Section title="我的访问令牌">
      <p className={styles.muted}>
        Excel 加载项用个人访问令牌连接本服务器：生成令牌后，在加载项的“设置”页填写服务器地址 <code data-testid="server-origin">{window.location.origin}</code> 和令牌。令牌相当于密码，请勿告诉他人；不再使用或可能泄露时请吊销。
      </p>
      <CreateTokenForm />
      <ErrorBar error={tokens.error} />
      {tokens.isPending ? <Loading /> : <TokenTable label="我的访问令牌" tokens={tokens.data ?? []} />}
    </Section>
  );
}
