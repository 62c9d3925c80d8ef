// Errors built only from the HTTP status and Notify's own message. The client's errors are axios
// errors that carry the request config and headers (the signed token), so they are never passed on,
// printed or attached as a cause.

/**
 * What a failed request means for the message it carried:
 * - `refused`: Notify answered 400 for this message (a bad address, a missing field): it was not
 *   sent; record it and go on with the others.
 * - `retry`: it certainly did not arrive (429, connection refused, name lookup failed): try again.
 * - `uncertain`: it may have arrived (no answer in time, connection cut, 5xx): ask Notify by
 *   reference before trying again.
 * - `fatal`: nothing else will work either (403 bad key, 404 wrong address, a TLS error): stop.
 */
export type FailureKind = 'refused' | 'retry' | 'uncertain' | 'fatal';

export class NotifyRequestError extends Error {
  override readonly name = 'NotifyRequestError';
  constructor(
    message: string,
    readonly status: number | null,
    readonly kind: FailureKind,
    /** How long Notify asked us to wait (its Retry-After header), in ms; null when it did not say. */
    readonly retryAfterMs: number | null = null,
    /** Notify's own words (`errors[0]`: "ValidationError: email_address Not a valid email address"). */
    readonly notifyMessage: string = '',
  ) {
    super(message);
  }

  get retryable(): boolean {
    return this.kind === 'retry' || this.kind === 'uncertain';
  }
}

export class NotifyConfigError extends Error {
  override readonly name = 'NotifyConfigError';
}

/** Thrown by the transport when Notify has not answered within the request timeout. */
export class NotifyTimeoutError extends Error {
  override readonly name = 'NotifyTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`GOV.UK Notify did not answer within ${seconds(timeoutMs)}`);
  }
}

// The request never reached Notify.
const notSentCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
// The request may have reached Notify before the connection failed.
const maybeSentCodes = new Set(['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'ERR_SOCKET_CONNECTION_TIMEOUT']);

/** Turns whatever the client threw into a NotifyRequestError with no secret in it. */
export function toNotifyRequestError(
  error: unknown,
  secrets: readonly string[],
  now: number = Date.now(),
): NotifyRequestError {
  if (error instanceof NotifyTimeoutError) return new NotifyRequestError(error.message, null, 'uncertain');
  const e = error as {
    response?: { status?: unknown; data?: unknown; headers?: Record<string, unknown> };
    code?: unknown;
  };
  const status = typeof e?.response?.status === 'number' ? e.response.status : null;
  if (status !== null) {
    const notifyMessage = redact(firstNotifyMessage(e.response?.data), secrets);
    const kind: FailureKind =
      status === 400 ? 'refused' : status === 429 ? 'retry' : status >= 500 ? 'uncertain' : 'fatal';
    return new NotifyRequestError(
      `GOV.UK Notify answered ${status}${notifyMessage ? `: ${notifyMessage}` : ''}`,
      status,
      kind,
      parseRetryAfter(e.response?.headers?.['retry-after'], now),
      notifyMessage,
    );
  }
  const code = typeof e?.code === 'string' && /^[A-Z_0-9]+$/.test(e.code) ? e.code : null;
  if (code) {
    const kind = notSentCodes.has(code) ? 'retry' : maybeSentCodes.has(code) ? 'uncertain' : 'fatal';
    return new NotifyRequestError(`could not reach GOV.UK Notify (${code})`, null, kind);
  }
  return new NotifyRequestError('could not reach GOV.UK Notify', null, 'fatal');
}

/**
 * A Retry-After header in ms from `now`: either whole seconds or an HTTP date (RFC 9110 §10.2.3).
 * A date in the past is 0; anything else unreadable is null (no advice).
 */
export function parseRetryAfter(value: unknown, now: number): number | null {
  const text = Array.isArray(value)
    ? String(value[0])
    : typeof value === 'string' || typeof value === 'number'
      ? String(value)
      : '';
  if (/^\s*\d+\s*$/.test(text)) return Number(text) * 1_000;
  const date = Date.parse(text);
  return Number.isFinite(date) && /[a-z]/i.test(text) ? Math.max(0, date - now) : null;
}

function firstNotifyMessage(data: unknown): string {
  const errors = (data as { errors?: unknown })?.errors;
  if (Array.isArray(errors) && errors.length > 0) {
    const first = errors[0] as { error?: unknown; message?: unknown };
    const message = typeof first?.message === 'string' ? first.message : '';
    const kind = typeof first?.error === 'string' ? first.error : '';
    return [kind, message].filter(Boolean).join(': ');
  }
  return '';
}

export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join('[redacted]');
  return out;
}

/** "30 s", "2 min", "34 days": for messages about waiting. */
export function seconds(ms: number): string {
  const s = ms / 1_000;
  if (s < 120) return `${Number(s.toFixed(s < 10 ? 1 : 0))} s`;
  if (s < 2 * 3_600) return `${Math.round(s / 60)} min`;
  if (s < 2 * 86_400) return `${Math.round(s / 3_600)} h`;
  return `${Math.round(s / 86_400)} days`;
}
