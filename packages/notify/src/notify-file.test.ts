import { describe, expect, it } from 'vitest';
import { result } from '../test/match-result-fixture.js';
import { buildMessageFile, buildMessages } from './messages.js';
import { messagesFromNotifyFile, notifyFileSchema, notifyFileText } from './notify-file.js';

const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe('notify.json', () => {
  const file = buildMessageFile(result);
  const text = notifyFileText(file);

  it('is JSON that reads back as the same messages', () => {
    const parsed = notifyFileSchema.parse(JSON.parse(text));
    expect(parsed).toEqual(file);
    expect(messagesFromNotifyFile(parsed)).toEqual(buildMessages(result));
  });

  it('holds each person’s text once, however many partners they have', () => {
    // Ada is the partner of Cat and of Dan, and each message as sent carries her biography twice
    // (`match 1 biography` and `match details`).
    expect(occurrences(JSON.stringify(buildMessages(result)), 'I like engines.')).toBe(4);
    expect(occurrences(text, 'I like engines.')).toBe(1);
    expect(occurrences(text, 'Head of Analysis')).toBe(1);
  });

  it('refers to each recipient and partner by id', () => {
    expect(file.lists['mentee-matched'].recipients).toEqual([
      { id: 'cat@example.gov.uk', partners: ['ada@example.gov.uk'] },
      { id: 'DAN@example.gov.uk ', partners: ['ada@example.gov.uk'] },
    ]);
    expect(file.lists['mentor-unmatched'].recipients).toEqual([{ id: 'bob@example.gov.uk' }]);
  });

  it('still reads the first version, which stored every message in full', () => {
    const messages = buildMessages(result);
    expect(messagesFromNotifyFile(notifyFileSchema.parse(JSON.parse(JSON.stringify(messages))))).toEqual(messages);
  });

  it('names a reference to somebody who is not in people', () => {
    const broken = JSON.parse(text);
    broken.lists['mentee-matched'].recipients[1].partners[0] = 'zed@example.gov.uk';
    const parsed = notifyFileSchema.safeParse(broken);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['lists.mentee-matched.recipients.1.partners.0', 'no mentor zed@example.gov.uk in people'],
    ]);
  });

  it('names a person listed twice', () => {
    const doubled = JSON.parse(text);
    doubled.people.mentor.push(doubled.people.mentor[0]);
    const parsed = notifyFileSchema.safeParse(doubled);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['people.mentor.2.id']);
  });
});
