import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import type { WorkbookHost } from '../host/types';
import { browserSettings, capabilitiesOf, ExcelHost } from '../excel/excel-host';
import { App } from './App';
import { previewHost } from './preview';

function documentSettings(settings: Office.Settings) {
  return {
    get: (name: string) => settings.get(name) as unknown,
    set: (name: string, value: unknown) => settings.set(name, value),
    saveAsync: (done?: (r: { status: string }) => void) => settings.saveAsync((r) => done?.({ status: String(r.status) })),
  };
}

/** The task pane, rendered inside Office.onReady: Excel's host in Excel, the in-memory preview elsewhere. */
function hostFor(info: { host: Office.HostType | null }): WorkbookHost {
  if (info.host === Office.HostType.Excel) {
    return new ExcelHost(
      (batch) => Excel.run(batch),
      capabilitiesOf((name, version) => Office.context.requirements.isSetSupported(name, version)),
      documentSettings(Office.context.document.settings),
      browserSettings(window.localStorage),
    );
  }
  const preview = previewHost();
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
