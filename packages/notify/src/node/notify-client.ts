// The two Notify API calls the sender makes, through GOV.UK Notify's official client, with a
// deadline on every request. The client has no timeout of its own: a server that accepts the
// connection and never answers would hang the run for ever. Its transport (axios, which also honours
// the usual proxy settings) is kept and wrapped, so each request gets an AbortSignal that fires after
// `timeoutMs` and the run sees a NotifyTimeoutError instead of waiting.
import { NotifyClient } from 'notifications-node-client';
import { NotifyConfigError, NotifyTimeoutError } from './notify-errors.js';

/** The part of NotifyClient the sender uses (same names and arguments); tests may pass their own. */
export interface NotifyApi {
  sendEmail(
    templateId: string,
    emailAddress: string,
    options: { personalisation: Record<string, string>; reference: string; emailReplyToId?: string },
  ): Promise<{ data: { id: string } }>;
  /** GET /v2/notifications, filtered; the sender asks by `reference` only. */
  getNotifications(
    templateType?: string,
    status?: string,
    reference?: string,
    olderThanId?: string,
  ): Promise<{ data: { notifications: readonly { id: string; reference?: string | null }[] } }>;
}

export interface NotifyClientOptions {
  /** Another Notify API address; https only, except on this machine (notifyBaseUrlProblem). */
  readonly baseUrl?: string;
  /** How long one request may take, answer included (ms). */
  readonly timeoutMs: number;
}

type Transport = (config: Record<string, unknown>) => Promise<unknown>;

export function createNotifyClient(apiKey: string, options: NotifyClientOptions): NotifyApi {
  if (options.baseUrl !== undefined) {
    const problem = notifyBaseUrlProblem(options.baseUrl);
    if (problem) throw new NotifyConfigError(`the Notify address ${problem}`);
  }
  const client = options.baseUrl
    ? new NotifyClient(options.baseUrl.replace(/\/+$/, ''), apiKey)
    : new NotifyClient(apiKey);
  const transport = (client as unknown as { apiClient: { restClient: Transport } }).apiClient.restClient;
  const withDeadline: Transport = (config) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    // No redirects: a redirect could carry the signed token to another address.
    return transport({ ...config, signal: controller.signal, maxRedirects: 0 })
      .catch((error: unknown) => {
        throw controller.signal.aborted ? new NotifyTimeoutError(options.timeoutMs) : error;
      })
      .finally(() => clearTimeout(timer));
  };
  client.setClient(withDeadline as never);
  return client as unknown as NotifyApi;
}

const thisMachine = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Why `url` is not an acceptable Notify API address, or null. The key signs every request and the
 * messages hold people's names and emails, so plain http is allowed only to this machine (a local
 * fake server in tests).
 */
export function notifyBaseUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url}" is not a URL`;
  }
  if (parsed.username || parsed.password) return 'must not contain a user name or password';
  if (parsed.protocol === 'https:') return null;
  if (parsed.protocol === 'http:' && thisMachine.has(parsed.hostname)) return null;
  if (parsed.protocol === 'http:')
    return `must use https (plain http is allowed only to localhost, 127.0.0.1 or [::1]), got ${parsed.origin}`;
  return `must be an https URL, got ${parsed.protocol.replace(/:$/, '')}`;
}
