import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { matchTables, PROBLEMS_SHOWN_PER_KIND, type MatchResult } from '@mentor-matcher/engine';
import { createSolver } from '@mentor-matcher/solver';
import { z } from 'zod';
import { exitCodes } from '../exit-codes.js';
import {
  checkInputCombination,
  inputOptionShape,
  inputOptionSpec,
  inputPaths,
  readingOptions,
  readMatchInput,
} from '../match-input.js';
import { memoryAdviceFor, memoryLimitBytes } from '../memory-limit.js';
import { parseOptions } from '../parse-options.js';
import { readPreviousPairs } from '../previous-pairs.js';
import { countLine, problemReport } from '../problem-lines.js';
import { createProgress } from '../progress.js';
import { mailMergeFileName, resultFileNames, staleFileNames, writeResults } from '../results-writer.js';
import { planOutput } from '../safe-output.js';
import { printable } from '../terminal-text.js';
import { loadRuleSet } from '../rule-set.js';
import type { Command } from './command.js';

const usage = `Usage: mentor-matcher match (--mentors FILE --mentees FILE | --people FILE [--role-column NAME])
                             --out DIR [options]

Matches mentors with mentees and writes the results to DIR.

Input (CSV or XLSX, told apart by their content):
  --mentors FILE, --mentees FILE   one table per side (e.g. the Mentor Match mentors.csv, mentees.csv)
  --people FILE                    one table (a form export); its role column says mentor, mentee or both
  --role-column NAME               the role column, when it is not found by itself
  --sheet NAME                     the XLSX sheet to read (default: a sheet named Mentors or Mentees for
                                   that side, else the first visible one with data)
  --column FIELD=HEADER            which column holds a field (repeatable), e.g. --column "grade=Your grade";
                                   person fields: first name, last name, name, email, role, capacity,
                                   biography, job title, timestamp; the rule set's fields by their names;
                                   FIELD= (no header) reads none, e.g. --column "timestamp="
  --aliases FILE                   value aliases, a CSV with columns field,value,canonical
  --duplicates POLICY              the same email twice on one side: error (default), keep-latest (by the
                                   timestamp column, else the later row) or keep-first
  --skip-invalid-rows              match without the rows that have errors (listed in skipped.csv)
Rules:
  --preset NAME                    a built-in rule set: mentor-match (the default: the reference's rules and
                                   scores), mentor-match-optimal or mentor-match-adjusted
  --rules FILE                     a rule set JSON file
  --strategy optimal|rounds        optimal (default): most mentees matched, then mentors, then score;
                                   rounds: the reference system's three Hungarian rounds
  --previous DIR|FILE              an earlier result (folder or pairs file): keep its pairs where still allowed
Output:
  --out DIR                        where to write the results (created if needed)
  --format csv|xlsx                CSV files (default) or one results.xlsx
  --notify-lists                   also write GOV.UK Notify's bulk upload lists (notify-KIND.csv), for
                                   uploading on Notify's website; "mentor-matcher notify" does not need them
  --mail-merge                     also write mail-merge.csv: each person emailed, with every match's
                                   details and biography in their row, for a mail merge without look-ups
                                   (mentors.csv and mentees.csv hold each biography once, by email)
  -q, --quiet                      no progress on stderr

Exit status: 0 done, 1 problems in the input (all listed), 2 wrong command line.
`;

const schema = z.object({
  ...inputOptionShape,
  out: z.string({ error: 'is required: the folder to write the results to' }).min(1, 'expected a folder name'),
  format: z.enum(['csv', 'xlsx'], { error: 'expected csv or xlsx' }).default('csv'),
  strategy: z.enum(['optimal', 'rounds'], { error: 'expected optimal or rounds' }).optional(),
  previous: z.string().min(1, 'expected a folder or file').optional(),
  'notify-lists': z.boolean().default(false),
  'mail-merge': z.boolean().default(false),
});

const spec = {
  ...inputOptionSpec,
  out: { type: 'string' },
  format: { type: 'string' },
  strategy: { type: 'string' },
  previous: { type: 'string' },
  'notify-lists': { type: 'boolean' },
  'mail-merge': { type: 'boolean' },
} as const;

export const matchCommand: Command = {
  summary: 'match mentors with mentees and write the results',
  usage,
  async run(args, io) {
    const options = parseOptions(args, spec, schema, usage);
    checkInputCombination(options, usage);
    // The results folder is checked before any work: an --out that would overwrite an input stops here.
    const inputs = inputFiles(io.cwd, options);
    const output = { notifyLists: options['notify-lists'], mailMerge: options['mail-merge'] };
    const outputNames = [...resultFileNames(options.format, output), ...staleFileNames(options.format, output)];
    planOutput(io.cwd, options.out, outputNames, inputs, { create: false });
    const progress = createProgress(io, options.quiet);
    progress.update({ phase: 'reading', fraction: 0 });
    const ruleSet = loadRuleSet(io.cwd, options, usage);
    const input = readMatchInput(io.cwd, options);
    const reading = readingOptions(io.cwd, options, input, ruleSet);
    const previousPairs = options.previous !== undefined ? readPreviousPairs(io.cwd, options.previous) : undefined;
    const solver = await createSolver();
    const run = matchTables(input, {
      ruleSet,
      solver,
      ...reading,
      previousPairs,
      onProgress: progress.update,
      memoryLimitBytes: memoryLimitBytes(),
    });
    if (!run.ok) {
      progress.done();
      io.stderr(problemReport(run.problems) + memoryAdviceFor(run.problems));
      io.stderr(`Not matched: ${countLine(run.problems)}. Fix the errors above and run again.\n`);
      return exitCodes.inputProblems;
    }
    progress.update({ phase: 'writing', fraction: 0 });
    const written = writeResults(io.cwd, options.out, run.result, options.format, inputs, output);
    progress.update({ phase: 'writing', fraction: 1 });
    progress.done();
    if (run.problems.length > 0) io.stderr(problemReport(run.problems));
    if (written.replaced.length > 0) {
      io.stderr(`Replaced in ${printable(options.out)}: ${written.replaced.join(', ')}\n`);
    }
    if (written.removed.length > 0) {
      io.stderr(
        `Removed from ${printable(options.out)}: ${written.removed.join(', ')} (${removedNote(written.removed)})\n`,
      );
    }
    const otherFormat = otherFormatFiles(written.dir, options.format);
    if (otherFormat.length > 0) {
      io.stderr(
        `Note: ${printable(options.out)} still holds ${otherFormat.join(', ')} from an earlier run in the other ` +
          'format; they are not this result. Delete them, or write each format to its own folder.\n',
      );
    }
    const { summary } = run.result;
    const rematch = options.previous !== undefined ? rematchReport(run.result, previousPairs?.length ?? 0) : undefined;
    if (rematch?.dropped) io.stderr(printable(rematch.dropped));
    const skipped = run.skipped.length;
    const skippedList = options.format === 'xlsx' ? 'the Skipped sheet' : 'skipped.csv';
    const lines = [
      ...summary.headlines,
      ...(rematch ? [rematch.line] : []),
      ...(skipped > 0
        ? [`${skipped} input row${skipped === 1 ? ' was' : 's were'} not used; see ${skippedList}.`]
        : []),
      `${summary.mentees.matched} of ${summary.mentees.total} mentees and ${summary.mentors.matched} of ${summary.mentors.total} mentors matched (strategy: ${summary.strategy}).`,
      `Wrote ${written.files.join(', ')} to ${printable(options.out)}`,
    ];
    io.stdout(`${printable(lines.join('\n'))}\n`);
    return exitCodes.ok;
  },
};

/** Why files of an earlier result went, and the option that writes them for this one. */
function removedNote(removed: readonly string[]): string {
  const lists = removed.some((file) => file !== mailMergeFileName);
  const merge = removed.includes(mailMergeFileName);
  const what = [lists && 'Notify lists', merge && 'the mail merge'].filter(Boolean).join(' and ');
  const options = [lists && '--notify-lists', merge && '--mail-merge'].filter(Boolean).join(' and ');
  return `${what} of an earlier result; ${options} ${lists && merge ? 'write' : 'writes'} ${lists ? 'them' : 'it'} for this one`;
}

/**
 * Re-matching: how many earlier pairs were kept, and each one that could not be (a person left,
 * the pair no longer allowed), on stderr: people told of a pair must hear that it changed.
 */
function rematchReport(result: MatchResult, earlier: number): { line: string; dropped: string } {
  const kept = result.pairs.filter((pair) => pair.kept).length;
  const dropped = result.droppedEarlierPairs;
  const shown = dropped.slice(0, PROBLEMS_SHOWN_PER_KIND);
  const more = dropped.length - shown.length;
  return {
    line:
      `Kept ${kept} of ${earlier} earlier pair${earlier === 1 ? '' : 's'}` +
      (dropped.length > 0
        ? `; ${dropped.length} could not be kept (see the warnings, and droppedEarlierPairs in summary.json).`
        : '.'),
    dropped:
      shown
        .map(
          (pair) =>
            `warning: the earlier pair ${pair.mentorId} (mentor) and ${pair.menteeId} (mentee) was not kept: ${pair.reason}\n`,
        )
        .join('') +
      (more > 0 ? `warning: and ${more} more earlier pairs not kept (summary.json lists them all)\n` : ''),
  };
}

/** Every file the run reads, so that no output replaces one: the tables, the rule set, the earlier pairs. */
function inputFiles(cwd: string, options: z.infer<typeof schema>): string[] {
  const files = inputPaths(options);
  if (options.previous !== undefined) {
    const full = resolve(cwd, options.previous);
    const isFolder = existsSync(full) && statSync(full).isDirectory();
    const previous = options.previous;
    files.push(...(isFolder ? [join(previous, 'pairs.csv'), join(previous, 'results.xlsx')] : [previous]));
  }
  return files;
}

/**
 * Result files of the other format left in the folder by an earlier run (results.xlsx beside new
 * CSV files, or pairs.csv beside a new results.xlsx): kept, since they may be the coordinator's, but
 * named, so that nobody sends or re-matches from the older result by mistake.
 */
function otherFormatFiles(dir: string, format: 'csv' | 'xlsx'): string[] {
  const other = format === 'xlsx' ? ['pairs.csv'] : ['results.xlsx'];
  return other.filter((name) => existsSync(join(dir, name)));
}
