import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.mts';

// The CLI tests import the whole engine, solver and tabular sources; sharing one module graph per
// worker (no per-file isolation) loads them once instead of once per test file. The tests keep no
// state in modules, so sharing is safe.
export default mergeConfig(sharedConfig, defineConfig({ test: { isolate: false, setupFiles: ['test/setup.ts'] } }));
