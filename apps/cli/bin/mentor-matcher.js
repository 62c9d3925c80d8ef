#!/usr/bin/env node
// Runs the built CLI: dist/cli.js and every package it uses, bundled into one file
// (scripts/bundle.mjs). `npm run build` at the repository root builds it.
import('../dist/mentor-matcher.mjs').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && /[\\/]dist[\\/]/.test(String(error.message))) {
    process.stderr.write(
      'mentor-matcher is not built yet: run "npm run build" in the repository root, then try again.\n',
    );
    process.exit(70);
  }
  throw error;
});
