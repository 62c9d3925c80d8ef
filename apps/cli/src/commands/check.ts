import { checkTables } from '@mentor-matcher/engine';
import { z } from 'zod';
import { exitCodes } from '../exit-codes.js';
import { checkInputCombination, inputOptionShape, inputOptionSpec, readMatchInput } from '../match-input.js';
import { memoryAdviceFor, memoryLimitBytes } from '../memory-limit.js';
import { parseOptions } from '../parse-options.js';
import { countLine, problemReport } from '../problem-lines.js';
import { createProgress } from '../progress.js';
import { loadRuleSet } from '../rule-set.js';
import type { Command } from './command.js';

const usage = `Usage: mentor-matcher check (--mentors FILE --mentees FILE | --people FILE --role-column NAME)
                             [--sheet NAME] [--preset NAME | --rules FILE] [--quiet]

Checks the input without matching: missing columns, duplicate emails, blank rows, values outside a
ladder, near-duplicate categories, capacity against demand, people with no possible partner.

Exit status: 0 no errors (warnings may be listed), 1 errors found (all listed), 2 wrong command line.
`;

export const checkCommand: Command = {
  summary: 'check the input and list every problem, without matching',
  usage,
  async run(args, io) {
    const options = parseOptions(args, inputOptionSpec, z.object(inputOptionShape), usage);
    checkInputCombination(options, usage);
    const progress = createProgress(io, options.quiet);
    const ruleSet = loadRuleSet(io.cwd, options, usage);
    const input = readMatchInput(io.cwd, options);
    const report = checkTables(input, { ruleSet, onProgress: progress.update, memoryLimitBytes: memoryLimitBytes() });
    progress.done();
    io.stdout(problemReport(report.problems) + memoryAdviceFor(report.problems));
    io.stdout(`${report.mentors} mentors, ${report.mentees} mentees: ${countLine(report.problems)}.\n`);
    return report.problems.some((p) => p.severity === 'error') ? exitCodes.inputProblems : exitCodes.ok;
  },
};
