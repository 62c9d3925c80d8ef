/// <reference types="office-js" />
// The one place that looks at the Office and Excel globals: is the page running inside Excel, with a
// new enough API, and where are its settings?
import type { ExcelRun } from './excel-api.js';
import type { SettingsStore } from './workbook-host.js';

export const minimumExcelApi = '1.7';
export const settingsName = 'mentorMatcher';

export class UnsupportedExcelError extends Error {
  constructor() {
    super(
      `This version of Excel is too old for Mentor Matcher (it needs ExcelApi ${minimumExcelApi}: Excel 2019, Microsoft 365 or Excel on the web).`,
    );
    this.name = 'UnsupportedExcelError';
  }
}

export interface OfficeEnvironment {
  readonly run: ExcelRun;
  readonly settings: SettingsStore;
}

/** Settings saved inside the workbook, so the rule set travels with the file. */
function documentSettings(): SettingsStore {
  const settings = Office.context.document.settings;
  return {
    async load() {
      return settings.get(settingsName) ?? null;
    },
    async save(value: unknown) {
      settings.set(settingsName, value);
      await new Promise<void>((resolve, reject) =>
        settings.saveAsync((result) =>
          result.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(result.error),
        ),
      );
    },
  };
}

/** Resolves to the Excel environment, or null on a plain web page (no Office, or no host). */
export async function detectExcel(): Promise<OfficeEnvironment | null> {
  if (typeof Office === 'undefined') return null;
  const info = await Office.onReady();
  if (!info || info.host !== Office.HostType.Excel) return null;
  if (!Office.context.requirements.isSetSupported('ExcelApi', minimumExcelApi)) throw new UnsupportedExcelError();
  return {
    run: Excel.run,
    settings: documentSettings(),
  };
}
