import { describe, expect, it } from 'vitest';
import { buildGraph, findCycles, importsOf } from './import-graph.js';

const graphOf = (files: Record<string, string>) => buildGraph(new Map(Object.entries(files)));

describe('importsOf', () => {
  it('reads static, re-export and dynamic imports', () => {
    const source = [
      "import { a } from './a.js';",
      "import * as b from './b.js';",
      "export { c } from './c.js';",
      "import './side-effect.js';",
      "const d = await import('./d.js');",
    ].join('\n');
    expect(importsOf(source).map((edge) => edge.specifier)).toEqual([
      './a.js',
      './b.js',
      './c.js',
      './side-effect.js',
      './d.js',
    ]);
  });

  it('marks `import type` and all-type name lists as erased, a mix of types and values as not', () => {
    const source = [
      "import type { A } from './a.js';",
      "import { type B, type C } from './b.js';",
      "import { type D, e } from './d.js';",
      "export type { F } from './f.js';",
    ].join('\n');
    expect(importsOf(source)).toEqual([
      { specifier: './a.js', typeOnly: true },
      { specifier: './b.js', typeOnly: true },
      { specifier: './d.js', typeOnly: false },
      { specifier: './f.js', typeOnly: true },
    ]);
  });

  it('ignores imports written inside comments', () => {
    const source = "/* import { x } from './x.js'; */\n// import { y } from './y.js';\nimport { z } from './z.js';";
    expect(importsOf(source).map((edge) => edge.specifier)).toEqual(['./z.js']);
  });
});

describe('findCycles', () => {
  it('finds a three-module cycle through .js specifiers that name .ts files', () => {
    const graph = graphOf({
      'src/a.ts': "import { b } from './b.js';",
      'src/b.ts': "import { c } from './deep/c.js';",
      'src/deep/c.ts': "import { a } from '../a.js';",
      'src/d.ts': "import { a } from './a.js';",
    });
    expect(findCycles(graph, { includeTypeImports: false })).toEqual([['src/a.ts', 'src/b.ts', 'src/deep/c.ts']]);
  });

  it('reports no cycle for a one-way flow, and ignores packages and unknown files', () => {
    const graph = graphOf({
      'src/a.ts': "import { b } from './b.js'; import { z } from 'zod'; import { q } from './missing.js';",
      'src/b.ts': "import { c } from './c.js';",
      'src/c.ts': 'export const c = 1;',
    });
    expect(findCycles(graph, { includeTypeImports: false })).toEqual([]);
  });

  it('keeps cycles made only of type imports out unless asked for', () => {
    const graph = graphOf({
      'src/app.ts': "import { renderStep } from './step.js';",
      'src/step.ts': "import type { App } from './app.js';",
    });
    expect(findCycles(graph, { includeTypeImports: false })).toEqual([]);
    expect(findCycles(graph, { includeTypeImports: true })).toEqual([['src/app.ts', 'src/step.ts']]);
  });

  it('finds a module that imports itself, and two separate cycles in a stable order', () => {
    const graph = graphOf({
      'src/z.ts': "import { z } from './z.js';",
      'src/b.ts': "import { a } from './a.js';",
      'src/a.ts': "import { b } from './b.js';",
    });
    expect(findCycles(graph, { includeTypeImports: false })).toEqual([['src/a.ts', 'src/b.ts'], ['src/z.ts']]);
  });

  it('handles a chain far deeper than the call stack', () => {
    const files: Record<string, string> = {};
    const length = 20_000;
    for (let i = 0; i < length; i++) files[`src/m${i}.ts`] = `import { x } from './m${(i + 1) % length}.js';`;
    const cycles = findCycles(graphOf(files), { includeTypeImports: false });
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(length);
  });
});
