import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  messagesFromNotifyFile,
  notifyFileSchema,
  type CompactMessageFile,
  type MessageKind,
  type Messages,
} from '@mentor-matcher/notify';
import {
  accept,
  acceptSilently,
  ignore,
  refuse,
  startFakeNotifyServer,
  testApiKey,
  testApiSecret,
  type FakeNotifyServer,
  type Responder,
} from '@mentor-matcher/notify/testing';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli, sampleMentees, sampleMentors, tempDir } from './run-cli.js';

const ids = {
  'mentor-matched': '11111111-1111-4111-8111-111111111111',
  'mentor-unmatched': '22222222-2222-4222-8222-222222222222',
  'mentee-matched': '33333333-3333-4333-8333-333333333333',
  'mentee-unmatched': '44444444-4444-4444-8444-444444444444',
};
const templateArgs = Object.entries(ids).flatMap(([kind, id]) => ['--template', `${kind}=${id}`]);
const withKey = { env: { NOTIFY_API_KEY: testApiKey } };

let resultsDir: string;
let notify: { mentorMatched: number; total: number };
const servers: FakeNotifyServer[] = [];

beforeAll(async () => {
  const cwd = tempDir();
  await runCli(['match', '--mentors', sampleMentors, '--mentees', sampleMentees, '--out', 'results', '--quiet'], {
    cwd,
  });
  resultsDir = join(cwd, 'results');
  const json = readNotifyJson(resultsDir);
  const lists = Object.values(json.lists);
  notify = {
    mentorMatched: json.lists['mentor-matched'].recipients.length,
    total: lists.reduce((n, l) => n + l.recipients.length, 0),
  };
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const readStored = (dir: string) => JSON.parse(readFileSync(join(dir, 'notify.json'), 'utf8')) as CompactMessageFile;

/** The messages as sent, from the results folder's notify.json. */
function readNotifyJson(dir: string): Messages {
  return messagesFromNotifyFile(notifyFileSchema.parse(readStored(dir)));
}

/** notify.json holds each person once; this is the one who gets the index-th message of that kind. */
function personOf(stored: CompactMessageFile, kind: MessageKind, index: number) {
  const [role, outcome] = kind.split('-');
  const people = stored.people[role as 'mentor' | 'mentee'];
  const recipients = people.filter(
    (p) =>
      (p.email ?? p.id).trim() !== '' &&
      p.recipient !== false &&
      (p.partners !== undefined) === (outcome === 'matched'),
  );
  return recipients[index];
}

/** A fresh copy of the results folder, so that each test starts with an empty send log. */
function freshResults(edit?: (stored: CompactMessageFile) => void): string {
  const dir = tempDir();
  for (const file of readdirSync(resultsDir)) writeFileSync(join(dir, file), readFileSync(join(resultsDir, file)));
  if (edit) {
    const stored = readStored(dir);
    edit(stored);
    writeFileSync(join(dir, 'notify.json'), JSON.stringify(stored));
  }
  return dir;
}

async function server(responder?: Responder) {
  const s = await startFakeNotifyServer(responder);
  servers.push(s);
  return s;
}

/** Notify accepted every planned message exactly once. */
function expectEachOnce(fake: FakeNotifyServer, total = notify.total): void {
  const counts = fake.acceptedCounts();
  expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
  expect(counts.size).toBe(total);
}

const logLines = (dir: string) =>
  readFileSync(join(dir, 'notify-log.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('mentor-matcher notify', () => {
  it('sends every person the template for their kind, signed with a Bearer JWT', async () => {
    const fake = await server();
    const dir = freshResults();
    const run = await runCli(['notify', '--results', dir, ...templateArgs, '--base-url', fake.url, '--quiet'], withKey);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(fake.sends).toHaveLength(notify.total);
    const json = readNotifyJson(dir);
    for (const [kind, id] of Object.entries(ids) as [MessageKind, string][]) {
      const expected = json.lists[kind].recipients.map((r) => r.email).sort();
      expect(
        fake.sends
          .filter((r) => r.body.template_id === id)
          .map((r) => r.body.email_address)
          .sort(),
      ).toEqual(expected);
    }
    const first = json.lists['mentee-matched'].recipients[0];
    const sent = fake.sends.find(
      (r) => r.body.email_address === first.email && r.body.template_id === ids['mentee-matched'],
    );
    expect(sent?.body.personalisation).toEqual(first.personalisation);
    for (const r of fake.sends) expect(r.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    expect(run.stdout).toMatch(
      new RegExp(`^Sent ${notify.total} of ${notify.total} emails\\.\\nMessages: ${notify.total} new, 0 changed`),
    );
  });

  it('reads the key from --api-key-file', async () => {
    const fake = await server();
    const dir = freshResults();
    const keyFile = join(tempDir(), 'key.txt');
    writeFileSync(keyFile, `${testApiKey}\n`);
    const run = await runCli([
      'notify',
      '--results',
      dir,
      ...templateArgs,
      '--base-url',
      fake.url,
      '--api-key-file',
      keyFile,
      '-q',
    ]);
    expect(run.code).toBe(0);
    expect(fake.sends).toHaveLength(notify.total);
  });

  it('sends nobody anything twice when re-run after an interruption half way', async () => {
    const interrupt = new AbortController();
    const fake = await server((_r, i) => {
      if (i === 9) interrupt.abort();
      return accept;
    });
    const dir = freshResults();
    const args = ['notify', '--results', dir, ...templateArgs, '--base-url', fake.url, '-q'];
    const first = await runCli(args, { ...withKey, interrupt });
    expect(first.code).toBe(130);
    expect(first.stderr).toMatch(/Interrupted\. .*Run the same command again/);
    const sentFirst = fake.sends.length;
    expect(sentFirst).toBeGreaterThanOrEqual(10);
    expect(sentFirst).toBeLessThan(notify.total);
    const second = await runCli(args, withKey);
    expect(second.code).toBe(0);
    expectEachOnce(fake);
    expect(second.stdout).toMatch(new RegExp(`${sentFirst} already sent \\(not sent again\\)`));
  });

  it('stops at once on 403 with Notify’s own message, exit 1', async () => {
    const fake = await server(() => refuse(403, 'AuthError', 'Invalid token: API key not found'));
    const run = await runCli(['notify', '--results', freshResults(), ...templateArgs, '--base-url', fake.url], withKey);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: GOV\.UK Notify answered 403: AuthError: Invalid token: API key not found$/m);
    expect(fake.sends.length).toBeLessThanOrEqual(4);
  });

  it('never shows or stores the key: stdout, stderr and every file in the results folder', async () => {
    const fake = await server((_r, i) => (i === 3 ? refuse(400, 'BadRequestError', `rejected ${testApiKey}`) : accept));
    const dir = freshResults();
    const run = await runCli(['notify', '--results', dir, ...templateArgs, '--base-url', fake.url], withKey);
    expect(run.code).toBe(1);
    const everything = [
      run.stdout,
      run.stderr,
      ...readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')),
    ].join('\n');
    expect(everything).not.toContain(testApiSecret);
    expect(everything).not.toContain(testApiKey);
    expect(run.stdout).toContain('[redacted]');
  });

  it('refuses --api-key on the command line and says why', async () => {
    const run = await runCli(['notify', '--results', 'r', ...templateArgs, `--api-key=${testApiKey}`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--api-key is not accepted: .*shell history.*NOTIFY_API_KEY or use --api-key-file/);
    expect(run.stderr).not.toContain(testApiSecret);
  });

  it('lists what would be sent with --dry-run, sending nothing and needing no key', async () => {
    const fake = await server();
    const run = await runCli([
      'notify',
      '--results',
      freshResults(),
      '--template',
      `mentor-matched=${ids['mentor-matched']}`,
      '--dry-run',
      '--base-url',
      fake.url,
    ]);
    expect(run.code).toBe(0);
    expect(fake.sends).toHaveLength(0);
    const wouldSend = run.stdout.split('\n').filter((l) => l.startsWith('would send mentor-matched'));
    expect(wouldSend).toHaveLength(notify.mentorMatched);
    expect(run.stdout).toMatch(/Dry run: \d+ emails would be sent; nothing was sent\./);
    expect(run.stdout).toMatch(
      new RegExp(`Messages: ${notify.mentorMatched} new, 0 changed since an earlier run, 0 already sent`),
    );
    expect(run.stdout).toMatch(/No template for mentee-matched: \d+ people not emailed\./);
  });

  it('asks for a key when none is set', async () => {
    const run = await runCli(['notify', '--results', freshResults(), ...templateArgs]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no API key: set NOTIFY_API_KEY/);
  });

  it('rejects a key of the wrong shape without printing it', async () => {
    const run = await runCli(['notify', '--results', freshResults(), ...templateArgs], {
      env: { NOTIFY_API_KEY: 'wrong-shape-secretvalue123' },
    });
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

describe('mentor-matcher notify after a re-match into the same folder', () => {
  it('sends changed messages, counts new, changed and already sent ones, notes the earlier result', async () => {
    const fake = await server();
    const cwd = tempDir();
    const match = (mentors: string) =>
      runCli(['match', '--mentors', mentors, '--mentees', sampleMentees, '--out', 'results', '--quiet'], { cwd });
    const send = () =>
      runCli(['notify', '--results', join(cwd, 'results'), ...templateArgs, '--base-url', fake.url, '-q'], withKey);
    expect((await match(sampleMentors)).code).toBe(0);
    expect((await send()).code).toBe(0);
    const firstRun = fake.sends.length;

    // A mentor drops out and the programme is matched again into the same folder.
    const [header, , ...rest] = readFileSync(sampleMentors, 'utf8').split('\n');
    const fewerMentors = join(cwd, 'mentors-without-one.csv');
    writeFileSync(fewerMentors, [header, ...rest].join('\n'));
    expect((await match(fewerMentors)).code).toBe(0);

    const dry = await runCli(['notify', '--results', join(cwd, 'results'), ...templateArgs, '--dry-run'], { cwd });
    const [, fresh, changed] =
      /Messages: (\d+) new, (\d+) changed since an earlier run, (\d+) already sent/.exec(dry.stdout) ?? [];
    expect(Number(changed)).toBeGreaterThan(0);
    expect(dry.stdout).toMatch(/also records sends for an earlier match result/);

    const second = await send();
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(new RegExp(`Messages: ${fresh} new, ${changed} changed since an earlier run`));
    expect(second.stdout).toMatch(/also records sends for an earlier match result/);
    expect(fake.sends.length - firstRun).toBe(Number(fresh) + Number(changed));
    // Nobody got the same message (template, address and content) twice.
    const contents = fake.notifications.map((n) => JSON.stringify([n.template_id, n.email_address, n.personalisation]));
    expect(new Set(contents).size).toBe(contents.length);
  });
});

describe('mentor-matcher notify with a slow or unwell Notify', () => {
  it('gets past a request that was accepted but never answered, by asking Notify, sending it once', async () => {
    const fake = await server((_r, i) => (i === 0 ? acceptSilently : accept));
    const dir = freshResults();
    const run = await runCli(
      ['notify', '--results', dir, ...templateArgs, '--base-url', fake.url, '--timeout', '0.2'],
      withKey,
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/GOV\.UK Notify did not answer within 0\.2 s; retrying .* in \d\.\d s/);
    expect(run.stdout).toMatch(/^Sent \d+ of \d+ emails\./);
    expect(fake.lookups).toHaveLength(1);
    expectEachOnce(fake);
  });

  it('ends after Ctrl-C even when Notify never answers, and says what the next run will check', async () => {
    const interrupt = new AbortController();
    const fake = await server(() => ignore);
    void fake.until(() => fake.sends.length === 4).then(() => interrupt.abort());
    const run = await runCli(
      ['notify', '--results', freshResults(), ...templateArgs, '--base-url', fake.url, '--timeout', '0.3'],
      {
        ...withKey,
        interrupt,
      },
    );
    expect(run.code).toBe(130);
    expect(run.stderr).toMatch(
      /Interrupted\. .* 4 messages had no answer yet; the next run asks Notify whether they arrived/,
    );
  });

  it('stops with a clear message when Notify asks to wait longer than the cap', async () => {
    const fake = await server(() => refuse(429, 'RateLimitError', 'Exceeded rate limit', { 'Retry-After': '3000000' }));
    const run = await runCli(['notify', '--results', freshResults(), ...templateArgs, '--base-url', fake.url], withKey);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^error: GOV\.UK Notify answered 429: .* asked to wait 35 days before trying again \(more than the 5 min/m,
    );
    expect(fake.sends.length).toBeLessThanOrEqual(4);
  });
});

describe('mentor-matcher notify after notify.json came to store each person once', () => {
  // The `run` and `sent` lines of the log that the release before wrote when it sent every message
  // of this sample, matched as above, from a notify.json holding every message in full (version 1),
  // and that release's pairs: among equally good matchings a later solver may choose others, so the
  // sample is matched again keeping them (--previous).
  const earlierLog = readFileSync(new URL('fixtures/notify-log-before-output-once.jsonl', import.meta.url));
  const earlierPairs = new URL('fixtures/pairs-before-output-once.csv', import.meta.url).pathname;

  it('counts every message the earlier release sent as already sent, and the result as the same', async () => {
    const fake = await server();
    const cwd = tempDir();
    const matched = await runCli(
      [
        'match',
        '--mentors',
        sampleMentors,
        '--mentees',
        sampleMentees,
        '--previous',
        earlierPairs,
        '--out',
        'results',
        '--quiet',
      ],
      { cwd },
    );
    expect(matched.stdout).toContain('Kept 105 of 105 earlier pairs.');
    const dir = join(cwd, 'results');
    writeFileSync(join(dir, 'notify-log.jsonl'), earlierLog);
    const dry = await runCli(['notify', '--results', dir, ...templateArgs, '--dry-run']);
    expect(dry.stdout).toContain(`Messages: 0 new, 0 changed since an earlier run, ${notify.total} already sent`);
    expect(dry.stdout).not.toContain('also records sends for an earlier match result');
    const run = await runCli(['notify', '--results', dir, ...templateArgs, '--base-url', fake.url, '-q'], withKey);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Sent 0 of 0 emails\./);
    expect(fake.sends).toHaveLength(0);
  });

  it('still sends from a notify.json that holds every message in full (version 1)', async () => {
    const fake = await server();
    const dir = freshResults();
    const full = readNotifyJson(dir);
    expect(full.version).toBe(1);
    writeFileSync(join(dir, 'notify.json'), JSON.stringify(full, null, 2));
    const run = await runCli(['notify', '--results', dir, ...templateArgs, '--base-url', fake.url, '-q'], withKey);
    expect(run.code).toBe(0);
    expectEachOnce(fake);
  });

  it('names a reference in notify.json to somebody it does not list', async () => {
    const dir = freshResults((stored) => {
      stored.people.mentee[0].partners![0] = 50;
    });
    const run = await runCli(['notify', '--results', dir, ...templateArgs, '--dry-run']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'notify.json: people.mentee.0.partners.0: no mentor at 50 in people (it lists 50, from 0); run the match again',
    );
  });
});

describe('mentor-matcher notify with people Notify refuses', () => {
  it('records a refusal with the person and Notify’s reason, sends the rest, exits 1, retries if asked', async () => {
    const json = readNotifyJson(resultsDir);
    const victim = json.lists['mentee-matched'].recipients[3];
    const refuseVictim: Responder = (r) =>
      r.body.email_address === victim.email
        ? refuse(400, 'BadRequestError', "Can't send to this recipient using a team-only API key")
        : accept;
    const fake = await server(refuseVictim);
    const dir = freshResults();
    const args = ['notify', '--results', dir, ...templateArgs, '--base-url', fake.url, '-q'];
    const first = await runCli(args, withKey);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain(`Sent ${notify.total - 1} of ${notify.total} emails.`);
    expect(first.stdout).toContain(
      `Refused by GOV.UK Notify (not sent; correct them, then run again with --retry-failed):\n` +
        `  ${victim.name} <${victim.email}>, mentee-matched: ` +
        "BadRequestError: Can't send to this recipient using a team-only API key",
    );
    expect(logLines(dir)).toContainEqual(
      expect.objectContaining({ event: 'failed', recipient: victim.email, status: 400 }),
    );

    const second = await runCli(args, withKey);
    expect(second.code).toBe(1);
    expect(second.stdout).toMatch(/^Sent 0 of 0 emails\./);
    expect(second.stdout).toContain('not tried again (add --retry-failed to try them again)');

    fake.respondWith(() => accept);
    const third = await runCli([...args, '--retry-failed'], withKey);
    expect(third.code).toBe(0);
    expect(third.stdout).toMatch(/^Sent 1 of 1 emails\./);
    expectEachOnce(fake);
  });

  it('never sends to an address Notify would refuse, naming the person and their row', async () => {
    const fake = await server();
    const dir = freshResults((stored) => {
      const kind = personOf(stored, 'mentee-unmatched', 0) ? 'mentee-unmatched' : 'mentee-matched';
      Object.assign(personOf(stored, kind, 0), { email: 'jane.doe@gov', name: 'Jane Doe' });
    });
    const run = await runCli(['notify', '--results', dir, ...templateArgs, '--base-url', fake.url, '-q'], withKey);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      new RegExp(
        'Not sent: email addresses GOV\\.UK Notify would refuse .*:\\n' +
          '  Jane Doe <jane\\.doe@gov> \\(mentees\\.csv row \\d+\\), mentee-\\w+: ' +
          'the domain "gov" has no top-level part',
      ),
    );
    expect(fake.sends.map((r) => r.body.email_address)).not.toContain('jane.doe@gov');
    expect(fake.sends).toHaveLength(notify.total - 1);
  });

  it('shows names, addresses and Notify’s words with control characters made visible', async () => {
    const fake = await server((_r, i) =>
      i === 0 ? refuse(400, 'BadRequestError', 'bad\u001b]0;owned\u0007') : accept,
    );
    const dir = freshResults((stored) => {
      personOf(stored, 'mentor-matched', 0).name = 'Evil\u001b[2J\rName';
    });
    const run = await runCli(['notify', '--results', dir, ...templateArgs, '--base-url', fake.url], withKey);
    const output = run.stdout + run.stderr;
    const controls = [...output].filter((c) => c !== '\n' && c !== '\t' && (c < ' ' || c === '\u007f'));
    expect(controls).toEqual([]);
    expect(output).toContain('Evil\\x1B[2J\\x0DName');
    expect(output).toContain('bad\\x1B]0;owned\\x07');
  });
});

describe('mentor-matcher notify refuses unsafe settings and unreadable logs', () => {
  it('refuses a plain-http --base-url to another machine', async () => {
    const run = await runCli(
      ['notify', '--results', freshResults(), ...templateArgs, '--base-url', 'http://notify.example.com'],
      withKey,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /--base-url: must use https \(plain http is allowed only to localhost, 127\.0\.0\.1 or \[::1\]\), got http:\/\/notify\.example\.com\n/,
    );
  });

  it('names a --timeout that is not a number of seconds from 0 to 600', async () => {
    for (const value of ['0', 'soon', '601']) {
      const run = await runCli(['notify', '--results', 'r', ...templateArgs, '--timeout', value]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^mentor-matcher: --timeout: expected /);
    }
  });

  it('names a send log that is a folder, exit 1, for a send and a dry run', async () => {
    const fake = await server();
    const dir = freshResults();
    mkdirSync(join(dir, 'notify-log.jsonl'));
    for (const extra of [[], ['--dry-run']]) {
      const run = await runCli(
        ['notify', '--results', dir, ...templateArgs, '--base-url', fake.url, ...extra],
        withKey,
      );
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(
        /^error: cannot read the send log .*notify-log\.jsonl: it is a folder; move it out of the way/,
      );
    }
    expect(fake.sends).toHaveLength(0);
  });
});

// The real process, killed while requests are in flight: run through tsx from the TypeScript source.
const appRoot = fileURLToPath(new URL('..', import.meta.url));
const tsxLoader = pathToFileURL(
  join(createRequire(import.meta.url).resolve('tsx/package.json'), '..', 'dist', 'loader.mjs'),
).href;

function startCliProcess(args: string[]) {
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', tsxLoader, join(appRoot, 'src/cli.ts'), ...args],
    {
      cwd: tempDir(),
      env: { ...process.env, NODE_OPTIONS: '', NOTIFY_API_KEY: testApiKey },
    },
  );
  let stderr = '';
  const stderrChanged: (() => void)[] = [];
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
    for (const wake of stderrChanged.splice(0)) wake();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))),
  );
  const stderrMatches = async (pattern: RegExp) => {
    while (!pattern.test(stderr)) await new Promise<void>((resolve) => stderrChanged.push(resolve));
  };
  return { child, exited, stderrMatches, stderr: () => stderr };
}

describe('the notify process, killed while Notify holds requests it has accepted but not answered', () => {
  // Notify answers the first 10 requests, then keeps every request without answering: those arrived,
  // but the process cannot know. Each test stops the process there and checks that a re-run sends
  // everybody exactly once.
  const holdAfterTen: Responder = (_r, i) => (i < 10 ? accept : acceptSilently);

  /** A send in its own process, once 14 requests have reached a Notify that answered only 10. */
  async function sendHeldByNotify() {
    const fake = await server(holdAfterTen);
    const dir = freshResults();
    const cli = startCliProcess([
      'notify',
      '--results',
      dir,
      ...templateArgs,
      '--base-url',
      fake.url,
      '--timeout',
      '120',
      '-q',
    ]);
    await fake.until(() => fake.sends.length >= 14);
    return { fake, dir, cli };
  }

  /** With Notify answering again, a re-run succeeds and everybody has each message once. */
  async function rerunWithNotifyAnswering(fake: FakeNotifyServer, dir: string) {
    fake.respondWith(() => accept);
    const rerun = await runCli(['notify', '--results', dir, ...templateArgs, '--base-url', fake.url, '-q'], withKey);
    expect(rerun.code).toBe(0);
    expectEachOnce(fake);
    return rerun;
  }

  it('after Ctrl-C twice (the second quits at once)', async () => {
    const { fake, dir, cli } = await sendHeldByNotify();
    cli.child.kill('SIGINT');
    await cli.stderrMatches(/Ctrl-C again to quit at once/);
    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(130);
    expect(fake.notifications.length).toBeGreaterThan(logLines(dir).filter((l) => l.event === 'sent').length);

    const rerun = await rerunWithNotifyAnswering(fake, dir);
    expect(rerun.stdout).toMatch(
      /4 messages from an interrupted earlier run had reached Notify \(found by reference\), not sent again\./,
    );
  }, 60_000);

  it('after SIGKILL', async () => {
    const { fake, dir, cli } = await sendHeldByNotify();
    cli.child.kill('SIGKILL');
    await cli.exited;
    expect(statSync(join(dir, 'notify-log.jsonl')).size).toBeGreaterThan(0);

    await rerunWithNotifyAnswering(fake, dir);
  }, 60_000);
});
