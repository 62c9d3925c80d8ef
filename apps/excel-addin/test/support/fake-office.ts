// Installs a fake `Office` and `Excel` over the in-memory workbook, for the browser end-to-end
// tests (injected before the page loads, in place of office.js inside Excel).
import { FakeWorkbook, type FakeSheetInit } from './fake-workbook.js';

export interface FakeOfficeOptions {
  readonly sheets: readonly FakeSheetInit[];
  readonly payloadLimitBytes?: number;
  /** Settings already saved in the document (a workbook reopened). */
  readonly settings?: Readonly<Record<string, unknown>>;
}

export function installFakeOffice(target: Record<string, unknown>, options: FakeOfficeOptions): FakeWorkbook {
  const workbook = new FakeWorkbook(options.sheets, options.payloadLimitBytes);
  const settings = new Map<string, unknown>(Object.entries(options.settings ?? {}));
  const HostType = { Excel: 'Excel', Word: 'Word' };
  const AsyncResultStatus = { Succeeded: 'succeeded', Failed: 'failed' };
  target.Office = {
    HostType,
    AsyncResultStatus,
    onReady: async () => ({ host: HostType.Excel, platform: 'OfficeOnline' }),
    context: {
      requirements: {
        // Like Excel on the web today: ExcelApi up to 1.12 (versions compare part by part: 1.7 < 1.12).
        isSetSupported: (name: string, version: string) => {
          const [major, minor = 0] = version.split('.').map(Number);
          return name === 'ExcelApi' && (major < 1 || (major === 1 && minor <= 12));
        },
      },
      document: {
        settings: {
          get: (name: string) => (settings.has(name) ? structuredClone(settings.get(name)) : null),
          set: (name: string, value: unknown) => void settings.set(name, structuredClone(value)),
          saveAsync: (callback: (result: { status: string }) => void) =>
            callback({ status: AsyncResultStatus.Succeeded }),
        },
      },
    },
  };
  target.Excel = { run: workbook.run };
  target.__fakeWorkbook = workbook;
  target.__fakeSettings = settings;
  return workbook;
}
