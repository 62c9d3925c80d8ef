import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  messageKinds,
  messagesFromNotifyFile,
  notifyFileSchema,
  planSends,
  type MessageKind,
  type Messages,
  type Recipient,
  type SendCounts,
  type SendPlan,
  type Templates,
} from '@mentor-matcher/notify';
import {
  NotifyConfigError,
  notifyBaseUrlProblem,
  parseApiKey,
  priorFromLog,
  readSendLog,
  resultIdentity,
  sendMessages,
  type SendReport,
} from '@mentor-matcher/notify/node';
import { z } from 'zod';
import { InputError, UsageError } from '../cli-errors.js';
import { exitCodes } from '../exit-codes.js';
import { withRedaction, type CliIo } from '../io.js';
import { parseOptions, rejectOption } from '../parse-options.js';
import { notifyFileName } from '../results-writer.js';
import { printable } from '../terminal-text.js';
import type { Command } from './command.js';
import { notifySummary, notifyUsage as usage, sendLogFileName } from './notify-usage.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const schema = z.object({
  results: z.string({ error: 'is required: the folder a match wrote' }).min(1, 'expected a folder'),
  template: z
    .array(z.string(), { error: 'is required: give at least one KIND=ID' })
    .min(1, 'is required: give at least one KIND=ID'),
  'reply-to': z.string().regex(uuid, 'expected a Notify reply-to id (a 36-character id)').optional(),
  'dry-run': z.boolean().default(false),
  'retry-failed': z.boolean().default(false),
  timeout: z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'expected a number of seconds, such as 30')
    .transform(Number)
    .refine((s) => s > 0 && s <= 600, 'expected more than 0 and at most 600 seconds')
    .optional(),
  'base-url': z
    .string()
    .refine((url) => notifyBaseUrlProblem(url) === null, {
      error: (issue) => notifyBaseUrlProblem(String(issue.input)) ?? '',
    })
    .optional(),
  'api-key-file': z.string().min(1, 'expected a file name').optional(),
  quiet: z.boolean().default(false),
  help: z.boolean().default(false),
});

const spec = {
  results: { type: 'string' },
  template: { type: 'string', multiple: true },
  'reply-to': { type: 'string' },
  'dry-run': { type: 'boolean' },
  'retry-failed': { type: 'boolean' },
  timeout: { type: 'string' },
  'base-url': { type: 'string' },
  'api-key-file': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const notifyCommand: Command = {
  summary: notifySummary,
  usage,
  async run(args, io) {
    try {
      return await send(args, io);
    } catch (error) {
      // A key, address or send log that cannot be used is the user's to fix, like any input.
      if (error instanceof NotifyConfigError) throw new InputError(error.message);
      throw error;
    }
  },
};

async function send(args: readonly string[], io: CliIo): Promise<number> {
  rejectOption(
    args,
    'api-key',
    'a key typed on the command line is kept in shell history and shown to other users in the process list; ' +
      'set NOTIFY_API_KEY or use --api-key-file FILE',
    usage,
  );
  const options = parseOptions(args, spec, schema, usage);
  const templates = parseTemplates(options.template);
  const messages = readMessages(io.cwd, options.results);
  const logFile = join(resolve(io.cwd, options.results), sendLogFileName);
  if (options['dry-run']) return dryRun(io, messages, templates, logFile, options['retry-failed']);

  const apiKey = readApiKey(io, options['api-key-file']);
  const safeIo = withRedaction(io, [apiKey, parseApiKey(apiKey, keySource(options['api-key-file'])).secret]);
  const report = await sendMessages(messages, {
    apiKey,
    templates,
    logFile,
    baseUrl: options['base-url'],
    replyToId: options['reply-to'],
    retryFailed: options['retry-failed'],
    requestTimeoutMs: options.timeout === undefined ? undefined : options.timeout * 1_000,
    signal: io.interruptSignal(),
    onEvent: (event) => {
      if (event.type === 'unreadable-log-lines') {
        safeIo.stderr(
          `warning: ${sendLogFileName} lines ${event.lines.join(', ')} are unreadable (cut short?) ` +
            'and were ignored\n',
        );
      } else if (options.quiet) {
        return;
      } else if (event.type === 'refused') {
        safeIo.stderr(`refused by GOV.UK Notify: ${person(event.recipient)}: ${printable(event.reason)}\n`);
      } else if (event.type === 'retry') {
        safeIo.stderr(
          `${printable(event.reason)}; retrying ${person(event.recipient)} ` +
            `in ${(event.delayMs / 1000).toFixed(1)} s\n`,
        );
      } else if (event.type === 'sent' && (event.done % 50 === 0 || event.done === event.total)) {
        safeIo.stderr(`sent ${event.done} of ${event.total}\n`);
      }
    },
  });
  safeIo.stdout(`${sendSummary(report, messages).join('\n')}\n`);
  return finish(safeIo, report);
}

function finish(io: CliIo, report: SendReport): number {
  const unconfirmed =
    report.unconfirmed > 0
      ? ` ${count(report.unconfirmed, 'message')} had no answer yet; ` +
        'the next run asks Notify whether they arrived before sending them.'
      : '';
  if (report.stoppedBy) {
    io.stderr(
      `error: ${printable(report.stoppedBy.message)}\n` +
        `Stopped. Everyone sent so far is in ${sendLogFileName};${unconfirmed} ` +
        'Run the same command again to send the rest.\n',
    );
    return exitCodes.inputProblems;
  }
  if (report.cancelled) {
    io.stderr(
      `Interrupted. Everyone sent so far is in ${sendLogFileName};${unconfirmed} ` +
        'Run the same command again to send the rest.\n',
    );
    return exitCodes.interrupted;
  }
  const { plan } = report;
  return report.refused.length + plan.invalid.length + plan.failedEarlier.length > 0
    ? exitCodes.inputProblems
    : exitCodes.ok;
}

function sendSummary(report: SendReport, messages: Messages): string[] {
  const { plan } = report;
  const lines = [`Sent ${report.sent} of ${plan.sends.length} emails.`, countsLine(plan.counts)];
  if (report.confirmed > 0) {
    lines.push(
      `${count(report.confirmed, 'message')} from an interrupted earlier run had reached Notify ` +
        '(found by reference), not sent again.',
    );
  }
  if (report.result.earlier.length > 0) lines.push(rematchLine());
  if (report.refused.length > 0) {
    lines.push(`Refused by GOV.UK Notify (not sent; correct them, then run again with --retry-failed):`);
    for (const r of report.refused) lines.push(`  ${person(r.recipient)}, ${r.kind}: ${printable(r.reason)}`);
  }
  lines.push(
    ...failedEarlierLines(plan),
    ...invalidLines(plan),
    ...withoutTemplateLines(plan.withoutTemplate),
    ...skippedLines(messages),
  );
  return lines;
}

function countsLine(counts: SendCounts): string {
  const parts = [
    `${counts.new} new`,
    `${counts.changed} changed since an earlier run`,
    `${counts.alreadySent} already sent (not sent again)`,
  ];
  if (counts.unconfirmed > 0)
    parts.push(`${counts.unconfirmed} left unconfirmed by an interrupted run (looked up at Notify first)`);
  if (counts.retried > 0) parts.push(`${counts.retried} refused before and tried again`);
  return `Messages: ${parts.join(', ')}.`;
}

function rematchLine(): string {
  return (
    `${sendLogFileName} also records sends for an earlier match result in this folder. ` +
    'Messages are compared by content: ' +
    'unchanged ones are not sent again, changed ones are sent.'
  );
}

function failedEarlierLines(plan: SendPlan): string[] {
  if (plan.failedEarlier.length === 0) return [];
  return [
    `Refused by GOV.UK Notify in an earlier run, not tried again (add --retry-failed to try them again):`,
    ...plan.failedEarlier.map(
      (s) => `  ${person(s.recipient)}, ${s.kind}: ${s.prior.state === 'failed' ? printable(s.prior.reason) : ''}`,
    ),
  ];
}

function invalidLines(plan: SendPlan): string[] {
  if (plan.invalid.length === 0) return [];
  return [
    'Not sent: email addresses GOV.UK Notify would refuse (correct them in the input and match again):',
    ...plan.invalid.map((i) => `  ${person(i.recipient)}${rowOf(i.recipient)}, ${i.kind}: ${printable(i.reason)}`),
  ];
}

function person(recipient: Recipient): string {
  return `${printable(recipient.name)} <${printable(recipient.email)}>`;
}

function rowOf(recipient: Recipient): string {
  return recipient.source !== undefined && recipient.row !== undefined
    ? ` (${printable(recipient.source)} row ${recipient.row})`
    : '';
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function parseTemplates(values: readonly string[]): Templates {
  const templates: Templates = {};
  for (const value of values) {
    const [kind, id, ...rest] = value.split('=');
    if (!(messageKinds as readonly string[]).includes(kind) || id === undefined || rest.length > 0) {
      throw new UsageError(
        `--template: expected KIND=ID with KIND one of ${messageKinds.join(', ')}, got "${printable(value)}"`,
        usage,
      );
    }
    if (!uuid.test(id.trim())) {
      throw new UsageError(
        `--template ${kind}: expected a Notify template id (a 36-character id), got "${printable(id)}"`,
        usage,
      );
    }
    if (templates[kind as MessageKind]) throw new UsageError(`--template: ${kind} is given twice`, usage);
    templates[kind as MessageKind] = id.trim();
  }
  return templates;
}

function readMessages(cwd: string, results: string): Messages {
  const file = join(resolve(cwd, results), notifyFileName);
  if (!existsSync(file))
    throw new InputError(
      `${results}: no ${notifyFileName} here; give the folder that "mentor-matcher match --out" wrote`,
    );
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new InputError(`${join(results, notifyFileName)}: not valid JSON; run the match again to rewrite it`);
  }
  const parsed = notifyFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      `${join(results, notifyFileName)}: ${issue.path.map(String).join('.')}: ${issue.message}; ` +
        'run the match again to rewrite it',
    );
  }
  return messagesFromNotifyFile(parsed.data);
}

function keySource(file: string | undefined): string {
  return file === undefined ? 'NOTIFY_API_KEY' : `the key in ${file}`;
}

function readApiKey(io: CliIo, file: string | undefined): string {
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(resolve(io.cwd, file), 'utf8');
    } catch {
      throw new InputError(`cannot read the API key file ${file}`);
    }
    const key = text.trim();
    if (key === '') throw new InputError(`the API key file ${file} is empty`);
    parseApiKey(key, keySource(file));
    return key;
  }
  const key = io.env.NOTIFY_API_KEY?.trim();
  if (!key)
    throw new InputError(
      'no API key: set NOTIFY_API_KEY, or give --api-key-file FILE (or use --dry-run to send nothing)',
    );
  parseApiKey(key, keySource(file));
  return key;
}

function dryRun(io: CliIo, messages: Messages, templates: Templates, logFile: string, retryFailed: boolean): number {
  const log = readSendLog(logFile);
  const plan = planSends(messages, templates, priorFromLog(log), { retryFailed });
  const lines = plan.sends.map((s) => {
    const why =
      s.prior.state === 'unconfirmed'
        ? ' (if Notify has no record of it: an earlier run was interrupted sending it)'
        : '';
    const changed = s.prior.state === 'changed' ? ' (changed)' : '';
    return `would send ${s.kind} (template ${s.template}) to ${person(s.recipient)}${changed}${why}`;
  });
  lines.push(`Dry run: ${plan.sends.length} emails would be sent; nothing was sent.`, countsLine(plan.counts));
  if (log.results.some((r) => r !== resultIdentity(messages))) lines.push(rematchLine());
  lines.push(
    ...failedEarlierLines(plan),
    ...invalidLines(plan),
    ...withoutTemplateLines(plan.withoutTemplate),
    ...skippedLines(messages),
  );
  io.stdout(`${lines.join('\n')}\n`);
  return exitCodes.ok;
}

function withoutTemplateLines(withoutTemplate: Partial<Record<MessageKind, number>>): string[] {
  return Object.entries(withoutTemplate).map(
    ([kind, n]) => `No template for ${kind}: ${n} ${n === 1 ? 'person' : 'people'} not emailed.`,
  );
}

function skippedLines(messages: Messages): string[] {
  return messages.skipped.map((s) => `Not emailed (${printable(s.reason)}): ${printable(s.name)} (${s.role}).`);
}
