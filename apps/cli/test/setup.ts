// Runs before each test file: every folder the tests made with tempDir is removed when the file ends,
// so a test run leaves nothing behind in the system's temporary folder.
import { afterAll } from 'vitest';
import { removeTempDirs } from './run-cli.js';

afterAll(removeTempDirs);
