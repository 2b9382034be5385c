import { Badge, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Select, tokens as theme } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { DEFAULT_TOKEN_LIFETIME_DAYS, TOKEN_LIFETIME_DAYS } from '../../../../shared/src/token-lifetimes';
import { call } from '../api';
import { formatTime } from '../format';
import type { ApiToken, User } from '../types';
import { ErrorBar } from '../common/feedback';
import { useAdminStyles } from './ui';

/** Token pieces the admin's 令牌 tab and everyone's account page share. */
export type NewToken = ApiToken & { token: string };

const useStyles = makeStyles({
  secret: {
    display: 'block',
    margin: '6px 0',
    padding: '6px 8px',
    fontFamily: theme.fontFamilyMonospace,
    backgroundColor: theme.colorNeutralBackground1,
    border: `1px solid ${theme.colorNeutralStroke1}`,
    wordBreak: 'break-all',
    // One click selects the whole token, for copying by hand where the clipboard is not allowed.
    userSelect: 'all',
  },
});

/**
 * Making a token: for oneself, or (admin, when `users` is given) for a chosen user. The token is
 * shown once below the form, until dismissed or the page is left.
 */
export function CreateTokenForm({ users }: { users?: User[] }) {
  const styles = useAdminStyles();
  const queries = useQueryClient();
  const [name, setName] = useState('Excel 加载项');
  const [userId, setUserId] = useState('');
  const [days, setDays] = useState(String(DEFAULT_TOKEN_LIFETIME_DAYS));
  const [created, setCreated] = useState<NewToken | null>(null);
  const create = useMutation({
    mutationFn: () => call('createToken', { json: { name: name.trim(), expiresInDays: Number(days), ...(users ? { userId: Number(userId) } : {}) } }),
    onSuccess: (t) => {
      setCreated(t);
      // The next token needs a name of its own: the field starts empty again.
      setName('');
      return queries.invalidateQueries({ queryKey: ['tokens'] });
    },
  });
  const owner = users?.find((u) => u.id === created?.userId);
  return (
    <>
      <form
        noValidate
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          setCreated(null);
          create.mutate();
        }}
      >
        {users && (
          <Field label="用户" required>
            <Select name="userId" value={userId} onChange={(_, d) => setUserId(d.value)}>
              <option value="">请选择用户</option>
              {users
                .filter((u) => u.active)
                .map((u) => (
                  <option key={u.id} value={String(u.id)}>
                    {u.displayName}（{u.username}）
                  </option>
                ))}
            </Select>
          </Field>
        )}
        <Field label="令牌名称" required>
          <Input name="token-name" value={name} onChange={(_, d) => setName(d.value)} />
        </Field>
        <Field label="有效期">
          <Select name="expires-in-days" value={days} onChange={(_, d) => setDays(d.value)}>
            {TOKEN_LIFETIME_DAYS.map((n) => (
              <option key={n} value={String(n)}>
                {n} 天
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" appearance="primary" disabled={create.isPending || !name.trim() || (!!users && !userId)}>
          生成令牌
        </Button>
      </form>
      <ErrorBar error={create.error} />
      {created && <NewTokenNotice created={created} owner={owner && `${owner.displayName}（${owner.username}）`} onDismiss={() => setCreated(null)} />}
    </>
  );
}

/** The new token, the only time it is shown: the server keeps only its hash. */
export function NewTokenNotice({ created, owner, onDismiss }: { created: NewToken; owner?: string; onDismiss(): void }) {
  const styles = useStyles();
  const code = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState<'yes' | 'by-hand' | null>(null);

  async function copy() {
    try {
      // navigator.clipboard exists only on HTTPS or localhost; an intranet server on plain HTTP has none.
      await navigator.clipboard.writeText(created.token);
      setCopied('yes');
    } catch {
      const range = document.createRange();
      if (code.current) range.selectNodeContents(code.current);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      setCopied(document.execCommand('copy') ? 'yes' : 'by-hand');
    }
  }

  return (
    <MessageBar intent="warning" layout="multiline" role="status" data-testid="new-token-notice">
      <MessageBarBody>
        <MessageBarTitle>已生成令牌“{created.name}”{owner ? `（${owner}）` : ''}</MessageBarTitle>
        <code ref={code} className={styles.secret} data-testid="new-token">
          {created.token}
        </code>
        有效期至 {formatTime(created.expiresAt)}，到期后须重新登录或另建令牌。请立即复制并妥善保存：令牌只显示这一次，关闭后无法再次查看。
        {copied === 'yes' && ' 已复制到剪贴板。'}
        {copied === 'by-hand' && ' 浏览器不允许自动复制，已选中令牌，请按 Ctrl+C 复制。'}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={() => void copy()}>
          复制令牌
        </Button>
        <Button onClick={onDismiss}>我已保存，关闭</Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/** A token list with revoking; `ownerOf` adds the 用户 column (the admin's view of everyone's tokens). */
export function TokenTable({ tokens, ownerOf, label }: { tokens: ApiToken[]; ownerOf?: (userId: number) => string; label: string }) {
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const columns = ownerOf ? 8 : 7;
  const nowIso = new Date().toISOString();
  return (
    <>
      <Table aria-label={label} size="small">
        <TableHeader>
          <TableRow>
            {ownerOf && <TableHeaderCell>用户</TableHeaderCell>}
            <TableHeaderCell>名称</TableHeaderCell>
            <TableHeaderCell>前缀</TableHeaderCell>
            <TableHeaderCell>创建时间</TableHeaderCell>
            <TableHeaderCell>最近使用</TableHeaderCell>
            <TableHeaderCell>到期时间</TableHeaderCell>
            <TableHeaderCell>状态</TableHeaderCell>
            <TableHeaderCell>操作</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {tokens.map((t) => (
            <TableRow key={t.id} data-testid={`token-row-${t.prefix}`}>
              {ownerOf && <TableCell>{ownerOf(t.userId)}</TableCell>}
              <TableCell>{t.name}</TableCell>
              <TableCell>
                <code>{t.prefix}…</code>
              </TableCell>
              <TableCell>{formatTime(t.createdAt)}</TableCell>
              <TableCell>{t.lastUsedAt ? formatTime(t.lastUsedAt) : '从未使用'}</TableCell>
              <TableCell>{formatTime(t.expiresAt)}</TableCell>
              <TableCell>
                {t.revokedAt ? (
                  <Badge appearance="tint" color="subtle" title={`吊销于 ${formatTime(t.revokedAt)}`}>
                    已吊销 {formatTime(t.revokedAt)}
                  </Badge>
                ) : t.expiresAt <= nowIso ? (
                  <Badge appearance="tint" color="warning" title={`到期于 ${formatTime(t.expiresAt)}`}>
                    已过期
                  </Badge>
                ) : (
                  <Badge appearance="tint" color="success">
                    有效
                  </Badge>
                )}
              </TableCell>
              <TableCell>
                {!t.revokedAt && t.expiresAt > nowIso && (
                  <Button size="small" aria-label={`吊销 ${t.name}（${t.prefix}）`} onClick={() => setRevoking(t)}>
                    吊销
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
          {tokens.length === 0 && (
            <TableRow>
              <TableCell colSpan={columns}>还没有令牌。</TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
      {revoking && <RevokeDialog token={revoking} owner={ownerOf?.(revoking.userId)} onClose={() => setRevoking(null)} />}
    </>
  );
}

function RevokeDialog({ token, owner, onClose }: { token: ApiToken; owner?: string; onClose(): void }) {
  const styles = useAdminStyles();
  const queries = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => call('revokeToken', { params: { id: token.id } }),
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: ['tokens'] });
      onClose();
    },
  });
  return (
    <Dialog open modalType="alert" onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>吊销令牌？</DialogTitle>
          <DialogContent className={styles.dialogForm}>
            <p>
              吊销“{token.name}”（{token.prefix}…{owner ? `，${owner}` : ''}）后，使用它的 Excel 加载项或脚本将立即无法连接服务器，且不能恢复；需要时可另建新令牌。
            </p>
            <ErrorBar error={revoke.error} />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={revoke.isPending} onClick={() => revoke.mutate()}>
              确认吊销
            </Button>
            <Button onClick={onClose}>取消</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
