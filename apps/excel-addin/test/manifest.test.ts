import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

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
