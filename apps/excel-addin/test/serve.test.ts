import { request } from 'node:http';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CertificateUnavailableError, certificatesWithin } from '../scripts/certificates.js';
import { contentSecurityPolicy, createStaticServer, listen, serverSecurityPolicy } from '../scripts/static-server.js';

function get(port: number, path: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('certificatesWithin', () => {
  it('gives up after the timeout instead of waiting forever for a certificate install', async () => {
    await expect(certificatesWithin(() => new Promise(() => {}), 50)).rejects.toBeInstanceOf(
      CertificateUnavailableError,
    );
  });

  it('reports why a certificate could not be made', async () => {
    await expect(
      certificatesWithin(() => Promise.reject(new Error('sudo: a password is required')), 1000),
    ).rejects.toThrow(/password is required/);
  });
});

describe('the static server', () => {
  it('serves the app with the Content-Security-Policy and the right types, and nothing outside its folder', async () => {
    const root = await mkdtemp(join(tmpdir(), 'mm-static-'));
    await writeFile(join(root, 'index.html'), '<p>hi</p>');
    await writeFile(join(root, 'a.wasm'), new Uint8Array([0, 97, 115, 109]));
    const server = createStaticServer(root);
    const port = await listen(server, 0, '127.0.0.1');
    try {
      const page = await get(port, '/');
      expect(page.status).toBe(200);
      expect(page.headers['content-security-policy']).toBe(serverSecurityPolicy);
      expect(contentSecurityPolicy).toContain("'wasm-unsafe-eval'");
      expect((await get(port, '/a.wasm')).headers['content-type']).toBe('application/wasm');
      expect((await get(port, '/../../etc/passwd')).status).not.toBe(200);
      expect((await get(port, '/missing.js')).status).toBe(404);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('the static server on bad requests (issue 15)', () => {
  it('answers a malformed percent-encoding with 400 and keeps serving', async () => {
    const root = await mkdtemp(join(tmpdir(), 'mm-static-'));
    await writeFile(join(root, 'index.html'), '<p>hi</p>');
    const server = createStaticServer(root);
    const port = await listen(server, 0, '127.0.0.1');
    try {
      for (const path of ['/%E0%A4%A', '/%', '/a%00b.html', '/%ZZ'])
        expect((await get(port, path)).status, path).toBe(400);
      expect((await get(port, '/')).status).toBe(200);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await rm(root, { recursive: true, force: true });
    }
  });

  it('lets only the app itself and the Office hosts frame it', async () => {
    const policy = serverSecurityPolicy
      .split('; ')
      .find((d) => d.startsWith('frame-ancestors '))
      ?.split(' ')
      .slice(1);
    expect(policy?.[0]).toBe("'self'");
    expect(policy).toEqual(
      expect.arrayContaining(['https://*.officeapps.live.com', 'https://*.office.com', 'https://*.cloud.microsoft']),
    );
    for (const source of policy ?? [])
      expect(source === "'self'" || /^https:\/\/(\*\.)?[a-z0-9.-]+$/.test(source), source).toBe(true);
    expect(policy).not.toContain('*');
    expect(serverSecurityPolicy.startsWith(contentSecurityPolicy)).toBe(true);
  });
});

describe('the pages', () => {
  const page = (name: string) => readFile(join(import.meta.dirname, '..', name), 'utf8');
  const metaPolicy = (html: string) => /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
  const remoteScripts = (html: string) => [...html.matchAll(/src="(https?:[^"]+)"/g)].map((m) => m[1]);

  it('the task pane declares the server’s policy, allowing nothing remote but Office’s script', async () => {
    const html = await page('taskpane.html');
    expect(metaPolicy(html)).toBe(contentSecurityPolicy);
    const remote = [...contentSecurityPolicy.matchAll(/https?:\/\/[^\s;]+/g)].map((m) => m[0]);
    expect(remote).toEqual(['https://appsforoffice.microsoft.com']);
    expect(remoteScripts(html)).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
  });

  it('the standalone page declares the same policy without Office’s CDN, and loads nothing remote', async () => {
    const html = await page('index.html');
    expect(metaPolicy(html)).toBe(contentSecurityPolicy.replace(' https://appsforoffice.microsoft.com', ''));
    expect(remoteScripts(html)).toEqual([]);
    expect(html).not.toContain('office.js');
  });
});
