import { describe, expect, it } from 'vitest';
import { browserSettings, settingsKey } from './browser-settings.js';

function storage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
}

describe('browserSettings', () => {
  it('restores what was saved', async () => {
    const store = browserSettings(storage());
    await store.save({ ruleSet: { name: 'Spring' } });
    expect(await store.load()).toEqual({ ruleSet: { name: 'Spring' } });
  });

  it('never stores people: locked and forbidden pairs are dropped', async () => {
    const s = storage();
    await browserSettings(s).save({
      ruleSet: { lockedPairs: [{ mentor: 'a@x', mentee: 'b@x' }], forbiddenPairs: [{ mentor: 'c@x', mentee: 'd@x' }] },
    });
    expect(s.items.get(settingsKey)).not.toMatch(/@x/);
  });

  it('treats unreadable stored text as no settings', async () => {
    const s = storage();
    s.items.set(settingsKey, '{not json');
    expect(await browserSettings(s).load()).toBeNull();
  });
});
