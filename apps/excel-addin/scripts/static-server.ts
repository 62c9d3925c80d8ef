// A small static server for the built app: the add-in's own origin, with the same
// Content-Security-Policy as the page (so the worker, which the meta tag does not cover, gets it too).
import { readFile, stat } from 'node:fs/promises';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type ServerOptions } from 'node:https';
import { extname, join, normalize, resolve, sep } from 'node:path';

export const contentSecurityPolicy =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' https://appsforoffice.microsoft.com; worker-src 'self'; connect-src 'self'; img-src 'self' data: blob:; style-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'";

/**
 * Who may show the app in a frame: the app itself and the Office hosts that embed task panes, so
 * that no other site can frame it to trick a click (clickjacking). The Microsoft 365 hosts are
 * Microsoft's documented frame-ancestors list for apps that run in Teams, Outlook and the Microsoft
 * 365 app ("Microsoft 365 app host / frame-ancestor permission", learn.microsoft.com/microsoftteams/
 * platform/tabs/how-to/tab-requirements): *.cloud.microsoft, teams.microsoft.com and its subdomains,
 * *.microsoft365.com, *.office.com, outlook.office.com, outlook.office365.com, outlook.live.com. Excel
 * on the web adds the origins it serves workbooks from: *.officeapps.live.com (Office for the web)
 * and *.sharepoint.com (workbooks in OneDrive for work and SharePoint). A meta tag cannot carry
 * frame-ancestors (browsers ignore it there), so only the server's header has it.
 */
export const frameAncestors = [
  "'self'",
  'https://*.cloud.microsoft',
  'https://*.officeapps.live.com',
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.microsoft365.com',
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://outlook.live.com',
  'https://*.sharepoint.com',
].join(' ');

/** The page's policy plus frame-ancestors: what the server sends with every file. */
export const serverSecurityPolicy = `${contentSecurityPolicy}; frame-ancestors ${frameAncestors}`;

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

const plain = { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' };

/** The request's path, decoded; null when it is not a valid URL or percent-encoding (`/%E0%A4%A`). */
function requestPath(request: IncomingMessage): string | null {
  try {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    return path.includes('\0') ? null : path;
  } catch {
    return null;
  }
}

async function handle(root: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  let path = requestPath(request);
  if (path === null) {
    response.writeHead(400, plain).end('Bad request');
    return;
  }
  if (path.endsWith('/')) path += 'index.html';
  const file = resolve(root, normalize(`.${path}`));
  if (file !== root && !file.startsWith(root + sep)) {
    response.writeHead(403, plain).end('Forbidden');
    return;
  }
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    const body = await readFile(file);
    response.writeHead(200, {
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': serverSecurityPolicy,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  } catch {
    response.writeHead(404, plain).end('Not found');
  }
}

/** Serves `root` over http, or https when certificate options are given. */
export function createStaticServer(root: string, https?: ServerOptions): Server {
  const absolute = resolve(root);
  // A request that fails in an unexpected way gets a 500; the server itself keeps serving.
  const listener = (request: IncomingMessage, response: ServerResponse) =>
    void handle(absolute, request, response).catch(() => {
      if (response.headersSent) response.destroy();
      else response.writeHead(500, plain).end('Server error');
    });
  return https ? createHttpsServer(https, listener) : createHttpServer(listener);
}

export function listen(server: Server, port: number, host = 'localhost'): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolvePort(typeof address === 'object' && address ? address.port : port);
    });
  });
}

export const appRoot = join(import.meta.dirname, '..');
