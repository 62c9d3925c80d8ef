import { describe, expect, it } from 'vitest';
import { result } from '../test/match-result-fixture.js';
import { buildMessages } from './messages.js';
import { planSends } from './plan.js';

describe('planSends', () => {
  const messages = buildMessages(result);

  it('plans one email per recipient of each kind that has a template', () => {
    const plan = planSends(messages, { 'mentee-matched': 'T1', 'mentor-matched': 'T2' });
    expect(plan.sends.map((s) => [s.kind, s.template, s.recipient.email])).toEqual([
      ['mentor-matched', 'T2', 'ada@example.gov.uk'],
      ['mentee-matched', 'T1', 'cat@example.gov.uk'],
      ['mentee-matched', 'T1', 'DAN@example.gov.uk'],
    ]);
  });

  it('counts the people of kinds without a template', () => {
    expect(planSends(messages, { 'mentee-matched': 'T1' }).withoutTemplate).toEqual({
      'mentor-matched': 1,
      'mentor-unmatched': 1,
      'mentee-unmatched': 1,
    });
  });

  it('leaves out and counts recipients already sent', () => {
    const plan = planSends(messages, { 'mentee-matched': 'T1' }, (kind, email) => email === 'cat@example.gov.uk');
    expect(plan.sends).toHaveLength(1);
    expect(plan.alreadySent['mentee-matched']).toBe(1);
  });
});
