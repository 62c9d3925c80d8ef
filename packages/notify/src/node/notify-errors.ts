// Errors built only from the HTTP status and Notify's own message. The client's errors are axios
// errors that carry the request config and headers (the signed token), so they are never passed on,
// printed or attached as a cause.

export class NotifyRequestError extends Error {
  override readonly name = 'NotifyRequestError';
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryable: boolean,
    /** Seconds from a Retry-After header, when Notify sent one. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

export class NotifyConfigError extends Error {
  override readonly name = 'NotifyConfigError';
}

const networkCodesWorthRetrying = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'ECONNABORTED', 'EPIPE']);

/** Turns whatever the client threw into a NotifyRequestError with no secret in it. */
export function toNotifyRequestError(error: unknown, secrets: readonly string[]): NotifyRequestError {
  const e = error as { response?: { status?: unknown; data?: unknown; headers?: Record<string, unknown> }; code?: unknown };
  const status = typeof e?.response?.status === 'number' ? e.response.status : null;
  if (status !== null) {
    const notifyMessage = redact(firstNotifyMessage(e.response?.data), secrets);
    const retryable = status === 429 || status >= 500;
    const retryAfter = Number(e.response?.headers?.['retry-after']);
    return new NotifyRequestError(
      `GOV.UK Notify answered ${status}${notifyMessage ? `: ${notifyMessage}` : ''}`,
      status,
      retryable,
      Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : null,
    );
  }
  const code = typeof e?.code === 'string' && /^[A-Z_]+$/.test(e.code) ? e.code : null;
  if (code) return new NotifyRequestError(`could not reach GOV.UK Notify (${code})`, null, networkCodesWorthRetrying.has(code));
  return new NotifyRequestError('could not reach GOV.UK Notify', null, false);
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
