import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli, sampleMentees, sampleMentors, tempDir } from './run-cli.js';
import { startFakeNotifyServer, testApiKey, testApiSecret } from './fake-notify-server.js';

const ids = {
  'mentor-matched': '11111111-1111-4111-8111-111111111111',
  'mentor-unmatched': '22222222-2222-4222-8222-222222222222',
  'mentee-matched': '33333333-3333-4333-8333-333333333333',
  'mentee-unmatched': '44444444-4444-4444-8444-444444444444',
};
const templateArgs = Object.entries(ids).flatMap(([kind, id]) => ['--template', `${kind}=${id}`]);

let resultsDir: string;
let notify: { mentorMatched: number; total: number };
const servers: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  const cwd = tempDir();
  await runCli(['match', '--mentors', sampleMentors, '--mentees', sampleMentees, '--out', 'results', '--quiet'], { cwd });
  resultsDir = join(cwd, 'results');
  const json = JSON.parse(readFileSync(join(resultsDir, 'notify.json'), 'utf8'));
  const lists = Object.values(json.lists) as { recipients: unknown[] }[];
  notify = { mentorMatched: json.lists['mentor-matched'].recipients.length, total: lists.reduce((n, l) => n + l.recipients.length, 0) };
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A fresh copy of the results folder, so that each test starts with an empty send log. */
function freshResults(): string {
  const dir = tempDir();
  for (const file of readdirSync(resultsDir)) writeFileSync(join(dir, file), readFileSync(join(resultsDir, file)));
  return dir;
}

async function server(responder?: Parameters<typeof startFakeNotifyServer>[0]) {
  const s = await startFakeNotifyServer(responder);
  servers.push(s);
  return s;
}

describe('mentor-matcher notify', () => {
  it('sends every person the template for their kind, signed with a Bearer JWT', async () => {
    const fake = await server();
    const dir = freshResults();
    const run = await runCli(['notify', '--results', dir, ...templateArgs, '--base-url', fake.url, '--quiet'], {
      env: { NOTIFY_API_KEY: testApiKey },
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(fake.requests).toHaveLength(notify.total);
    const json = JSON.parse(readFileSync(join(dir, 'notify.json'), 'utf8'));
    for (const [kind, id] of Object.entries(ids)) {
      const expected = json.lists[kind].recipients.map((r: { email: string }) => r.email).sort();
      expect(fake.requests.filter((r) => r.body.template_id === id).map((r) => r.body.email_address).sort()).toEqual(expected);
    }
    const first = json.lists['mentee-matched'].recipients[0];
    const sent = fake.requests.find((r) => r.body.email_address === first.email && r.body.template_id === ids['mentee-matched']);
    expect(sent?.body.personalisation).toEqual(first.personalisation);
    for (const r of fake.requests) expect(r.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    expect(run.stdout).toMatch(new RegExp(`^Sent ${notify.total} of ${notify.total} emails\\.`));
  });

  it('reads the key from --api-key-file', async () => {
    const fake = await server();
    const dir = freshResults();
    const keyFile = join(tempDir(), 'key.txt');
    writeFileSync(keyFile, `${testApiKey}\n`);
    const run = await runCli(['notify', '--results', dir, ...templateArgs, '--base-url', fake.url, '--api-key-file', keyFile, '-q']);
    expect(run.code).toBe(0);
    expect(fake.requests).toHaveLength(notify.total);
  });

  it('sends nobody anything twice when re-run after an interruption half way', async () => {
    const interrupt = new AbortController();
    const fake = await server((_r, i) => {
      if (i === 9) interrupt.abort();
      return { status: 201, body: { id: `n-${i}` } };
    });
    const dir = freshResults();
    const args = ['notify', '--results', dir, ...templateArgs, '--base-url', fake.url, '-q'];
    const first = await runCli(args, { env: { NOTIFY_API_KEY: testApiKey }, interrupt });
    expect(first.code).toBe(130);
    expect(first.stderr).toMatch(/Interrupted\. .*run the same command again/);
    const sentFirst = fake.requests.length;
    expect(sentFirst).toBeGreaterThanOrEqual(10);
    expect(sentFirst).toBeLessThan(notify.total);
    const second = await runCli(args, { env: { NOTIFY_API_KEY: testApiKey } });
    expect(second.code).toBe(0);
    const keys = fake.requests.map((r) => `${r.body.template_id} ${r.body.email_address}`);
    expect(keys).toHaveLength(notify.total);
    expect(new Set(keys).size).toBe(notify.total);
    expect(second.stdout).toMatch(new RegExp(`${sentFirst} already sent by an earlier run`));
  });

  it('stops at once on 403 with Notify’s own message, exit 1', async () => {
    const fake = await server(() => ({ status: 403, body: { errors: [{ error: 'AuthError', message: 'Invalid token: API key not found' }] } }));
    const run = await runCli(['notify', '--results', freshResults(), ...templateArgs, '--base-url', fake.url], {
      env: { NOTIFY_API_KEY: testApiKey },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: GOV\.UK Notify answered 403: AuthError: Invalid token: API key not found$/m);
    expect(fake.requests.length).toBeLessThanOrEqual(4);
  });

  it('never shows or stores the key: stdout, stderr and every file in the results folder', async () => {
    const fake = await server((_r, i) =>
      i === 3 ? { status: 400, body: { errors: [{ error: 'BadRequestError', message: `rejected ${testApiKey}` }] } } : { status: 201, body: { id: `n-${i}` } },
    );
    const dir = freshResults();
    const run = await runCli(['notify', '--results', dir, ...templateArgs, '--base-url', fake.url], { env: { NOTIFY_API_KEY: testApiKey } });
    expect(run.code).toBe(1);
    const everything = [run.stdout, run.stderr, ...readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'))].join('\n');
    expect(everything).not.toContain(testApiSecret);
    expect(everything).not.toContain(testApiKey);
    expect(run.stderr).toContain('[redacted]');
  });

  it('refuses --api-key on the command line and says why', async () => {
    const run = await runCli(['notify', '--results', 'r', ...templateArgs, `--api-key=${testApiKey}`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--api-key is not accepted: .*shell history.*NOTIFY_API_KEY or use --api-key-file/);
    expect(run.stderr).not.toContain(testApiSecret);
  });

  it('lists what would be sent with --dry-run, sending nothing and needing no key', async () => {
    const fake = await server();
    const run = await runCli(['notify', '--results', freshResults(), '--template', `mentor-matched=${ids['mentor-matched']}`, '--dry-run', '--base-url', fake.url]);
    expect(run.code).toBe(0);
    expect(fake.requests).toHaveLength(0);
    const wouldSend = run.stdout.split('\n').filter((l) => l.startsWith('would send mentor-matched'));
    expect(wouldSend).toHaveLength(notify.mentorMatched);
    expect(run.stdout).toMatch(/Dry run: \d+ emails would be sent; nothing was sent\./);
    expect(run.stdout).toMatch(/No template for mentee-matched: \d+ people not emailed\./);
  });

  it('asks for a key when none is set', async () => {
    const run = await runCli(['notify', '--results', freshResults(), ...templateArgs]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no API key: set NOTIFY_API_KEY/);
  });

  it('rejects a key of the wrong shape without printing it', async () => {
    const run = await runCli(['notify', '--results', freshResults(), ...templateArgs], { env: { NOTIFY_API_KEY: 'wrong-shape-secretvalue123' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/NOTIFY_API_KEY does not look like a GOV.UK Notify API key/);
    expect(run.stderr).not.toContain('secretvalue123');
  });

  it('names a bad --template', async () => {
    const run = await runCli(['notify', '--results', 'r', '--template', 'mentors=123']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--template: expected KIND=ID with KIND one of mentor-matched/);
  });

  it('names a results folder with no notify.json', async () => {
    const run = await runCli(['notify', '--results', tempDir(), ...templateArgs, '--dry-run']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no notify\.json here/);
  });
});
