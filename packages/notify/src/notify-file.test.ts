import { describe, expect, it } from 'vitest';
import type { MatchResult, Participant } from '@mentor-matcher/engine';
import { ada, bob, cat, nobody, result } from '../test/match-result-fixture.js';
import { buildMessageFile, buildMessages } from './messages.js';
import {
  buildCompactMessageFile,
  compactMessageFile,
  messagesFromNotifyFile,
  notifyFileSchema,
  notifyFileText,
  resolveMessageFile,
} from './notify-file.js';

const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe('notify.json', () => {
  const file = buildMessageFile(result);
  const text = notifyFileText(file);

  it('is JSON that reads back as the same messages', () => {
    const parsed = notifyFileSchema.parse(JSON.parse(text));
    expect(parsed.version).toBe(3);
    expect(parsed.version === 3 && resolveMessageFile(parsed)).toEqual(file);
    expect(messagesFromNotifyFile(parsed)).toEqual(buildMessages(result));
  });

  it('holds each person’s text once, however many partners they have', () => {
    // Ada is the partner of Cat and of Dan, and each message as sent carries her biography twice
    // (`match 1 biography` and `match details`).
    expect(occurrences(JSON.stringify(buildMessages(result)), 'I like engines.')).toBe(4);
    expect(occurrences(text, 'I like engines.')).toBe(1);
    expect(occurrences(text, 'Head of Analysis')).toBe(1);
    expect(occurrences(text, 'ada@example.gov.uk')).toBe(1);
  });

  it('refers to each partner by their position in the other side’s list, and leaves out what follows', () => {
    const lines = text.split('\n').map((line) => line.trim().replace(/,$/, ''));
    expect(lines).toContain(
      '{"id":"ada@example.gov.uk","firstName":"Ada","lastName":"Lovelace","jobTitle":"Head of Analysis",' +
        '"biography":"I like engines.","row":2,"partners":[0,1]}',
    );
    // Dan's email is the address as typed, which is not his id; the person with no email is skipped.
    expect(lines).toContain(
      '{"id":"DAN@example.gov.uk ","firstName":"Dan","lastName":"O\'Neil","jobTitle":"Caseworker",' +
        '"biography":"=1+2","row":5,"partners":[0]}',
    );
    expect(JSON.parse(text).sources).toEqual({ mentor: 'mentors.csv', mentee: 'mentees.csv' });
  });

  it('keeps a name, an email and a source that do not follow from the rest', () => {
    const odd: Participant = { ...ada, id: 'ada@example.gov.uk', email: 'Ada@Example.gov.uk', name: 'Ada King' };
    const other = { ...ada, id: 'ada2@example.gov.uk', email: 'ada2@example.gov.uk', source: 'late.csv' };
    const changed: MatchResult = {
      ...result,
      mentors: [
        { ...result.mentors[0], participant: odd },
        { ...result.mentors[1], participant: other },
      ],
    };
    const stored = compactMessageFile(buildMessageFile(changed));
    expect(stored.people.mentor[0]).toMatchObject({
      email: 'Ada@Example.gov.uk',
      name: 'Ada King',
      source: 'mentors.csv',
    });
    expect(stored.sources.mentor).toBeUndefined();
    const parsed = notifyFileSchema.parse(JSON.parse(notifyFileText(buildMessageFile(changed))));
    expect(messagesFromNotifyFile(parsed)).toEqual(buildMessages(changed));
  });

  it('lists a partner missing from the result without a message of their own', () => {
    const stranger: Participant = { ...ada, id: 'zoe@example.gov.uk', email: 'zoe@example.gov.uk', name: 'Zoe Lee' };
    const byHand: MatchResult = {
      ...result,
      mentees: [{ ...result.mentees[0], partners: [stranger] }, ...result.mentees.slice(1)],
    };
    const file = buildMessageFile(byHand);
    const stored = compactMessageFile(file);
    expect(stored.people.mentor.at(-1)).toMatchObject({ id: 'zoe@example.gov.uk', recipient: false });
    expect(resolveMessageFile(stored)).toEqual(file);
  });

  describe('made from the result directly', () => {
    // The oracle: the long form, built by id, then shortened and checked by compactMessageFile.
    const viaLongForm = (r: MatchResult, options = {}) => compactMessageFile(buildMessageFile(r, options));
    const stranger: Participant = { ...ada, id: 'zoe@example.gov.uk', email: 'zoe@example.gov.uk', name: 'Zoe Lee' };
    const variants: [string, MatchResult][] = [
      ['the fixture', result],
      [
        'a partner the result does not list',
        {
          ...result,
          mentees: [{ ...result.mentees[0], partners: [stranger, ada] }, ...result.mentees.slice(1)],
        },
      ],
      [
        'names, emails and sources that do not follow from the rest',
        {
          ...result,
          mentors: [
            { ...result.mentors[0], participant: { ...ada, email: 'Ada@Example.gov.uk', name: 'Ada King' } },
            { ...result.mentors[1], participant: { ...bob, source: 'late.csv' } },
          ],
        },
      ],
      [
        'somebody without an email address who has partners',
        {
          ...result,
          mentors: [{ ...result.mentors[0], partners: [cat, nobody] }, result.mentors[1]],
          mentees: [...result.mentees.slice(0, 3), { ...result.mentees[3], partners: [bob] }],
        },
      ],
      ['nobody at all', { ...result, mentors: [], mentees: [] }],
    ];
    it.each(variants)('is the long form shortened, for %s', (_, r) => {
      expect(buildCompactMessageFile(r)).toStrictEqual(viaLongForm(r));
      expect(notifyFileText(buildCompactMessageFile(r))).toBe(notifyFileText(buildMessageFile(r)));
    });

    it('takes the same options', () => {
      const options = { maxMatches: 1, fieldNames: { firstName: 'given name' }, columns: { jobTitle: 'biography' } };
      expect(buildCompactMessageFile(result, options)).toStrictEqual(viaLongForm(result, options));
    });

    it('refuses a partner from the wrong side, as the long form does', () => {
      const wrong = { ...result, mentors: [{ ...result.mentors[0], partners: [bob] }, result.mentors[1]] };
      expect(() => buildCompactMessageFile(wrong)).toThrow('notify.json: no mentee bob@example.gov.uk in people');
      expect(() => viaLongForm(wrong)).toThrow('notify.json: no mentee bob@example.gov.uk in people');
    });

    it('refuses a result that lists somebody twice, naming them', () => {
      const twice = { ...result, mentees: [...result.mentees, result.mentees[1]] };
      expect(() => buildCompactMessageFile(twice)).toThrow(
        'notify.json: the mentee DAN@example.gov.uk  is in the result twice',
      );
    });
  });

  it('still reads the first version, which stored every message in full', () => {
    const messages = buildMessages(result);
    expect(messagesFromNotifyFile(notifyFileSchema.parse(JSON.parse(JSON.stringify(messages))))).toEqual(messages);
  });

  it('still reads the second version, which named every recipient and partner by id', () => {
    const parsed = notifyFileSchema.parse(JSON.parse(JSON.stringify(file)));
    expect(parsed.version).toBe(2);
    expect(messagesFromNotifyFile(parsed)).toEqual(buildMessages(result));
  });

  it('names a reference to somebody who is not in people', () => {
    const broken = JSON.parse(text);
    broken.people.mentee[1].partners[0] = 2;
    const parsed = notifyFileSchema.safeParse(broken);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['people.mentee.1.partners.0', 'no mentor at 2 in people (it lists 2, from 0)'],
    ]);
  });

  it('names a person listed twice', () => {
    const doubled = JSON.parse(text);
    doubled.people.mentor.push(doubled.people.mentor[0]);
    const parsed = notifyFileSchema.safeParse(doubled);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['people.mentor.2.id']);
  });

  it('refuses to store messages that are not in the order of people', () => {
    const shuffled = buildMessageFile(result);
    shuffled.lists['mentee-matched'].recipients.reverse();
    expect(() => compactMessageFile(shuffled)).toThrow(/not in the order of people/);
  });
});
