// The command as installed: bin/mentor-matcher.js running the bundle that `npm run build` makes
// (scripts/bundle.mjs). The cli project's tests build it first (its package.json). The other tests
// run the TypeScript source; these check that the bundle is the same program, including the GOV.UK
// Notify client, whose CommonJS modules load Node's own through a require of the bundle's.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeNotifyServer, testApiKey } from '@mentor-matcher/notify/testing';
import { describe, expect, it } from 'vitest';
import { runCli, sampleMentees, sampleMentors, tempDir } from './run-cli.js';

const bin = fileURLToPath(new URL('../bin/mentor-matcher.js', import.meta.url));

function runBuilt(args: string[], cwd: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NODE_OPTIONS: '', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
}

const filesOf = (dir: string) =>
  Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));

describe('the built command', () => {
  it('writes the same results as the source, byte for byte', async () => {
    const cwd = tempDir();
    const args = ['match', '--mentors', sampleMentors, '--mentees', sampleMentees, '--quiet'];
    const built = await runBuilt([...args, '--out', 'built'], cwd);
    expect(built.code).toBe(0);
    const source = await runCli([...args, '--out', 'source'], { cwd });
    expect(source.code).toBe(0);
    expect(built.stdout).toBe(source.stdout.replaceAll('source', 'built'));
    expect(built.stderr).toBe(source.stderr);
    expect(filesOf(join(cwd, 'built'))).toEqual(filesOf(join(cwd, 'source')));
  }, 60_000);

  it('sends every message through GOV.UK Notify', async () => {
    const cwd = tempDir();
    await runCli(['match', '--mentors', sampleMentors, '--mentees', sampleMentees, '--out', 'r', '--quiet'], { cwd });
    const fake = await startFakeNotifyServer();
    try {
      const templates = ['mentor-matched', 'mentor-unmatched', 'mentee-matched', 'mentee-unmatched'].flatMap(
        (kind, i) => ['--template', `${kind}=${String(i + 1).repeat(8)}-1111-4111-8111-111111111111`],
      );
      const run = await runBuilt(['notify', '--results', 'r', ...templates, '--base-url', fake.url, '-q'], cwd, {
        NOTIFY_API_KEY: testApiKey,
      });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const people = JSON.parse(readFileSync(join(cwd, 'r', 'notify.json'), 'utf8')).people;
      const emailed = [...people.mentor, ...people.mentee].filter((p: { email?: string; id: string }) =>
        (p.email ?? p.id).trim(),
      );
      expect(fake.acceptedCounts().size).toBe(emailed.length);
      expect([...fake.acceptedCounts().values()].every((n) => n === 1)).toBe(true);
    } finally {
      await fake.close();
    }
  }, 60_000);
});
