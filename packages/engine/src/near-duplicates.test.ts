import { describe, expect, it } from 'vitest';
import { findNearDuplicates, looseKey } from './near-duplicates.js';

describe('looseKey', () => {
  it('expands abbreviations, reads "&" as "and" and drops filler words', () => {
    expect(looseKey('Dept. for Education')).toBe(looseKey('Department for Education'));
    expect(looseKey('Ministry of Housing & Communities')).toBe(looseKey('Housing and Communities'));
    expect(looseKey('Govt Digital Service')).toBe('government digital service');
  });
});

describe('findNearDuplicates', () => {
  it('pairs an abbreviation with the full name', () => {
    expect(findNearDuplicates(['Dept for Education', 'Department for Education', 'Home Office'])).toEqual([
      { a: 'Dept for Education', b: 'Department for Education', sameForRules: false },
    ]);
  });

  it('pairs a one-letter typo in a long name', () => {
    expect(findNearDuplicates(['Department of Health', 'Department of Heath'])).toHaveLength(1);
  });

  it('marks case and spacing variants as already the same for the rules', () => {
    expect(findNearDuplicates(['Cabinet Office', 'cabinet  office'])).toEqual([
      { a: 'Cabinet Office', b: 'cabinet  office', sameForRules: true },
    ]);
  });

  it('leaves short codes that differ by a letter alone', () => {
    expect(findNearDuplicates(['HEO', 'SEO', 'EO', 'HR', 'IT'])).toEqual([]);
  });

  it('leaves genuinely different names alone', () => {
    expect(
      findNearDuplicates(['Department of Joy', 'Department of Love', 'Department of Fun', 'Department of Peace']),
    ).toEqual([]);
  });
});
