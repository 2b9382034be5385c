import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { Loading } from './common/feedback';
import { Layout, RequireRole } from './common/layout';
import { AccountPage, MustChangePasswordPage } from './pages/account';
import { AdminPage } from './pages/admin';
import { QueuePage } from './pages/queue';
import { SignInPage } from './pages/sign-in';
import { SubmissionPage } from './pages/submission';
import { TaskBoardPage } from './pages/task-board';
import { TasksPage } from './pages/tasks';
import { UploadPage } from './pages/upload';
import { SessionProvider, useSession } from './session';

/** The review pages: one React app served by the server at every page path; the API does the deciding. */
const queries = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 } } });

function Pages() {
  const { user, loading } = useSession();
  if (loading) return <Loading />;
  if (!user) return <SignInPage />;
  if (user.mustChangePassword) return <MustChangePasswordPage />;
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<Navigate to={user.role === 'coordinator' || user.role === 'admin' ? '/queue' : '/tasks'} replace />} />
        <Route path="tasks" element={<TasksPage />} />
        <Route path="tasks/:id" element={<TaskBoardPage />} />
        <Route path="queue" element={<QueuePage />} />
        <Route path="submissions/:id" element={<SubmissionPage />} />
        <Route path="upload" element={<RequireRole roles={['clerk', 'lead']}><UploadPage /></RequireRole>} />
        <Route path="account" element={<AccountPage />} />
        <Route path="admin/*" element={<RequireRole roles={['admin']}><AdminPage /></RequireRole>} />
        <Route path="*" element={<h2 role="alert">页面不存在</h2>} />
      </Route>
    </Routes>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <QueryClientProvider client={queries}>
        <BrowserRouter>
          <SessionProvider>
            <Pages />
          </SessionProvider>
        </BrowserRouter>
      </QueryClientProvider>
    </FluentProvider>,
  );
}
