// A stand-in for GOV.UK Notify on 127.0.0.1 that records every request and answers as told.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: { template_id: string; email_address: string; personalisation?: Record<string, string>; email_reply_to_id?: string };
}

export interface FakeAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
}

export type Responder = (request: RecordedRequest, index: number) => FakeAnswer;

export const accept: Responder = (_request, index) => ({ status: 201, body: { id: `notification-${index}` } });

export interface FakeNotifyServer {
  readonly url: string;
  readonly requests: RecordedRequest[];
  respondWith(responder: Responder): void;
  close(): Promise<void>;
}

export async function startFakeNotifyServer(responder: Responder = accept): Promise<FakeNotifyServer> {
  const requests: RecordedRequest[] = [];
  let respond = responder;
  const server: Server = createServer(async (req, res) => {
    const body = JSON.parse(await readBody(req)) as RecordedRequest['body'];
    const request = { method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization, body };
    requests.push(request);
    const answer = respond(request, requests.length - 1);
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    res.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respondWith: (next) => {
      respond = next;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export const testApiKey = 'mentor_matcher_test-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0';
export const testApiSecret = '3d844edf-8d35-48ac-975b-e847b4f122b0';
