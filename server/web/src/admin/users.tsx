import { Badge, Button, Field, Input, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ROLE_LABELS, ROLES, type Role } from '../../../../shared/src';
import { call } from '../api';
import { useUser } from '../session';
import type { Department, User, UserUpdateResult } from '../types';
import { ErrorBar, Loading, Notice } from '../common/feedback';
import { FormDialog, MIN_PASSWORD, needsDepartment, Section, useAdminStyles, useUsers } from './ui';
import { useDepartments } from '../common/queries';

type Dialogs = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'password'; user: User } | null;

/** 用户: everyone who signs in, their role and department; created, changed, disabled and given new passwords here. */
export function UsersTab() {
  const styles = useAdminStyles();
  const me = useUser();
  const users = useUsers();
  const departments = useDepartments();
  const queries = useQueryClient();
  const [dialog, setDialog] = useState<Dialogs>(null);
  const [done, setDone] = useState<string | null>(null);
  const names = new Map(departments.data?.map((d) => [d.id, d.name]));

  const setActive = useMutation({
    mutationFn: (u: { id: number; active: boolean }) => call('updateUser', { params: { id: u.id }, json: { active: u.active } }),
    onSuccess: async (u) => {
      setDone(u.active ? `已启用“${u.displayName}”；停用时吊销的访问令牌不会恢复，需要时请重新生成` : `已停用“${u.displayName}”：其登录会话已全部退出，${revokedTokens(u)}`);
      await queries.invalidateQueries({ queryKey: ['tokens'] });
      return queries.invalidateQueries({ queryKey: ['users'] });
    },
  });

  const finish = (message: string) => {
    setDialog(null);
    setDone(message);
  };

  return (
    <Section title="用户列表">
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => setDialog({ kind: 'create' })}>
          新建用户
        </Button>
      </div>
      {done && <Notice intent="success">{done}</Notice>}
      <ErrorBar error={users.error ?? departments.error ?? setActive.error} />
      {users.isPending ? (
        <Loading />
      ) : (
        <Table aria-label="用户列表" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>用户名</TableHeaderCell>
              <TableHeaderCell>姓名</TableHeaderCell>
              <TableHeaderCell>角色</TableHeaderCell>
              <TableHeaderCell>部门</TableHeaderCell>
              <TableHeaderCell>状态</TableHeaderCell>
              <TableHeaderCell style={{ width: 250 }}>操作</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {users.data?.map((u) => {
              // An admin who disables themselves is signed out and cannot sign back in.
              const self = u.id === me.id;
              return (
                <TableRow key={u.id} data-testid={`user-row-${u.username}`}>
                  <TableCell>{u.username}</TableCell>
                  <TableCell>{u.displayName}</TableCell>
                  <TableCell>{ROLE_LABELS[u.role]}</TableCell>
                  <TableCell>{u.departmentId === null ? '—' : (names.get(u.departmentId) ?? `#${u.departmentId}`)}</TableCell>
                  <TableCell>
                    <Badge appearance="tint" color={u.active ? 'success' : 'subtle'}>
                      {u.active ? '启用' : '停用'}
                    </Badge>
                  </TableCell>
                  <TableCell>
                    <div className={styles.actions}>
                      <Button size="small" aria-label={`编辑 ${u.username}`} onClick={() => setDialog({ kind: 'edit', user: u })}>
                        编辑
                      </Button>
                      <Button size="small" aria-label={`重设密码 ${u.username}`} onClick={() => setDialog({ kind: 'password', user: u })}>
                        重设密码
                      </Button>
                      <Button
                        size="small"
                        aria-label={`${u.active ? '停用' : '启用'} ${u.username}`}
                        disabled={self || setActive.isPending}
                        title={self ? '不能停用自己的账户' : undefined}
                        onClick={() => setActive.mutate({ id: u.id, active: !u.active })}
                      >
                        {u.active ? '停用' : '启用'}
                      </Button>
                    </div>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {dialog?.kind === 'create' && <UserDialog departments={departments.data ?? []} onClose={() => setDialog(null)} onDone={(u) => finish(`已创建用户“${u.displayName}”（${u.username}）`)} />}
      {dialog?.kind === 'edit' && (
        <UserDialog user={dialog.user} self={dialog.user.id === me.id} departments={departments.data ?? []} onClose={() => setDialog(null)} onDone={(u) => finish(`已保存“${u.displayName}”`)} />
      )}
      {dialog?.kind === 'password' && <PasswordDialog user={dialog.user} onClose={() => setDialog(null)} onDone={(u) => finish(`已重设“${u.displayName}”的密码，其登录会话已全部退出，${revokedTokens(u)}`)} />}
    </Section>
  );
}

/** What the page says about the tokens a reset or a disabling revoked: the add-in then has to sign in again. */
function revokedTokens(u: UserUpdateResult): string {
  const n = u.tokensRevoked ?? 0;
  return n > 0 ? `已同时吊销该用户的 ${n} 个访问令牌（其 Excel 加载项需重新登录）` : '该用户没有需要吊销的访问令牌';
}

interface UserDialogProps {
  /** Absent when creating a user. */
  user?: User;
  self?: boolean;
  departments: Department[];
  onClose(): void;
  onDone(user: User): void;
}

function UserDialog({ user, self = false, departments, onClose, onDone }: UserDialogProps) {
  const queries = useQueryClient();
  const [username, setUsername] = useState(user?.username ?? '');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [role, setRole] = useState<Role>(user?.role ?? 'clerk');
  const [departmentId, setDepartmentId] = useState(user?.departmentId ? String(user.departmentId) : '');
  const [password, setPassword] = useState('');
  const [tried, setTried] = useState(false);

  const withDepartment = needsDepartment(role);
  const departmentMissing = withDepartment && !departmentId;
  const passwordShort = !user && password.length < MIN_PASSWORD;

  const save = useMutation({
    mutationFn: () => {
      const fields = { displayName: displayName.trim(), role, departmentId: withDepartment ? Number(departmentId) : null };
      return user
        ? call('updateUser', { params: { id: user.id }, json: fields })
        : call('createUser', { json: { ...fields, username: username.trim(), password } });
    },
    onSuccess: async (saved) => {
      await queries.invalidateQueries({ queryKey: ['users'] });
      onDone(saved);
    },
  });

  return (
    <FormDialog
      title={user ? `编辑用户 ${user.username}` : '新建用户'}
      submitLabel={user ? '保存' : '创建'}
      submitDisabled={save.isPending || !displayName.trim() || (!user && !username.trim())}
      onClose={onClose}
      onSubmit={() => {
        setTried(true);
        if (!departmentMissing && !passwordShort) save.mutate();
      }}
    >
      <Field label="用户名" required={!user} hint={user ? '用户名创建后不能修改' : '字母、数字、下划线、点或连字符'}>
        <Input name="username" autoComplete="off" value={username} disabled={!!user} onChange={(_, d) => setUsername(d.value)} />
      </Field>
      <Field label="姓名" required>
        <Input name="displayName" autoComplete="off" value={displayName} onChange={(_, d) => setDisplayName(d.value)} />
      </Field>
      <Field label="角色" required hint={self ? '不能修改自己的角色' : undefined}>
        <Select name="role" value={role} disabled={self} onChange={(_, d) => setRole(d.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </Select>
      </Field>
      {withDepartment && (
        <Field label="部门" required validationMessage={tried && departmentMissing ? '填报人员和部门领导必须属于一个部门' : undefined}>
          <Select name="departmentId" value={departmentId} onChange={(_, d) => setDepartmentId(d.value)}>
            <option value="">请选择部门</option>
            {departments.map((d) => (
              <option key={d.id} value={String(d.id)}>
                {d.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {!user && (
        <Field label="初始密码" required hint={`至少 ${MIN_PASSWORD} 位；请当面或通过可靠渠道告知本人`} validationMessage={tried && passwordShort ? `密码至少 ${MIN_PASSWORD} 位` : undefined}>
          <Input name="password" type="password" autoComplete="new-password" value={password} onChange={(_, d) => setPassword(d.value)} />
        </Field>
      )}
      <ErrorBar error={save.error} />
    </FormDialog>
  );
}

function PasswordDialog({ user, onClose, onDone }: { user: User; onClose(): void; onDone(user: UserUpdateResult): void }) {
  const queries = useQueryClient();
  const styles = useAdminStyles();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [tried, setTried] = useState(false);
  const short = password.length < MIN_PASSWORD;
  const differ = password !== repeat;
  const reset = useMutation({
    mutationFn: () => call('updateUser', { params: { id: user.id }, json: { password } }),
    onSuccess: async (u) => {
      await queries.invalidateQueries({ queryKey: ['tokens'] });
      onDone(u);
    },
  });
  return (
    <FormDialog
      title={<>重设密码：{user.displayName}（{user.username}）</>}
      submitLabel="重设密码"
      submitDisabled={reset.isPending}
      onClose={onClose}
      onSubmit={() => {
        setTried(true);
        if (!short && !differ) reset.mutate();
      }}
    >
      <p className={styles.muted}>重设后该用户的登录会话全部退出，访问令牌全部吊销：其 Excel 加载项须用新密码重新登录。</p>
      <Field label="新密码" required hint={`至少 ${MIN_PASSWORD} 位`} validationMessage={tried && short ? `密码至少 ${MIN_PASSWORD} 位` : undefined}>
        <Input name="new-password" type="password" autoComplete="new-password" value={password} onChange={(_, d) => setPassword(d.value)} />
      </Field>
      <Field label="再次输入新密码" required validationMessage={tried && !short && differ ? '两次输入的密码不一致' : undefined}>
        <Input name="repeat-password" type="password" autoComplete="new-password" value={repeat} onChange={(_, d) => setRepeat(d.value)} />
      </Field>
      <ErrorBar error={reset.error} />
    </FormDialog>
  );
}
