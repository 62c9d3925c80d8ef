import { describe, expect, it } from 'vitest';
import { result } from '../test/match-result-fixture.js';
import { buildMessages, messagesSchema } from './messages.js';

describe('buildMessages', () => {
  const messages = buildMessages(result);

  it('puts each person with an email in the list for their role and outcome', () => {
    const emails = (kind: keyof typeof messages.lists) => messages.lists[kind].recipients.map((r) => r.email);
    expect(emails('mentor-matched')).toEqual(['ada@example.gov.uk']);
    expect(emails('mentor-unmatched')).toEqual(['bob@example.gov.uk']);
    expect(emails('mentee-matched')).toEqual(['cat@example.gov.uk', 'DAN@example.gov.uk']);
    expect(emails('mentee-unmatched')).toEqual(['eve@example.gov.uk']);
  });

  it('lists people without an email address as skipped, with the reason', () => {
    expect(messages.skipped).toEqual([
      { id: 'mentees.csv#7', name: 'No Email', role: 'mentee', reason: 'no email address' },
    ]);
  });

  it('personalises a matched email with first name, count and each match’s details', () => {
    const [ada] = messages.lists['mentor-matched'].recipients;
    expect(ada.personalisation).toMatchObject({
      'first name': 'Ada',
      'last name': 'Lovelace',
      'number of matches': '2',
      'match 1 name': 'Cat Ng',
      'match 1 email': 'cat@example.gov.uk',
      'match 1 job title': 'Analyst',
      'match 1 biography': 'New to analysis.',
      'match 2 name': "Dan O'Neil",
      'match 2 job title': 'Caseworker',
    });
    expect(ada.personalisation['match details']).toContain('Match 1: Cat Ng\nJob title: Analyst');
    expect(ada.personalisation['match details']).toContain("Match 2: Dan O'Neil");
  });

  it('gives every recipient of a kind every field, empty where they have fewer matches', () => {
    const { fields, recipients } = buildMessages(result, { maxMatches: 3 }).lists['mentee-matched'];
    expect(fields).toContain('match 3 biography');
    for (const r of recipients) expect(Object.keys(r.personalisation).sort()).toEqual([...fields].sort());
    expect(recipients[0].personalisation['match 2 name']).toBe('');
  });

  it('sizes the numbered fields to the most partners on that side by default', () => {
    expect(messages.lists['mentor-matched'].fields).toContain('match 2 name');
    expect(messages.lists['mentor-matched'].fields).not.toContain('match 3 name');
    expect(messages.lists['mentee-matched'].fields).not.toContain('match 2 name');
  });

  it('keeps every match in the details field when the numbered fields are capped', () => {
    const [ada] = buildMessages(result, { maxMatches: 1 }).lists['mentor-matched'].recipients;
    expect(ada.personalisation['match 2 name']).toBeUndefined();
    expect(ada.personalisation['match details']).toContain("Dan O'Neil");
  });

  it('uses the field names it is given', () => {
    const [ada] = buildMessages(result, { fieldNames: { firstName: 'FirstName', matchName: 'Match{n}Name' } }).lists[
      'mentor-matched'
    ].recipients;
    expect(ada.personalisation.FirstName).toBe('Ada');
    expect(ada.personalisation.Match2Name).toBe("Dan O'Neil");
  });

  it('reads job title and biography from named columns when told', () => {
    const [ada] = buildMessages(result, { columns: { jobTitle: 'biography' } }).lists['mentor-matched'].recipients;
    expect(ada.personalisation['match 1 job title']).toBe('New to analysis.');
  });

  it('personalises an unmatched email with names and a zero count', () => {
    expect(messages.lists['mentor-unmatched'].recipients[0].personalisation).toEqual({
      'first name': 'Bob',
      'last name': 'Stone',
      'number of matches': '0',
    });
  });

  it('produces data that its own schema accepts (it is saved as notify.json)', () => {
    expect(messagesSchema.parse(JSON.parse(JSON.stringify(messages)))).toEqual(messages);
  });
});

describe('buildMessages with the engine’s profile columns', () => {
  it('reads job title and biography from the columns the engine mapped', () => {
    const withProfile = {
      ...result,
      profileColumns: { mentor: { jobTitle: 'biography' }, mentee: { jobTitle: 'biography', bio: 'Job Title' } },
    };
    const [cat] = buildMessages(withProfile).lists['mentee-matched'].recipients;
    expect(cat.personalisation['match 1 job title']).toBe('I like engines.');
    const [ada] = buildMessages(withProfile).lists['mentor-matched'].recipients;
    expect(ada.personalisation['match 1 biography']).toBe('Analyst');
  });
});
