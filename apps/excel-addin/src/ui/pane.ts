// What every step is given: the store (state and actions), the host, and the workflows. Steps
// import this and the store, never app.ts or each other.
import type { WorkbookHost } from '../host/workbook-host.js';
import type { Commands } from './commands.js';
import type { Store } from './store.js';

export interface Pane {
  readonly store: Store;
  readonly host: WorkbookHost;
  readonly commands: Commands;
}
