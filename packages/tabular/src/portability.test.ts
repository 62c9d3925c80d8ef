import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The package must run in Node, a page and a Web Worker, so its sources import only each other,
// fflate and zod: no `node:` modules, no DOM.
describe('the tabular sources', () => {
  const directory = new URL('./', import.meta.url);
  const sources = readdirSync(directory).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));

  it.each(sources)('%s imports only relative modules, fflate and zod', (name) => {
    const text = readFileSync(new URL(name, directory), 'utf8');
    const imported = [...text.matchAll(/from '([^']+)'/g)].map((match) => match[1]);
    expect(
      imported.filter((specifier) => !specifier.startsWith('./') && specifier !== 'fflate' && specifier !== 'zod'),
    ).toEqual([]);
  });

  it.each(sources)('%s uses no DOM or Node global', (name) => {
    const text = readFileSync(new URL(name, directory), 'utf8');
    expect(text).not.toMatch(/\b(DOMParser|document|window|Buffer|process|require)\b[.(]/);
  });
});
