import { Button, Card, Field, Input, makeStyles, Text, Title3, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ErrorBar } from '../common/feedback';
import { useSession } from '../session';

const useStyles = makeStyles({
  page: { minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', backgroundColor: tokens.colorNeutralBackground3 },
  card: { width: '380px', padding: '28px', display: 'flex', flexDirection: 'column', gap: '16px' },
  // The product's name on one line; what the page is for below it.
  title: { whiteSpace: 'nowrap', margin: 0 },
});

/** Shown for any page while nobody is signed in; after signing in, the page asked for appears. */
export function SignInPage() {
  const styles = useStyles();
  const { signIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username.trim(), password);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <div className={styles.page}>
      <Card className={styles.card}>
        <form noValidate onSubmit={(e) => void submit(e)} style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
          <div>
            <Title3 as="h1" block className={styles.title}>
              政务数据资源目录
            </Title3>
            <Text block>填报与审核 · 登录</Text>
          </div>
          <Field label="用户名" required>
            <Input name="username" autoComplete="username" value={username} onChange={(_, d) => setUsername(d.value)} />
          </Field>
          <Field label="密码" required>
            <Input name="password" type="password" autoComplete="current-password" value={password} onChange={(_, d) => setPassword(d.value)} />
          </Field>
          <ErrorBar error={error} />
          <Button appearance="primary" type="submit" disabled={busy || !username || !password}>
            {busy ? '正在登录…' : '登录'}
          </Button>
        </form>
      </Card>
    </div>
  );
}
