// Settings kept in memory: for tests, and the fallback when neither the workbook nor the browser
// can store them.
import type { SettingsStore } from './workbook-host.js';

export function memorySettings(initial: unknown = null): SettingsStore & { readonly value: unknown } {
  let value = initial;
  return {
    get value() {
      return value;
    },
    async load() {
      return value;
    },
    async save(next: unknown) {
      value = structuredClone(next);
    },
  };
}
