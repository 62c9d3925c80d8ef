import { describe, expect, it } from 'vitest';
import { csvDownloads } from './downloads.js';

const header = ['email address', 'first name'];
const rows = [['amy@example.org', '=HYPERLINK("x")']];
const text = (content: string | Uint8Array) =>
  typeof content === 'string' ? content : new TextDecoder().decode(content);

describe('csvDownloads', () => {
  it('escapes formula-like text in files meant for a spreadsheet', () => {
    const [pairs] = csvDownloads([{ name: 'Match Mail merge', header, rows }]);
    expect(text(pairs.content)).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('writes GOV.UK Notify upload lists as typed, with no added quote', () => {
    const [list] = csvDownloads([{ name: 'Match Notify mentee-matched', header, rows }]);
    expect(list.fileName).toBe('match-notify-mentee-matched.csv');
    expect(text(list.content)).toContain('"=HYPERLINK(""x"")"');
    expect(text(list.content)).not.toContain("'=");
  });
});
