import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BaseUrlError,
  defaultBaseUrl,
  manifestJsonFor,
  manifestXmlFor,
  parseBaseUrl,
} from '../scripts/addin-manifests.js';

const app = join(import.meta.dirname, '..');
const sourceJson = readFileSync(join(app, 'manifest.json'), 'utf8');
const sourceXml = readFileSync(join(app, 'manifest.xml'), 'utf8');
const base = 'https://example.org/mentor-matcher';

/** Every http(s) URL in a manifest, schema and XML namespace names aside. */
function urls(text: string): string[] {
  const names = /^https?:\/\/(developer\.microsoft\.com\/json-schemas|schemas\.microsoft\.com|www\.w3\.org)\//;
  return [...text.matchAll(/https?:\/\/[^"<\s]+/g)].map((m) => m[0]).filter((u) => !names.test(u));
}

describe('the base URL', () => {
  it('drops a trailing slash and keeps the path', () => {
    expect(parseBaseUrl('https://example.org/mentor-matcher/')).toEqual({ base, origin: 'https://example.org' });
    expect(parseBaseUrl('https://example.org')).toEqual({ base: 'https://example.org', origin: 'https://example.org' });
  });

  it('refuses what Office cannot load, saying what to give instead', () => {
    for (const bad of ['http://example.org', 'example.org', 'https://example.org/?a=1', 'https://u:p@example.org']) {
      expect(() => parseBaseUrl(bad), bad).toThrow(BaseUrlError);
    }
    expect(() => parseBaseUrl('http://example.org')).toThrow(/https.*e\.g\. https:\/\/example\.org/);
  });
});

describe('the JSON manifest for a base URL', () => {
  const json = manifestJsonFor(sourceJson, `${base}/`);
  const parsed = JSON.parse(json) as {
    validDomains: string[];
    icons: { outline: string; color: string };
    extensions: { runtimes: { code: { page: string } }[] }[];
  };

  it('puts every URL under the base, the task pane included', () => {
    expect(urls(json).length).toBeGreaterThan(5);
    for (const url of urls(json)) expect(url === 'https://example.org' || url.startsWith(`${base}/`), url).toBe(true);
    expect(parsed.extensions[0].runtimes[0].code.page).toBe(`${base}/taskpane.html`);
  });

  it('names the base’s origin as the valid domain', () => {
    expect(parsed.validDomains).toEqual(['https://example.org']);
  });

  it('names the icon files as they lie beside it in dist/', () => {
    expect(parsed.icons).toEqual({ outline: 'assets/outline.png', color: 'assets/color.png' });
  });

  it('changes nothing but URLs and icon paths for the default base', () => {
    const same = JSON.parse(manifestJsonFor(sourceJson, defaultBaseUrl)) as { icons: unknown };
    expect({ ...same, icons: null }).toEqual({ ...JSON.parse(sourceJson), icons: null });
  });
});

describe('the XML manifest for a base URL', () => {
  const xml = manifestXmlFor(sourceXml, base);

  it('puts every URL under the base and makes the app domain its origin', () => {
    expect(urls(xml).length).toBeGreaterThan(5);
    for (const url of urls(xml)) expect(url === 'https://example.org' || url.startsWith(`${base}/`), url).toBe(true);
    expect(xml).toContain('<AppDomain>https://example.org</AppDomain>');
    expect(xml).toContain(`<SourceLocation DefaultValue="${base}/taskpane.html"/>`);
  });

  it('escapes a base whose path holds a character XML reserves', () => {
    const odd = manifestXmlFor(sourceXml, 'https://example.org/a&b');
    expect(odd).toContain('<SourceLocation DefaultValue="https://example.org/a&amp;b/taskpane.html"/>');
    expect(odd).not.toMatch(/&(?!amp;)/);
  });

  it('is the source unchanged for the default base', () => {
    expect(manifestXmlFor(sourceXml, defaultBaseUrl)).toBe(sourceXml);
  });
});
