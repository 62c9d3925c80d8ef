import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const app = join(import.meta.dirname, '..');
const bin = join(app, '../../node_modules/.bin/office-addin-manifest');
const xml = readFileSync(join(app, 'manifest.xml'), 'utf8');
const json = JSON.parse(readFileSync(join(app, 'manifest.json'), 'utf8')) as {
  id: string;
  icons: { outline: string; color: string };
  extensions: { runtimes: { code: { page: string } }[] }[];
};

/** Checks that tags nest and close properly (the XML manifest must at least be well-formed). */
function wellFormedProblems(text: string): string[] {
  const stack: string[] = [];
  const problems: string[] = [];
  const body = text.replace(/<\?xml[^?]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '');
  for (const match of body.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>/g)) {
    const [, closing, name, , selfClosing] = match;
    if (selfClosing) continue;
    if (!closing) stack.push(name);
    else if (stack.pop() !== name) problems.push(`</${name}> closes the wrong element`);
  }
  if (stack.length) problems.push(`unclosed: ${stack.join(', ')}`);
  const stray = body.replace(/<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>/g, '');
  if (/[<>]/.test(stray)) problems.push('a "<" or ">" outside a tag');
  return problems;
}

function localFile(url: string): string {
  return join(app, 'public', new URL(url).pathname);
}

describe('the unified JSON manifest', () => {
  it('passes office-addin-manifest validation (offline, against the bundled schemas)', async () => {
    const { stdout, stderr } = await promisify(execFile)(bin, ['validate', join(app, 'manifest.json')]);
    expect(`${stdout}${stderr}`).not.toMatch(/error/i);
  });

  it('points at icons that exist', () => {
    expect(existsSync(join(app, json.icons.outline))).toBe(true);
    expect(existsSync(join(app, json.icons.color))).toBe(true);
  });
});

describe('the XML manifest', () => {
  it('is well-formed', () => {
    expect(wellFormedProblems(xml)).toEqual([]);
  });

  it('has a GUID id, the same as the JSON manifest', () => {
    const id = /<Id>([^<]+)<\/Id>/.exec(xml)?.[1];
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(id).toBe(json.id);
  });

  it('uses https URLs on one origin, the same page as the JSON manifest', () => {
    const urls = [...xml.matchAll(/DefaultValue="(https?:\/\/[^"]+)"|<AppDomain>([^<]+)</g)].map((m) => m[1] ?? m[2]);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(new URL(url).protocol).toBe('https:');
    expect(new Set(urls.map((u) => new URL(u).origin))).toEqual(new Set(['https://localhost:3000']));
    expect(xml).toContain(`<SourceLocation DefaultValue="${json.extensions[0].runtimes[0].code.page}"/>`);
    // The task pane, which loads office.js; index.html is the standalone page, which never does.
    expect(new URL(json.extensions[0].runtimes[0].code.page).pathname).toBe('/taskpane.html');
  });

  it('resolves every resid to a resource', () => {
    const ids = new Set([...xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
    const used = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(5);
    expect(used.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('asks for ExcelApi 1.7, the oldest set the add-in needs', () => {
    expect(xml).toContain('<Set Name="ExcelApi" MinVersion="1.7"/>');
  });

  it('serves every icon it names', () => {
    const icons = [...xml.matchAll(/DefaultValue="(https:[^"]+\.png)"/g)].map((m) => m[1]);
    expect(icons.length).toBeGreaterThan(3);
    for (const icon of icons) expect(existsSync(localFile(icon)), icon).toBe(true);
  });
});

describe('the deployable build (ADDIN_BASE_URL=https://example.org/mentor-matcher npm run build)', () => {
  const base = 'https://example.org/mentor-matcher';
  let dist: string;
  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), 'mm-deploy-'));
    await promisify(execFile)(join(app, '../../node_modules/.bin/vite'), ['build', '--outDir', dist, '--emptyOutDir'], {
      cwd: app,
      env: { ...process.env, ADDIN_BASE_URL: `${base}/` },
    });
  }, 180_000);
  afterAll(async () => {
    if (dist) await rm(dist, { recursive: true, force: true });
  });

  it('writes a JSON manifest that passes office-addin-manifest validation offline', async () => {
    const { stdout, stderr } = await promisify(execFile)(bin, ['validate', join(dist, 'manifest.json')]);
    expect(`${stdout}${stderr}`).not.toMatch(/error/i);
  });

  it('points both manifests at pages and icons under the base, each a file of the build', () => {
    for (const name of ['manifest.json', 'manifest.xml']) {
      const text = readFileSync(join(dist, name), 'utf8');
      const urls = [...text.matchAll(/"(https:\/\/[^"]+)"|<AppDomain>([^<]+)</g)].map((m) => m[1] ?? m[2]);
      const files = urls.filter((url) => !url.includes('json-schemas') && url !== 'https://example.org');
      expect(files.length, name).toBeGreaterThan(5);
      for (const url of files) {
        expect(url.startsWith(`${base}/`), url).toBe(true);
        expect(existsSync(join(dist, url.slice(base.length + 1))), url).toBe(true);
      }
    }
    const built = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as typeof json;
    expect(existsSync(join(dist, built.icons.outline))).toBe(true);
    expect(existsSync(join(dist, built.icons.color))).toBe(true);
  });

  it('writes an XML manifest that is still well-formed, with every resid resolved', () => {
    const built = readFileSync(join(dist, 'manifest.xml'), 'utf8');
    expect(wellFormedProblems(built)).toEqual([]);
    const ids = new Set([...built.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
    expect([...built.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('links its pages’ files by relative paths, so the site works under any path', () => {
    for (const page of ['index.html', 'taskpane.html']) {
      const html = readFileSync(join(dist, page), 'utf8');
      expect(
        [...html.matchAll(/(?:src|href)="(\/[^"]*)"/g)].map((m) => m[1]),
        page,
      ).toEqual([]);
    }
  });
});
