// The bad-input catalogue's cases (catalogue-cases.ts, whose header lists each case and what a
// coordinator gets) run through the engine API (the tabular readers + parseRuleSet + matchTables, as
// the add-in does) and through the CLI (`mentor-matcher match`); both must agree. Everyone is
// accounted for whenever a run succeeds, and no case prints a stack trace.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  getPreset,
  matchTables,
  parseRuleSet,
  type InputProblem,
  type MatchInput,
  type MatchRun,
  type RuleSet,
} from '@mentor-matcher/engine';
import { createSolver, type Solver } from '@mentor-matcher/solver';
import { readCsv, readXlsx, TableReadError, type Table } from '@mentor-matcher/tabular';
import { runCli } from '../run-cli.js';
import { cases, materialise, type Case, type Fixture } from './catalogue-cases.js';

const preset = getPreset('mentor-match');

let solver: Solver;
beforeAll(async () => {
  solver = await createSolver();
});

/** How a problem reads, wherever it is shown: message plus table, row, column and value. */
const problemText = (p: InputProblem) =>
  [p.message, p.table, p.row !== undefined ? `row ${p.row}` : '', p.column, p.value ?? ''].join(' | ');

function readTable(cwd: string, file: string, sheet: string | undefined): Table {
  const bytes = readFileSync(join(cwd, file));
  return file.endsWith('.xlsx')
    ? readXlsx(bytes, { source: file, ...(sheet ? { sheet } : {}) })
    : readCsv(bytes, { source: file });
}

/** The engine path: what the add-in does with the same files. Read errors and rule-set problems are messages too. */
function runEngine(cwd: string, fixture: Fixture): { run?: MatchRun; text: string } {
  const arg = (name: string) => {
    const i = fixture.args.indexOf(name);
    return i >= 0 ? fixture.args[i + 1] : undefined;
  };
  let ruleSet: RuleSet = preset;
  const rulesFile = arg('--rules');
  if (rulesFile) {
    const parsed = parseRuleSet(readFileSync(join(cwd, rulesFile), 'utf8'));
    if (!parsed.ok) return { text: `${rulesFile}: ${parsed.problems.map(problemText).join('\n')}` };
    ruleSet = parsed.ruleSet;
  }
  let input: MatchInput;
  try {
    const people = arg('--people');
    input =
      people !== undefined
        ? { kind: 'one-table', people: readTable(cwd, people, arg('--sheet')), roleColumn: arg('--role-column')! }
        : {
            kind: 'two-tables',
            mentors: readTable(cwd, arg('--mentors')!, arg('--sheet')),
            mentees: readTable(cwd, arg('--mentees')!, arg('--sheet')),
          };
  } catch (error) {
    if (error instanceof TableReadError) return { text: error.message };
    throw error;
  }
  const run = matchTables(input, { ruleSet, solver });
  return { run, text: run.problems.map(problemText).join('\n') };
}

function expectSays(text: string, says: Case['says']): void {
  for (const s of says ?? []) {
    if (typeof s === 'string') expect(text).toContain(s);
    else expect(text).toMatch(s);
  }
}

function outputEmails(dir: string, file: string): string[] {
  const table = readCsv(readFileSync(join(dir, file)), { source: file });
  const column = table.header.indexOf('email address');
  return table.rows.map((row) =>
    String(row[column] ?? '')
      .trim()
      .toLowerCase(),
  );
}

describe('bad input catalogue', () => {
  describe.each(cases)('$name', (testCase) => {
    let fixture: Fixture;
    let cwd: string;
    beforeAll(() => {
      fixture = testCase.build();
      cwd = materialise(fixture);
      testCase.prepare?.(cwd);
    });

    if (!testCase.cliOnly)
      it(`engine: ${testCase.exit === 0 ? 'matches' : 'stops'} and says what is wrong`, () => {
        const engine = runEngine(cwd, fixture);
        expectSays(engine.text, testCase.says);
        expect(engine.run?.ok ?? false).toBe(testCase.exit === 0);
        if (engine.run?.ok) {
          const { result } = engine.run;
          const ids = (side: typeof result.mentors) => side.map((o) => o.participant.id);
          for (const email of fixture.people.mentors) expect(ids(result.mentors)).toContain(email.trim().toLowerCase());
          for (const email of fixture.people.mentees) expect(ids(result.mentees)).toContain(email.trim().toLowerCase());
          for (const outcome of [...result.mentors, ...result.mentees])
            expect(outcome.partners.length > 0 || outcome.reason !== null).toBe(true);
          testCase.verify?.(engine.run);
        }
      });

    it(`CLI: exit ${testCase.exit}, the same message, no stack trace, everyone in the output`, async () => {
      const out = testCase.out ?? 'out';
      if (testCase.out === undefined) mkdirSync(join(cwd, out), { recursive: true });
      const run = await runCli(['match', ...fixture.args, '--out', out, '--quiet'], { cwd });
      expect(run.code, run.stderr).toBe(testCase.exit);
      expectSays(run.stderr, testCase.says);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(run.stderr).not.toMatch(/This is a bug/);
      testCase.afterCli?.(cwd, run);
      if (testCase.exit === 0) {
        const dir = join(cwd, out);
        const written = { mentors: outputEmails(dir, 'mentors.csv'), mentees: outputEmails(dir, 'mentees.csv') };
        for (const email of fixture.people.mentors) expect(written.mentors).toContain(email.trim().toLowerCase());
        for (const email of fixture.people.mentees) expect(written.mentees).toContain(email.trim().toLowerCase());
      }
    });
  });
});
