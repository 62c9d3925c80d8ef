import { describe, expect, it } from 'vitest';
import { NotifyTimeoutError, parseRetryAfter, toNotifyRequestError } from './notify-errors.js';

const now = Date.parse('2026-01-01T12:00:00Z');

describe('parseRetryAfter', () => {
  it('reads whole seconds', () => expect(parseRetryAfter('120', now)).toBe(120_000));
  it('reads an HTTP date as the time until then', () =>
    expect(parseRetryAfter('Thu, 01 Jan 2026 12:00:30 GMT', now)).toBe(30_000));
  it('reads a date already past as no wait', () =>
    expect(parseRetryAfter('Thu, 01 Jan 2026 11:00:00 GMT', now)).toBe(0));
  it('ignores anything else', () => {
    for (const value of ['soon', '-5', '1.5', '', undefined, null]) expect(parseRetryAfter(value, now)).toBeNull();
  });
});

describe('toNotifyRequestError', () => {
  const answered = (status: number) => toNotifyRequestError({ response: { status, data: {}, headers: {} } }, []);

  it('treats 400 as refused for that message, 429 as certainly not sent, 5xx as perhaps sent, others as fatal', () => {
    expect([400, 429, 500, 503, 403, 404].map((s) => answered(s).kind)).toEqual([
      'refused',
      'retry',
      'uncertain',
      'uncertain',
      'fatal',
      'fatal',
    ]);
  });

  it('treats a refused connection as not sent and a reset or a timeout as perhaps sent', () => {
    expect(toNotifyRequestError({ code: 'ECONNREFUSED' }, []).kind).toBe('retry');
    expect(toNotifyRequestError({ code: 'ECONNRESET' }, []).kind).toBe('uncertain');
    expect(toNotifyRequestError(new NotifyTimeoutError(30_000), [])).toMatchObject({
      kind: 'uncertain',
      message: 'GOV.UK Notify did not answer within 30 s',
    });
    expect(toNotifyRequestError({ code: 'CERT_HAS_EXPIRED' }, []).kind).toBe('fatal');
  });
});
