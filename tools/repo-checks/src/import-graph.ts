// The import graph of one package's own files, and the cycles in it. A cycle between modules makes
// their load order matter (a value read before its module has run is undefined) and is a sign that
// two concepts have grown into each other; the design keeps each package a one-way flow.
//
// Only relative imports are followed: imports of other packages are the module-boundary lint rule's
// business. `import type` and `export type` vanish at run time, so they are kept apart: a cycle made
// only of type imports is reported separately and does not fail the check by default.

/** One import statement's target and whether it is erased at run time. */
export interface ImportEdge {
  readonly specifier: string;
  readonly typeOnly: boolean;
}

const staticImport = /(?:^|[\n;])\s*(import|export)\s+(type\s+)?(?:[\w*${}\s,]+?\s+from\s+)?['"]([^'"\n]+)['"]/g;
const dynamicImport = /\bimport\(\s*['"]([^'"\n]+)['"]\s*\)/g;

/** Strips comments so that an import written in a comment or doc example is not followed. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/[^\n]*/g, '$1');
}

/**
 * The imports of one TypeScript module. An `import { type A, type B }` whose every name is a type is
 * type-only too; a mix of types and values is a value import.
 */
export function importsOf(source: string): ImportEdge[] {
  const text = withoutComments(source);
  const edges: ImportEdge[] = [];
  for (const match of text.matchAll(staticImport)) {
    const [statement, , typeKeyword, specifier] = match;
    edges.push({ specifier, typeOnly: typeKeyword !== undefined || onlyTypeNames(statement) });
  }
  for (const match of text.matchAll(dynamicImport)) edges.push({ specifier: match[1], typeOnly: false });
  return edges;
}

function onlyTypeNames(statement: string): boolean {
  const braces = /\{([^}]*)\}/.exec(statement);
  if (!braces || /^\s*(import|export)\s+[\w$]+\s*,/.test(statement.trim())) return false;
  const names = braces[1]
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  return names.length > 0 && names.every((name) => name.startsWith('type '));
}

/** A module's path inside the package ("src/ui/app.ts") → the imports it makes, already resolved. */
export type ModuleGraph = ReadonlyMap<string, readonly { target: string; typeOnly: boolean }[]>;

/**
 * Resolves relative specifiers against the importing file the way TypeScript's NodeNext resolution
 * does for this workspace: `./x.js` names `./x.ts`, `./x.mjs` names `./x.mts`, and a folder is not
 * an import target (the workspace writes extensions). Specifiers that name no known module are
 * dropped: they are the compiler's concern, not a cycle.
 */
export function buildGraph(sources: ReadonlyMap<string, string>): ModuleGraph {
  const graph = new Map<string, { target: string; typeOnly: boolean }[]>();
  for (const [path, source] of sources) {
    const edges: { target: string; typeOnly: boolean }[] = [];
    for (const edge of importsOf(source)) {
      if (!edge.specifier.startsWith('.')) continue;
      const target = resolveRelative(path, edge.specifier, sources);
      if (target !== null) edges.push({ target, typeOnly: edge.typeOnly });
    }
    graph.set(path, edges);
  }
  return graph;
}

function resolveRelative(from: string, specifier: string, known: ReadonlyMap<string, string>): string | null {
  const parts = from.split('/').slice(0, -1);
  for (const part of specifier.split('/')) {
    if (part === '.' || part === '') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  const joined = parts.join('/');
  const candidates = [joined, joined.replace(/\.js$/, '.ts'), joined.replace(/\.mjs$/, '.mts'), `${joined}.ts`];
  return candidates.find((candidate) => known.has(candidate)) ?? null;
}

/**
 * The cycles of a graph: each strongly connected component with more than one module, or one module
 * that imports itself (Tarjan's algorithm, iterative so a deep chain cannot overflow the stack).
 * Each cycle's modules are sorted, and the cycles by their first module, so reports are stable.
 */
export function findCycles(graph: ModuleGraph, options: { includeTypeImports: boolean }): string[][] {
  const follows = (edge: { typeOnly: boolean }) => options.includeTypeImports || !edge.typeOnly;
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;

  for (const root of graph.keys()) {
    if (index.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    lowLink.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const edges = (graph.get(frame.node) ?? []).filter(follows);
      if (frame.next < edges.length) {
        const target = edges[frame.next++].target;
        if (!index.has(target)) {
          index.set(target, counter);
          lowLink.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          lowLink.set(frame.node, Math.min(lowLink.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        lowLink.set(parent, Math.min(lowLink.get(parent)!, lowLink.get(frame.node)!));
      }
      if (lowLink.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfImport = (graph.get(frame.node) ?? []).some((e) => follows(e) && e.target === frame.node);
        if (component.length > 1 || selfImport) cycles.push(component.sort());
      }
    }
  }
  return cycles.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
