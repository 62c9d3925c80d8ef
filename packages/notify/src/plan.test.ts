import { describe, expect, it } from 'vitest';
import { result } from '../test/match-result-fixture.js';
import { buildMessages } from './messages.js';
import { planSends, type PriorSend } from './plan.js';

describe('planSends', () => {
  const messages = buildMessages(result);

  it('plans one email per recipient of each kind that has a template', () => {
    const plan = planSends(messages, { 'mentee-matched': 'T1', 'mentor-matched': 'T2' });
    expect(plan.sends.map((s) => [s.kind, s.template, s.recipient.email])).toEqual([
      ['mentor-matched', 'T2', 'ada@example.gov.uk'],
      ['mentee-matched', 'T1', 'cat@example.gov.uk'],
      ['mentee-matched', 'T1', 'DAN@example.gov.uk'],
    ]);
    expect(plan.counts.new).toBe(3);
  });

  it('counts the people of kinds without a template', () => {
    expect(planSends(messages, { 'mentee-matched': 'T1' }).withoutTemplate).toEqual({
      'mentor-matched': 1,
      'mentor-unmatched': 1,
      'mentee-unmatched': 1,
    });
  });

  it('leaves out and counts messages already sent, and sends new, changed and unconfirmed ones', () => {
    const priors: Record<string, PriorSend> = {
      'cat@example.gov.uk': { state: 'sent' },
      'DAN@example.gov.uk': { state: 'changed' },
      'eve@example.gov.uk': { state: 'unconfirmed', reference: 'r1' },
    };
    const plan = planSends(
      messages,
      { 'mentee-matched': 'T1', 'mentee-unmatched': 'T2' },
      (_k, _t, r) => priors[r.email] ?? { state: 'new' },
    );
    expect(plan.sends.map((s) => [s.recipient.email, s.prior.state])).toEqual([
      ['DAN@example.gov.uk', 'changed'],
      ['eve@example.gov.uk', 'unconfirmed'],
    ]);
    expect(plan.alreadySent['mentee-matched']).toBe(1);
    expect(plan.counts).toMatchObject({ new: 0, changed: 1, unconfirmed: 1, alreadySent: 1 });
  });

  it('holds back messages Notify refused before, unless asked to retry them', () => {
    const failed = () => ({ state: 'failed', reference: 'r', reason: 'no' }) as const;
    const held = planSends(messages, { 'mentor-matched': 'T' }, failed);
    expect(held.sends).toEqual([]);
    expect(held.failedEarlier.map((s) => s.recipient.email)).toEqual(['ada@example.gov.uk']);
    const retried = planSends(messages, { 'mentor-matched': 'T' }, failed, { retryFailed: true });
    expect(retried.sends.map((s) => s.recipient.email)).toEqual(['ada@example.gov.uk']);
    expect(retried.counts.retried).toBe(1);
  });

  it('never plans an address Notify would refuse, and says why', () => {
    const copy = structuredClone(messages);
    copy.lists['mentor-matched'].recipients[0].email = 'ada lovelace@example.gov.uk';
    const plan = planSends(copy, { 'mentor-matched': 'T' });
    expect(plan.sends).toEqual([]);
    expect(plan.invalid).toEqual([
      {
        kind: 'mentor-matched',
        recipient: copy.lists['mentor-matched'].recipients[0],
        reason: 'the email address has a space in it',
      },
    ]);
    expect(plan.invalid[0].recipient).toMatchObject({ source: 'mentors.csv', row: 2 });
  });
});
