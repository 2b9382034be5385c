import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { officeExcelHost } from '../excel/office';
import type { WorkbookHost } from '../host/types';
import { App } from './App';
import { previewHost } from './preview';

/** The task pane, rendered inside Office.onReady: Excel's host in Excel, the in-memory preview elsewhere. */
function hostFor(info: { host: Office.HostType | null }): WorkbookHost {
  if (info.host === Office.HostType.Excel) return officeExcelHost();
  const preview = previewHost(window.location.search);
  // The end-to-end tests look at the preview workbook's cells through this.
  (window as unknown as { govcatPreview: unknown }).govcatPreview = preview;
  return preview;
}

void Office.onReady((info) => {
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <App host={hostFor(info)} />
    </FluentProvider>,
  );
});
