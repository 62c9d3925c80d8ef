// A stand-in for GOV.UK Notify on 127.0.0.1, for this package's tests and the CLI's (exported as
// `@mentor-matcher/notify/testing`, under the `source` condition only; tsconfig.build.json leaves it
// out, so it is never built or shipped). It lives under src/node/ rather than test/ so that it is
// one of this package's production inputs in Nx: a change to it re-runs the CLI's tests too.
// It keeps the notifications it accepted, answers lookups by reference from them as Notify does
// (GET /v2/notifications?reference=…), and can be told, per request, to accept, refuse, or accept
// and never answer: the last is a request that arrived just before a crash or a timeout, the case
// that could send someone the same message twice.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SendBody {
  template_id: string;
  email_address: string;
  personalisation?: Record<string, string>;
  reference?: string;
  email_reply_to_id?: string;
}

/** A POST to /v2/notifications/email. */
export interface SendRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: SendBody;
}

/** A GET of /v2/notifications (a lookup). */
export interface LookupRequest {
  readonly path: string;
  readonly authorization: string | undefined;
  readonly reference: string | null;
}

export interface FakeNotification {
  readonly id: string;
  readonly reference: string | null;
  readonly email_address: string;
  readonly template_id: string;
  readonly personalisation: Record<string, string>;
}

export type FakeAnswer =
  /** Keep the notification and answer 201, as Notify does. */
  | { readonly kind: 'accept' }
  /** Keep the notification and never answer: it arrived, but the sender cannot know. */
  | { readonly kind: 'accept-silently' }
  /** Never answer, keep nothing. */
  | { readonly kind: 'ignore' }
  /** Answer with this status and body, keep nothing (an error). */
  | {
      readonly kind: 'answer';
      readonly status: number;
      readonly body: unknown;
      readonly headers?: Record<string, string>;
    };

export const accept: FakeAnswer = { kind: 'accept' };
export const acceptSilently: FakeAnswer = { kind: 'accept-silently' };
export const ignore: FakeAnswer = { kind: 'ignore' };

/** An error in Notify's format: `{ errors: [{ error, message }], status_code }`. */
export function refuse(status: number, error: string, message: string, headers?: Record<string, string>): FakeAnswer {
  return { kind: 'answer', status, body: { errors: [{ error, message }], status_code: status }, headers };
}

/** `index` counts sends (POSTs) from 0. */
export type Responder = (request: SendRequest, index: number) => FakeAnswer;
/** `index` counts lookups (GETs) from 0; `accept` answers from the notifications kept. */
export type LookupResponder = (request: LookupRequest, index: number) => FakeAnswer;

export interface FakeNotifyServer {
  readonly url: string;
  /** Every send request, answered or not, in arrival order. */
  readonly sends: SendRequest[];
  readonly lookups: LookupRequest[];
  /** The notifications Notify would deliver. */
  readonly notifications: FakeNotification[];
  /** How many notifications were kept for each `template_id address` pair. */
  acceptedCounts(): Map<string, number>;
  respondWith(responder: Responder): void;
  respondToLookupsWith(responder: LookupResponder): void;
  /** Resolves once `condition` holds (checked now and after every request). */
  until(condition: () => boolean): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeNotifyServer(responder: Responder = () => accept): Promise<FakeNotifyServer> {
  const sends: SendRequest[] = [];
  const lookups: LookupRequest[] = [];
  const notifications: FakeNotification[] = [];
  const waiting: { condition: () => boolean; resolve: () => void }[] = [];
  let respond = responder;
  let respondToLookup: LookupResponder = () => accept;
  const changed = () => {
    for (const w of [...waiting]) {
      if (w.condition()) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve();
      }
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const authorization = req.headers.authorization;
    const text = await readBody(req);
    if (req.method === 'GET' && url.pathname === '/v2/notifications') {
      const lookup = { path: req.url ?? '', authorization, reference: url.searchParams.get('reference') };
      lookups.push(lookup);
      const answer = respondToLookup(lookup, lookups.length - 1);
      if (answer.kind === 'answer') reply(res, answer.status, answer.body, answer.headers);
      else if (answer.kind !== 'ignore' && answer.kind !== 'accept-silently') {
        const found = notifications
          .filter((n) => lookup.reference === null || n.reference === lookup.reference)
          .reverse();
        reply(res, 200, { notifications: found.map(notificationJson), links: { current: url.href } });
      }
      changed();
      return;
    }
    if (req.method === 'POST' && url.pathname === '/v2/notifications/email') {
      const request = { method: 'POST', path: req.url ?? '', authorization, body: JSON.parse(text) as SendBody };
      sends.push(request);
      const answer = respond(request, sends.length - 1);
      if (answer.kind === 'accept' || answer.kind === 'accept-silently') {
        const n: FakeNotification = {
          id: `notification-${notifications.length}`,
          reference: request.body.reference ?? null,
          email_address: request.body.email_address,
          template_id: request.body.template_id,
          personalisation: request.body.personalisation ?? {},
        };
        notifications.push(n);
        if (answer.kind === 'accept')
          reply(res, 201, { ...notificationJson(n), content: { subject: 's', body: 'b', from_email: 'f' } });
      } else if (answer.kind === 'answer') {
        reply(res, answer.status, answer.body, answer.headers);
      }
      changed();
      return;
    }
    reply(res, 404, {
      errors: [{ error: 'NotFound', message: `no route ${req.method} ${url.pathname}` }],
      status_code: 404,
    });
  };
  const server: Server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sends,
    lookups,
    notifications,
    acceptedCounts: () => {
      const counts = new Map<string, number>();
      for (const n of notifications) {
        const key = `${n.template_id} ${n.email_address}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      return counts;
    },
    respondWith: (next) => {
      respond = next;
    },
    respondToLookupsWith: (next) => {
      respondToLookup = next;
    },
    until: (condition) =>
      new Promise((resolve) => {
        if (condition()) resolve();
        else waiting.push({ condition, resolve });
      }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Requests told never to answer would keep close() waiting for ever.
        server.closeAllConnections();
      }),
  };
}

function notificationJson(n: FakeNotification) {
  return {
    id: n.id,
    reference: n.reference,
    email_address: n.email_address,
    type: 'email',
    status: 'created',
    template: { id: n.template_id, version: 1, uri: `https://fake/v2/template/${n.template_id}` },
    uri: `https://fake/v2/notifications/${n.id}`,
  };
}

function reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Shaped like a real key: name, service id, secret. */
export const testApiKey =
  'mentor_matcher_test-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0';
export const testApiSecret = '3d844edf-8d35-48ac-975b-e847b4f122b0';
export const testServiceId = '26785a09-ab16-4eb0-8407-a37497a57506';
