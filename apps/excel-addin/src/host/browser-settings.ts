// Outside Excel the rule set is kept in localStorage, and only the rule set: locked and forbidden
// pairs name people (emails), so they are left out; participant data is never stored.
import type { SettingsStore } from './workbook-host.js';

export const settingsKey = 'mentor-matcher.settings.v1';

function withoutPeople(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const copy = structuredClone(value) as Record<string, unknown>;
  const ruleSet = copy.ruleSet;
  if (typeof ruleSet === 'object' && ruleSet !== null) {
    const rules = ruleSet as Record<string, unknown>;
    if (Array.isArray(rules.lockedPairs)) rules.lockedPairs = [];
    if (Array.isArray(rules.forbiddenPairs)) rules.forbiddenPairs = [];
  }
  return copy;
}

export function browserSettings(storage: Pick<Storage, 'getItem' | 'setItem'>): SettingsStore {
  return {
    async load() {
      const text = storage.getItem(settingsKey);
      if (!text) return null;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return null;
      }
    },
    async save(value: unknown) {
      storage.setItem(settingsKey, JSON.stringify(withoutPeople(value)));
    },
  };
}
