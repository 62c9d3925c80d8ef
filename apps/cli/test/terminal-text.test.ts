import { describe, expect, it } from 'vitest';
import { printable } from '../src/terminal-text.js';

describe('printable', () => {
  it('leaves ordinary text, tabs, line feeds and non-Latin scripts alone', () => {
    const text = 'Ada Lovelace\tGrade 7\nمیرود 日本語 Zoë';
    expect(printable(text)).toBe(text);
  });

  it('shows ESC sequences, carriage returns and other C0 controls as escapes', () => {
    expect(printable('\u001b[2J\u001b]0;pwned\u0007name\r')).toBe('\\x1B[2J\\x1B]0;pwned\\x07name\\x0D');
    expect(printable('a\u0000b\u007f')).toBe('a\\x00b\\x7F');
  });

  it('shows C1 controls (the 8-bit CSI) as escapes', () => {
    expect(printable('\u009b31m')).toBe('\\x9B31m');
  });

  it('shows bidirectional overrides and isolates as escapes', () => {
    expect(printable('invoice\u202Efdp.exe')).toBe('invoice\\u202Efdp.exe');
    for (const char of [
      '\u202A',
      '\u202B',
      '\u202C',
      '\u202D',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u200E',
      '\u200F',
    ]) {
      expect(printable(char)).toMatch(/^\\u[0-9A-F]{4}$/);
    }
  });
});
