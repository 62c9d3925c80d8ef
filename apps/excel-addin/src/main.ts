// Starts the app: inside Excel with the Excel host, anywhere else as the standalone page.
import './zod-without-eval.js';
import { getPreset, parseRuleSet, type RuleSet } from '@mentor-matcher/engine';
import { browserSettings } from './host/browser-settings.js';
import { createExcelHost } from './host/excel-host.js';
import { memorySettings } from './host/memory-settings.js';
import { detectExcel } from './host/office.js';
import { createStandaloneHost } from './host/standalone-host.js';
import type { WorkbookHost } from './host/workbook-host.js';
import { startPane } from './ui/app.js';
import { h, replaceChildren } from './ui/h.js';
import { parseDataSettings, type DataSettings } from './ui/data-settings.js';
import { applyTheme } from './ui/fluent.js';
import './ui/styles.css';
import { FileClient, workerPort } from './worker/file-client.js';
import { MatchClient } from './worker/match-client.js';
import { resultTableNames, type ResultTableName } from './worker/protocol.js';
import { defaultPreset } from './default-preset.js';

function localSettings() {
  try {
    return browserSettings(window.localStorage);
  } catch {
    return memorySettings();
  }
}

/**
 * The saved rule set, choice of result sheets and Data step choices; what is missing or not
 * understood starts as new.
 */
async function savedSettings(
  host: WorkbookHost,
): Promise<{ ruleSet: RuleSet; resultTables?: ResultTableName[]; data: DataSettings }> {
  const saved = (await host.settings.load().catch(() => null)) as {
    ruleSet?: unknown;
    resultTables?: unknown;
    data?: unknown;
  } | null;
  const parsed = saved?.ruleSet === undefined ? null : parseRuleSet(saved.ruleSet);
  const tables = Array.isArray(saved?.resultTables)
    ? resultTableNames.filter((name) => (saved.resultTables as unknown[]).includes(name))
    : [];
  return {
    ruleSet: parsed?.ok ? parsed.ruleSet : getPreset(defaultPreset),
    resultTables: tables.length ? tables : undefined,
    data: parseDataSettings(saved?.data),
  };
}

async function start(root: HTMLElement): Promise<void> {
  // public/check-support.js has already told a browser too old for the app so.
  if (document.documentElement.dataset.ready === 'unsupported') return;
  applyTheme();
  const excel = await detectExcel();
  const host: WorkbookHost = excel
    ? createExcelHost({ run: excel.run, settings: excel.settings })
    : createStandaloneHost(
        localSettings(),
        // Vite bundles a worker only when written as new Worker(new URL(…, import.meta.url)).
        new FileClient(() =>
          workerPort(new Worker(new URL('./worker/file-worker.ts', import.meta.url), { type: 'module' })),
        ),
      );
  const client = new MatchClient(
    () => new Worker(new URL('./worker/match-worker.ts', import.meta.url), { type: 'module', name: 'mentor-matcher' }),
  );
  client.warm();
  const { ruleSet, resultTables, data } = await savedSettings(host);
  const pane = startPane(root, host, client, ruleSet, resultTables, data);
  if (host.kind === 'excel') await pane.commands.refreshSources();
  document.documentElement.dataset.ready = host.kind;
}

const root = document.getElementById('app');
if (root) {
  start(root).catch((error: unknown) => {
    replaceChildren(
      root,
      h('p', { role: 'alert', class: 'status error' }, error instanceof Error ? error.message : String(error)),
    );
    document.documentElement.dataset.ready = 'error';
  });
}
