import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { messageKinds, messagesSchema, planSends, type MessageKind, type Messages, type Templates } from '@mentor-matcher/notify';
import { parseApiKey, readSendLog, sendLogKey, sendMessages } from '@mentor-matcher/notify/node';
import { z } from 'zod';
import { InputError, UsageError } from '../cli-errors.js';
import { exitCodes } from '../exit-codes.js';
import { withRedaction, type CliIo } from '../io.js';
import { parseOptions, rejectOption } from '../parse-options.js';
import { notifyFileName } from '../results-writer.js';
import type { Command } from './command.js';

export const sendLogFileName = 'notify-log.jsonl';

const usage = `Usage: mentor-matcher notify --results DIR --template KIND=ID [--template KIND=ID ...]
                              [--reply-to ID] [--dry-run] [--base-url URL] [--api-key-file FILE]

Emails everyone in a match result through GOV.UK Notify, one template per kind:
  mentor-matched, mentor-unmatched, mentee-matched, mentee-unmatched
Kinds without a template are not sent (they are counted in the report).

  --results DIR       a folder written by "mentor-matcher match" (reads its notify.json)
  --template KIND=ID  the Notify template id for a kind (repeat for each kind)
  --reply-to ID       the Notify reply-to email address id
  --dry-run           list what would be sent to whom, and send nothing (no API key needed)
  --base-url URL      another Notify API address (default: GOV.UK Notify)
  --api-key-file FILE read the API key from FILE (default: the NOTIFY_API_KEY environment variable)

Every email sent is logged in DIR/${sendLogFileName}; a re-run skips everyone already emailed, so it is
safe to run again after an error or Ctrl-C.
`;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const schema = z.object({
  results: z.string({ error: 'is required: the folder a match wrote' }).min(1, 'expected a folder'),
  template: z
    .array(z.string(), { error: 'is required: give at least one KIND=ID' })
    .min(1, 'is required: give at least one KIND=ID'),
  'reply-to': z.string().regex(uuid, 'expected a Notify reply-to id (a 36-character id)').optional(),
  'dry-run': z.boolean().default(false),
  'base-url': z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
  'api-key-file': z.string().min(1, 'expected a file name').optional(),
  quiet: z.boolean().default(false),
  help: z.boolean().default(false),
});

const spec = {
  results: { type: 'string' },
  template: { type: 'string', multiple: true },
  'reply-to': { type: 'string' },
  'dry-run': { type: 'boolean' },
  'base-url': { type: 'string' },
  'api-key-file': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const notifyCommand: Command = {
  summary: 'email everyone their result through GOV.UK Notify',
  usage,
  async run(args, io) {
    rejectOption(
      args,
      'api-key',
      'a key typed on the command line is kept in shell history and shown to other users in the process list; set NOTIFY_API_KEY or use --api-key-file FILE',
      usage,
    );
    const options = parseOptions(args, spec, schema, usage);
    const templates = parseTemplates(options.template);
    const messages = readMessages(io.cwd, options.results);
    const logFile = join(resolve(io.cwd, options.results), sendLogFileName);
    if (options['dry-run']) return dryRun(io, messages, templates, logFile);

    const apiKey = readApiKey(io, options['api-key-file']);
    const safeIo = withRedaction(io, [apiKey, parseApiKey(apiKey, keySource(options['api-key-file'])).secret]);
    const report = await sendMessages(messages, {
      apiKey,
      templates,
      logFile,
      baseUrl: options['base-url'],
      replyToId: options['reply-to'],
      signal: io.interruptSignal(),
      onEvent: (event) => {
        if (event.type === 'unreadable-log-lines') {
          safeIo.stderr(`warning: ${sendLogFileName} lines ${event.lines.join(', ')} are unreadable (cut short?) and were ignored\n`);
        } else if (event.type === 'retry') {
          if (!options.quiet) safeIo.stderr(`${event.reason}; retrying ${event.recipient} in ${(event.delayMs / 1000).toFixed(1)} s\n`);
        } else if (!options.quiet && (event.done % 50 === 0 || event.done === event.total)) {
          safeIo.stderr(`sent ${event.done} of ${event.total}\n`);
        }
      },
    });
    const already = messageKinds.reduce((n, k) => n + report.alreadySent[k], 0);
    const lines = [`Sent ${report.sent} of ${report.planned} emails.`];
    if (already > 0) lines.push(`${already} already sent by an earlier run (see ${sendLogFileName}), not sent again.`);
    lines.push(...withoutTemplateLines(report.withoutTemplate), ...skippedLines(messages));
    safeIo.stdout(`${lines.join('\n')}\n`);
    if (report.stoppedBy) {
      safeIo.stderr(`error: ${report.stoppedBy.message}\nStopped. Everyone sent so far is in ${sendLogFileName}; run the same command again to send the rest.\n`);
      return exitCodes.inputProblems;
    }
    if (report.cancelled) {
      safeIo.stderr(`Interrupted. Everyone sent so far is in ${sendLogFileName}; run the same command again to send the rest.\n`);
      return exitCodes.interrupted;
    }
    return exitCodes.ok;
  },
};

function parseTemplates(values: readonly string[]): Templates {
  const templates: Templates = {};
  for (const value of values) {
    const [kind, id, ...rest] = value.split('=');
    if (!(messageKinds as readonly string[]).includes(kind) || id === undefined || rest.length > 0) {
      throw new UsageError(`--template: expected KIND=ID with KIND one of ${messageKinds.join(', ')}, got "${value}"`, usage);
    }
    if (!uuid.test(id.trim())) throw new UsageError(`--template ${kind}: expected a Notify template id (a 36-character id), got "${id}"`, usage);
    if (templates[kind as MessageKind]) throw new UsageError(`--template: ${kind} is given twice`, usage);
    templates[kind as MessageKind] = id.trim();
  }
  return templates;
}

function readMessages(cwd: string, results: string): Messages {
  const file = join(resolve(cwd, results), notifyFileName);
  if (!existsSync(file)) throw new InputError(`${results}: no ${notifyFileName} here; give the folder that "mentor-matcher match --out" wrote`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new InputError(`${join(results, notifyFileName)}: not valid JSON; run the match again to rewrite it`);
  }
  const parsed = messagesSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`${join(results, notifyFileName)}: ${issue.path.map(String).join('.')}: ${issue.message}; run the match again to rewrite it`);
  }
  return parsed.data;
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
  if (!key) throw new InputError('no API key: set NOTIFY_API_KEY, or give --api-key-file FILE (or use --dry-run to send nothing)');
  parseApiKey(key, keySource(file));
  return key;
}

function dryRun(io: CliIo, messages: Messages, templates: Templates, logFile: string): number {
  const log = readSendLog(logFile);
  const plan = planSends(messages, templates, (kind, email) => log.sent.has(sendLogKey(kind, email)));
  const lines = plan.sends.map((s) => `would send ${s.kind} (template ${s.template}) to ${s.recipient.name} <${s.recipient.email}>`);
  const already = messageKinds.reduce((n, k) => n + plan.alreadySent[k], 0);
  lines.push(`Dry run: ${plan.sends.length} emails would be sent; nothing was sent.`);
  if (already > 0) lines.push(`${already} already sent by an earlier run, not sent again.`);
  lines.push(...withoutTemplateLines(plan.withoutTemplate), ...skippedLines(messages));
  io.stdout(`${lines.join('\n')}\n`);
  return exitCodes.ok;
}

function withoutTemplateLines(withoutTemplate: Partial<Record<MessageKind, number>>): string[] {
  return Object.entries(withoutTemplate).map(([kind, n]) => `No template for ${kind}: ${n} ${n === 1 ? 'person' : 'people'} not emailed.`);
}

function skippedLines(messages: Messages): string[] {
  return messages.skipped.map((s) => `Not emailed (${s.reason}): ${s.name} (${s.role}).`);
}
