// `import-cycles DIR…`: fails (exit 1) when the TypeScript modules under the folders import each
// other in a cycle of run-time imports; lists cycles made only of type imports as a notice.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildGraph, findCycles } from './import-graph.js';

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.m?ts$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

const folders = process.argv.slice(2);
if (folders.length === 0) {
  console.error('usage: import-cycles FOLDER [FOLDER …]');
  process.exit(2);
}
const sources = new Map<string, string>();
for (const folder of folders) {
  for (const file of sourceFiles(folder))
    sources.set(relative(process.cwd(), file).split('\\').join('/'), readFileSync(file, 'utf8'));
}
const graph = buildGraph(sources);
const valueCycles = findCycles(graph, { includeTypeImports: false });
const typeCycles = findCycles(graph, { includeTypeImports: true }).filter(
  (cycle) => !valueCycles.some((value) => cycle.every((module) => value.includes(module))),
);
for (const cycle of typeCycles) console.log(`import-cycles: notice: type-only cycle: ${cycle.join(' ⇄ ')}`);
for (const cycle of valueCycles) console.error(`import-cycles: error: modules import each other: ${cycle.join(' ⇄ ')}`);
if (valueCycles.length > 0) process.exit(1);
console.log(`import-cycles: ${sources.size} modules in ${folders.join(', ')}, no run-time import cycle`);
