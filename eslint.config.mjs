// One lint configuration for the workspace: typescript-eslint's recommended rules, a few type-aware
// rules that catch real bugs cheaply (promises left floating or passed where a callback is expected),
// the package boundaries the design relies on, and Prettier's formatting left to Prettier.
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

// Which project may import which (Nx tags, set in each package.json): the solver and the tabular
// reader know nothing of the rest; the engine knows only those two; no package imports an app.
const dependencyConstraints = [
  { sourceTag: 'scope:solver', onlyDependOnLibsWithTags: ['scope:solver'] },
  { sourceTag: 'scope:tabular', onlyDependOnLibsWithTags: ['scope:tabular'] },
  { sourceTag: 'scope:sample-data', onlyDependOnLibsWithTags: ['scope:tabular'] },
  { sourceTag: 'scope:engine', onlyDependOnLibsWithTags: ['scope:solver', 'scope:tabular', 'scope:sample-data'] },
  { sourceTag: 'scope:notify', onlyDependOnLibsWithTags: ['scope:engine', 'scope:tabular', 'scope:sample-data'] },
  { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:bench', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:test-tool', onlyDependOnLibsWithTags: [] },
];
const boundaries = { enforceBuildableLibDependency: false, allow: [], depConstraints: dependencyConstraints };

// Node built-ins that pure packages must not reach for (they run in pages, workers and Excel).
const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'worker_threads'];
const nodeImportBans = nodeBuiltins.flatMap((name) => [
  { name, message: 'Pure packages take bytes and return data; file and network access belongs to an adapter.' },
  {
    name: `node:${name}`,
    message: 'Pure packages take bytes and return data; file and network access belongs to an adapter.',
  },
]);

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/build/**',
      '**/.nx/**',
      '**/coverage/**',
      '**/*.generated.ts',
      'packages/solver/assembly/**', // AssemblyScript: checked by asc, not by TypeScript's rules
      'benchmarks/results/**',
      'apps/cli/demo-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mts'],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['vitest.shared.mts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@nx/enforce-module-boundaries': ['error', boundaries],
    },
  },
  {
    // Tests and the browser benchmark, whatever their project, may launch Chromium through the
    // test-only @mentor-matcher/test-browser; nothing that ships may import it.
    files: ['**/test/**/*.ts', '**/*.test.ts', 'apps/excel-addin/bench/**/*.ts', 'benchmarks/src/browser/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', { ...boundaries, allow: ['@mentor-matcher/test-browser'] }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
  {
    // Only the host adapter talks to Office and Excel; everything else goes through WorkbookHost.
    files: ['apps/excel-addin/src/**/*.ts'],
    ignores: ['apps/excel-addin/src/host/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'Excel', message: 'Only apps/excel-addin/src/host touches Excel; use the WorkbookHost interface.' },
        { name: 'Office', message: 'Only apps/excel-addin/src/host touches Office; use the WorkbookHost interface.' },
      ],
    },
  },
  {
    // The pure centre: no Node I/O in the solver, the reader, the engine or the notify messages.
    files: [
      'packages/solver/src/**/*.ts',
      'packages/tabular/src/**/*.ts',
      'packages/engine/src/**/*.ts',
      'packages/notify/src/**/*.ts',
    ],
    ignores: ['**/*.test.ts', 'packages/notify/src/node.ts', 'packages/notify/src/node/**'],
    rules: { 'no-restricted-imports': ['error', { paths: nodeImportBans }] },
  },
  {
    // Build-tool configuration, not product code: each project's vitest/vite config extends the one
    // shared file at the workspace root, which no project owns.
    files: ['**/vitest.config.mts', '**/vite.config.mts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  prettier,
);
