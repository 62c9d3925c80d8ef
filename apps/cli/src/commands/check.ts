import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { aliasTable, checkTables } from '@mentor-matcher/engine';
import { writeCsv } from '@mentor-matcher/tabular';
import { z } from 'zod';
import { InputError } from '../cli-errors.js';
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
import { countLine, problemReport } from '../problem-lines.js';
import { createProgress } from '../progress.js';
import { loadRuleSet } from '../rule-set.js';
import { planOutput, ReplacingWriter } from '../safe-output.js';
import { printable } from '../terminal-text.js';
import type { Command } from './command.js';

const usage = `Usage: mentor-matcher check (--mentors FILE --mentees FILE | --people FILE [--role-column NAME])
                             [--sheet NAME] [--preset NAME | --rules FILE] [--column FIELD=HEADER ...]
                             [--aliases FILE] [--duplicates POLICY] [--skip-invalid-rows]
                             [--write-aliases FILE] [--quiet]

Checks the input without matching: missing columns, duplicate emails, blank rows, values outside a
ladder, near-duplicate categories and likely aliases, capacity against demand, people with no
possible partner. The input options are match's (see "mentor-matcher match --help").

  --write-aliases FILE   write the suggested aliases (field,value,canonical) to FILE, to edit and
                         give to match as --aliases FILE

Exit status: 0 no errors (warnings may be listed), 1 errors found (all listed), 2 wrong command line.
`;

const schema = z.object({
  ...inputOptionShape,
  'write-aliases': z.string().min(1, 'expected a file name').optional(),
});

const spec = { ...inputOptionSpec, 'write-aliases': { type: 'string' } } as const;

export const checkCommand: Command = {
  summary: 'check the input and list every problem, without matching',
  usage,
  async run(args, io) {
    const options = parseOptions(args, spec, schema, usage);
    checkInputCombination(options, usage);
    const aliasFile = options['write-aliases'];
    // The suggestions file is checked before any work: it must not replace an input.
    if (aliasFile !== undefined) planAliasFile(io.cwd, aliasFile, inputPaths(options), false);
    const progress = createProgress(io, options.quiet);
    const ruleSet = loadRuleSet(io.cwd, options, usage);
    const input = readMatchInput(io.cwd, options);
    const report = checkTables(input, {
      ruleSet,
      ...readingOptions(io.cwd, options, input, ruleSet),
      onProgress: progress.update,
      memoryLimitBytes: memoryLimitBytes(),
    });
    progress.done();
    io.stdout(problemReport(report.problems) + memoryAdviceFor(report.problems));
    const skipped = report.skipped.length;
    io.stdout(
      `${report.mentors} mentors, ${report.mentees} mentees: ${countLine(report.problems)}.` +
        `${skipped > 0 ? ` ${skipped} input row${skipped === 1 ? '' : 's'} would not be used.` : ''}\n`,
    );
    if (aliasFile !== undefined) {
      const dir = planAliasFile(io.cwd, aliasFile, inputPaths(options), true);
      const writer = new ReplacingWriter(dir);
      try {
        writer.add(basename(aliasFile), writeCsv(aliasTable(report.aliasSuggestions)));
        writer.commit();
      } finally {
        writer.abort();
      }
      const n = report.aliasSuggestions.length;
      io.stdout(`Wrote ${n} suggested alias${n === 1 ? '' : 'es'} to ${printable(aliasFile)}\n`);
    }
    return report.problems.some((p) => p.severity === 'error') ? exitCodes.inputProblems : exitCodes.ok;
  },
};

/** The folder to write the suggestions in, after checking that the file replaces no input. */
function planAliasFile(cwd: string, file: string, inputs: readonly string[], create: boolean): string {
  const shown = printable(file);
  if (existsSync(resolve(cwd, file)) && statSync(resolve(cwd, file)).isDirectory()) {
    throw new InputError(
      `--write-aliases ${shown} is a folder; give the file to write, e.g. --write-aliases ${printable(join(file, 'aliases.csv'))}`,
    );
  }
  try {
    return planOutput(cwd, dirname(file), [basename(file)], inputs, { create }).dir;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    if (/would overwrite the input/.test(error.message)) {
      throw new InputError(`--write-aliases ${shown} would overwrite an input; choose another file name`);
    }
    // planOutput speaks of the results folder and --out; here it is one file.
    const results = `cannot write the results to ${printable(dirname(file))}`;
    if (!error.message.startsWith(results)) throw error;
    throw new InputError(
      `cannot write --write-aliases ${shown}${error.message.slice(results.length).replace('another --out folder', 'another file name')}`,
    );
  }
}
