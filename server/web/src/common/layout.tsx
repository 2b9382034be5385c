import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { NavLink, Outlet } from 'react-router';
import { ROLE_LABELS, type Role } from '../../../../shared/src';
import { useSession, useUser } from '../session';

/** The frame around every signed-in page: what this role may open, who is signed in, sign-out. */
const NAV: Array<{ to: string; label: string; roles: Role[] }> = [
  { to: '/tasks', label: '填报任务', roles: ['clerk', 'lead', 'coordinator', 'admin'] },
  { to: '/queue', label: '审核队列', roles: ['coordinator', 'admin'] },
  { to: '/queue', label: '待确认', roles: ['lead'] },
  { to: '/queue', label: '本部门提交', roles: ['clerk'] },
  { to: '/upload', label: '上传表格', roles: ['clerk', 'lead'] },
  { to: '/admin', label: '系统管理', roles: ['admin'] },
  { to: '/account', label: '我的账户', roles: ['clerk', 'lead', 'coordinator', 'admin'] },
];

const useStyles = makeStyles({
  bar: { display: 'flex', alignItems: 'center', gap: '20px', padding: '0 24px', height: '44px', backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand },
  brand: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400, marginRight: '12px' },
  link: { color: tokens.colorNeutralForegroundOnBrand, textDecorationLine: 'none', padding: '10px 4px', borderBottom: '3px solid transparent' },
  active: { borderBottom: `3px solid ${tokens.colorNeutralForegroundOnBrand}`, fontWeight: tokens.fontWeightSemibold },
  spacer: { flexGrow: 1 },
  // Tight margins: at 1366×768 every pixel above the review grid is a row fewer in it.
  main: { padding: '10px 20px', display: 'flex', flexDirection: 'column', gap: '12px', fontFamily: tokens.fontFamilyBase },
});

export function Layout() {
  const styles = useStyles();
  const user = useUser();
  const { signOut } = useSession();
  return (
    <>
      <nav className={styles.bar} aria-label="主导航">
        <span className={styles.brand}>政务数据资源目录</span>
        {NAV.filter((n) => n.roles.includes(user.role)).map((n) => (
          <NavLink key={n.label} to={n.to} className={({ isActive }) => (isActive ? `${styles.link} ${styles.active}` : styles.link)}>
            {n.label}
          </NavLink>
        ))}
        <span className={styles.spacer} />
        {/* Server-rendered, outside the app's routes: a full page load. */}
        <a href="/help/rules" target="_blank" rel="noreferrer" className={styles.link}>
          填报说明
        </a>
        <Text>
          {user.displayName}（{ROLE_LABELS[user.role]}）
        </Text>
        <Button appearance="primary" onClick={() => void signOut()}>
          退出
        </Button>
      </nav>
      <main className={styles.main}>
        <Outlet />
      </main>
    </>
  );
}

/** What a page shows to a role that may not use it (the server refuses the data too). */
export function RequireRole({ roles, children }: { roles: Role[]; children: React.ReactNode }) {
  const user = useUser();
  if (!roles.includes(user.role)) {
    return (
      <div role="alert" data-testid="forbidden">
        <h2>无权访问</h2>
        <p>此页面仅供{roles.map((r) => ROLE_LABELS[r]).join('、')}使用。</p>
      </div>
    );
  }
  return <>{children}</>;
}
