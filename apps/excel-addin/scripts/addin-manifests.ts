// The add-in's manifests for the base URL the site is deployed at. manifest.json and manifest.xml in
// the app's folder name https://localhost:3000 (the dev server); a build writes both into dist/ with
// every URL moved under the base URL given at build time (ADDIN_BASE_URL), the domains set to its
// origin, and the JSON manifest's icon files named as they lie in dist/ (assets/…), so that dist/ is
// the whole deployment: the static site and the manifests an administrator uploads.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/** Where the manifests in the source tree point: the dev server. */
export const defaultBaseUrl = 'https://localhost:3000';

export class BaseUrlError extends Error {
  constructor(input: string, why: string) {
    super(
      `ADDIN_BASE_URL ${JSON.stringify(input)} ${why}. ` +
        'Give the https address the site is served from, e.g. https://example.org/mentor-matcher.',
    );
    this.name = 'BaseUrlError';
  }
}

export interface BaseUrl {
  /** The base without a trailing slash, e.g. https://example.org/mentor-matcher. */
  readonly base: string;
  /** Its origin, e.g. https://example.org: the add-in's domain. */
  readonly origin: string;
}

/** Checks a base URL as Office needs it: https, no credentials, query or fragment. */
export function parseBaseUrl(input: string): BaseUrl {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new BaseUrlError(input, 'is not a URL');
  }
  if (url.protocol !== 'https:') throw new BaseUrlError(input, 'is not https (Office loads add-ins only over https)');
  if (url.username || url.password) throw new BaseUrlError(input, 'carries a user name or password');
  if (url.search || url.hash) throw new BaseUrlError(input, 'has a query or fragment');
  return { base: `${url.origin}${url.pathname.replace(/\/+$/, '')}`, origin: url.origin };
}

function moved(url: string, to: BaseUrl): string {
  if (url === defaultBaseUrl) return to.origin;
  if (url.startsWith(`${defaultBaseUrl}/`)) return to.base + url.slice(defaultBaseUrl.length);
  return url;
}

function mapStrings(value: unknown, map: (text: string) => string): unknown {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, map));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, map)]));
  }
  return value;
}

/** The unified JSON manifest for `baseUrl`: URLs under it, icons as the files in dist/assets. */
export function manifestJsonFor(source: string, baseUrl: string): string {
  const to = parseBaseUrl(baseUrl);
  const manifest = mapStrings(JSON.parse(source), (text) => moved(text, to)) as { icons: Record<string, string> };
  manifest.icons = Object.fromEntries(
    Object.entries(manifest.icons).map(([kind, file]) => [kind, file.replace(/^public\//, '')]),
  );
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/** The XML manifest for `baseUrl`: every URL under it, the app domain its origin. */
export function manifestXmlFor(source: string, baseUrl: string): string {
  const to = parseBaseUrl(baseUrl);
  const origin = defaultBaseUrl.replace(/[.]/g, '\\.');
  return source
    .replace(new RegExp(`${origin}(?=/)`, 'g'), () => escapeXml(to.base))
    .replace(new RegExp(`${origin}(?=[<"])`, 'g'), () => escapeXml(to.origin));
}

/** A Vite plugin that writes manifest.json and manifest.xml for `baseUrl` beside the built site. */
export function addinManifests(appRoot: string, baseUrl: string): Plugin {
  return {
    name: 'mentor-matcher-addin-manifests',
    apply: 'build',
    buildStart() {
      parseBaseUrl(baseUrl);
    },
    async generateBundle() {
      const [json, xml] = await Promise.all([
        readFile(join(appRoot, 'manifest.json'), 'utf8'),
        readFile(join(appRoot, 'manifest.xml'), 'utf8'),
      ]);
      this.emitFile({ type: 'asset', fileName: 'manifest.json', source: manifestJsonFor(json, baseUrl) });
      this.emitFile({ type: 'asset', fileName: 'manifest.xml', source: manifestXmlFor(xml, baseUrl) });
    },
  };
}
