import { generateMentorMatchData } from '@mentor-matcher/sample-data';
import { writeCsv } from '@mentor-matcher/tabular';
import { z } from 'zod';
import { exitCodes } from '../exit-codes.js';
import { parseOptions } from '../parse-options.js';
import { planOutput, ReplacingWriter } from '../safe-output.js';
import { printable } from '../terminal-text.js';
import type { Command } from './command.js';

const usage = `Usage: mentor-matcher generate --mentors N --mentees N [--seed S] --out DIR

Writes synthetic sign-ups in the Mentor Match format (DIR/mentors.csv, DIR/mentees.csv).
The same seed always gives the same files. No real people.
`;

const count = (what: string) =>
  z
    .string({ error: `is required: how many ${what}` })
    .regex(/^\d+$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().max(1_000_000, 'expected at most 1,000,000'));

const schema = z.object({
  mentors: count('mentors'),
  mentees: count('mentees'),
  seed: z
    .string()
    .regex(/^-?\d+$/, 'expected a whole number')
    .transform(Number)
    .default(1),
  out: z.string({ error: 'is required: the folder to write to' }).min(1, 'expected a folder name'),
  help: z.boolean().default(false),
});

const spec = {
  mentors: { type: 'string' },
  mentees: { type: 'string' },
  seed: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const generateCommand: Command = {
  summary: 'write seeded synthetic sign-ups in the Mentor Match format',
  usage,
  async run(args, io) {
    const options = parseOptions(args, spec, schema, usage);
    const { mentors, mentees } = generateMentorMatchData({
      mentors: options.mentors,
      mentees: options.mentees,
      seed: options.seed,
    });
    // The same care as match's results: a planted link is replaced, never written through.
    const { dir, replaced } = planOutput(io.cwd, options.out, ['mentors.csv', 'mentees.csv'], []);
    const writer = new ReplacingWriter(dir);
    writer.add('mentors.csv', writeCsv(mentors));
    writer.add('mentees.csv', writeCsv(mentees));
    writer.commit();
    const to = printable(options.out);
    if (replaced.length > 0) io.stderr(`Replaced in ${to}: ${replaced.join(', ')}\n`);
    io.stdout(
      `Wrote ${mentors.rows.length} mentors and ${mentees.rows.length} mentees (seed ${options.seed}) to ${to}\n`,
    );
    return exitCodes.ok;
  },
};
