import { capabilitiesOf } from './capabilities';
import { browserSettings, ExcelHost } from './excel-host';

/** The ExcelHost wired to the running Office: the one place the pane's bootstrap reaches Excel. */
export function officeExcelHost(): ExcelHost {
  const settings = Office.context.document.settings;
  return new ExcelHost(
    (batch) => Excel.run(batch),
    // Everything above the manifest's ExcelApi 1.1 is asked for at run time (capabilities.ts).
    capabilitiesOf((name, version) => Office.context.requirements.isSetSupported(name, version)),
    {
      get: (name: string) => settings.get(name) as unknown,
      set: (name: string, value: unknown) => settings.set(name, value),
      saveAsync: (done?: (r: { status: string }) => void) => settings.saveAsync((r) => done?.({ status: String(r.status) })),
    },
    browserSettings(window.localStorage),
  );
}
