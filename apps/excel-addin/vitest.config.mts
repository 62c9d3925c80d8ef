import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.mts';

// The browser tests build the app and drive Chromium: give their hooks and tests room on a slow CI.
export default mergeConfig(sharedConfig, defineConfig({ test: { testTimeout: 120_000, hookTimeout: 240_000 } }));
