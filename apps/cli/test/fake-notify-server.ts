// A stand-in for GOV.UK Notify on 127.0.0.1 that records every request and answers as told.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: { template_id: string; email_address: string; personalisation?: Record<string, string> };
}

export type Responder = (request: RecordedRequest, index: number) => { status: number; body: unknown };

export async function startFakeNotifyServer(responder: Responder = (_r, i) => ({ status: 201, body: { id: `n-${i}` } })) {
  const requests: RecordedRequest[] = [];
  const server = createServer(async (req, res) => {
    const request = { path: req.url ?? '', authorization: req.headers.authorization, body: JSON.parse(await readBody(req)) };
    requests.push(request);
    const answer = responder(request, requests.length - 1);
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Shaped like a real key: name, service id, secret. */
export const testApiKey = 'cli_test-6f1c2a1e-5b7d-4c3a-9e2f-1a2b3c4d5e6f-0d9e8f7a-6b5c-4d3e-8f2a-9b8c7d6e5f4a';
export const testApiSecret = '0d9e8f7a-6b5c-4d3e-8f2a-9b8c7d6e5f4a';
