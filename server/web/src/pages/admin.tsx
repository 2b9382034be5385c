import { Tab, TabList, Title3 } from '@fluentui/react-components';
import { Navigate, Route, Routes, useNavigate, useParams } from 'react-router';
import { AuditTab } from '../admin/audit';
import { CalendarTab } from '../admin/calendar';
import { DepartmentsTab } from '../admin/departments';
import { SettingsTab } from '../admin/settings';
import { TokensTab } from '../admin/tokens';
import { UsersTab } from '../admin/users';

const TABS = [
  { path: 'departments', label: '部门', element: <DepartmentsTab /> },
  { path: 'users', label: '用户', element: <UsersTab /> },
  { path: 'tokens', label: '令牌', element: <TokensTab /> },
  { path: 'settings', label: '单位设置', element: <SettingsTab /> },
  { path: 'calendar', label: '节假日', element: <CalendarTab /> },
  { path: 'audit', label: '操作日志', element: <AuditTab /> },
];

/** 系统管理 (admins only): the tab lives in the URL, so a tab can be linked to and survives a reload. */
export function AdminPage() {
  const navigate = useNavigate();
  const tab = useParams()['*']?.split('/')[0] ?? '';
  return (
    <>
      <Title3 as="h2">系统管理</Title3>
      <TabList selectedValue={tab} onTabSelect={(_, d) => void navigate(`/admin/${String(d.value)}`)} aria-label="系统管理">
        {TABS.map((t) => (
          <Tab key={t.path} value={t.path}>
            {t.label}
          </Tab>
        ))}
      </TabList>
      <Routes>
        <Route index element={<Navigate to="/admin/departments" replace />} />
        {TABS.map((t) => (
          <Route key={t.path} path={t.path} element={t.element} />
        ))}
        <Route path="*" element={<h2 role="alert">页面不存在</h2>} />
      </Routes>
    </>
  );
}
