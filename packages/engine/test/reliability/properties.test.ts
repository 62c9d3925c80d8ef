// Property-based tests (fast-check) of the whole pipeline on random tables and rule sets: whatever
// the input, either the run stops with problems, or its result keeps every capacity, lock and
// exclusion and accounts for every person; and the engine throws nothing but its own typed errors.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cell, Table } from '@mentor-matcher/tabular';
import { EngineError, getPreset, matchTables, parseRuleSet, type MatchRun, type RuleSet } from '../../src/index.js';
import { solver } from '../solver.js';
import { mayPair } from '../../src/score-codes.js';

const ladder = ['L1', 'L2', 'L3', 'L4'];
const header = ['first name', 'email address', 'grade', 'organisation', 'profession', 'capacity'];

interface PersonSpec {
  readonly email: number;
  readonly grade: number;
  readonly org: number;
  readonly profession: number;
  readonly capacity: number | null;
}

const personArb = fc.record({
  email: fc.nat(12),
  grade: fc.nat(ladder.length - 1),
  org: fc.nat(2),
  profession: fc.nat(1),
  capacity: fc.option(fc.nat(3), { nil: null }),
});

// Mentors and mentees draw emails from one small pool, so people on both sides occur (duplicates
// within a side only stop the run, so the generator avoids them to exercise the solver).
const emailOf = (n: number) => `p${n}@x.org`;

function table(source: string, people: readonly PersonSpec[]): Table {
  return {
    source,
    header,
    rows: people.map((p, i) => [
      `Person ${i}`,
      emailOf(p.email),
      ladder[p.grade],
      `Org ${p.org}`,
      `Prof ${p.profession}`,
      p.capacity,
    ]),
    headerRow: 1,
    firstColumn: 0,
  };
}

const ruleArb = fc.oneof(
  fc.constant({
    id: 'same-org',
    label: 'Same organisation',
    kind: 'exclude' as const,
    when: { type: 'same' as const, mentor: 'organisation', mentee: 'organisation' },
  }),
  fc.record({ lo: fc.integer({ min: -1, max: 1 }), width: fc.nat(2) }).map(({ lo, width }) => ({
    id: 'gap',
    label: 'Grade gap',
    kind: 'exclude' as const,
    when: {
      type: 'not' as const,
      condition: {
        type: 'gap' as const,
        mentor: 'grade',
        mentee: 'grade',
        ladder: 'grade',
        atLeast: lo,
        atMost: lo + width,
      },
    },
  })),
  fc.integer({ min: 0, max: 20 }).map((points) => ({
    id: 'profession',
    label: 'Same profession',
    kind: 'score' as const,
    points,
    when: { type: 'same' as const, mentor: 'profession', mentee: 'profession' },
  })),
  fc.integer({ min: 0, max: 20 }).map((points) => ({
    id: 'gap-1',
    label: 'One grade apart',
    kind: 'score' as const,
    points,
    when: { type: 'gap' as const, mentor: 'grade', mentee: 'grade', ladder: 'grade', equals: 1 },
  })),
);

const pairArb = fc.record({ mentor: fc.nat(12).map(emailOf), mentee: fc.nat(12).map(emailOf) });

// At least one person a side: a table with nobody in it stops the run ('no-data-rows', tested in
// participants.test.ts) and would leave the property unchecked.
const problemArb = fc.record({
  mentors: fc.uniqueArray(personArb, { minLength: 1, maxLength: 8, selector: (m) => m.email }),
  mentees: fc.uniqueArray(personArb, { minLength: 1, maxLength: 8, selector: (m) => m.email }),
  rules: fc.uniqueArray(ruleArb, { maxLength: 4, selector: (r) => r.id }),
  capacity: fc.record({ mentor: fc.nat(3), mentee: fc.nat(3) }),
  /** Indices into the mentors and mentees drawn, so that a lock names people who exist. */
  // No locks in half the cases: a lock the rules exclude stops the run, and with people on both
  // sides most random locks would, leaving too few runs that reach the solver.
  lockedPairs: fc.oneof(
    fc.constant<{ mentor: number; mentee: number }[]>([]),
    fc.array(fc.record({ mentor: fc.nat(), mentee: fc.nat() }), { minLength: 1, maxLength: 2 }),
  ),
  forbiddenPairs: fc.array(pairArb, { maxLength: 3 }),
  minScore: fc.option(fc.integer({ min: 0, max: 15 }), { nil: undefined }),
  strategy: fc.oneof(
    fc.constant({ name: 'optimal' as const, mentorCoverage: true, alternates: 1 }),
    fc.constant({ name: 'optimal' as const, mentorCoverage: false, alternates: 0 }),
    fc.integer({ min: 1, max: 3 }).map((rounds) => ({ name: 'rounds' as const, rounds, unmatchedBonus: 6 })),
    fc
      .integer({ min: 1, max: 3 })
      .map((rounds) => ({ name: 'rounds' as const, rounds, unmatchedBonus: 6, ties: 'reference' as const })),
  ),
});

type Problem = typeof problemArb extends fc.Arbitrary<infer T> ? T : never;

/** The rule set, or null when parseRuleSet rightly refuses it (e.g. a pair both locked and forbidden). */
function ruleSetOf(p: Problem): RuleSet | null {
  const parsed = parseRuleSet({
    version: 1,
    name: 'random',
    ladders: { grade: ladder },
    rules: p.rules,
    capacity: { mentor: { default: p.capacity.mentor }, mentee: { default: p.capacity.mentee } },
    lockedPairs:
      p.mentors.length > 0 && p.mentees.length > 0
        ? p.lockedPairs.map((l) => ({
            mentor: emailOf(p.mentors[l.mentor % p.mentors.length].email),
            mentee: emailOf(p.mentees[l.mentee % p.mentees.length].email),
          }))
        : [],
    forbiddenPairs: p.forbiddenPairs,
    ...(p.minScore !== undefined ? { minScore: p.minScore } : {}),
    strategy: p.strategy,
  });
  if (!parsed.ok) {
    expect(parsed.problems.length).toBeGreaterThan(0);
    return null;
  }
  return parsed.ruleSet;
}

/** Runs the engine; anything thrown must be the engine's own typed error. */
function run(input: Parameters<typeof matchTables>[0], ruleSet: RuleSet): MatchRun | null {
  try {
    return matchTables(input, { ruleSet, solver });
  } catch (error) {
    expect(error).toBeInstanceOf(EngineError);
    return null;
  }
}

const key = (mentor: string, mentee: string) => `${mentor}\u0000${mentee}`;

describe('random tables and rule sets through the engine', () => {
  it('keep capacities, locks and exclusions, and account for every person', () => {
    const stats = { runs: 0, matched: 0 };
    fc.assert(
      fc.property(problemArb, (p) => {
        const ruleSet = ruleSetOf(p);
        if (!ruleSet) return;
        const outcome = run(
          { kind: 'two-tables', mentors: table('mentors', p.mentors), mentees: table('mentees', p.mentees) },
          ruleSet,
        );
        if (!outcome) return;
        stats.runs++;
        if (!outcome.ok) {
          expect(outcome.problems.some((x) => x.severity === 'error')).toBe(true);
          return;
        }
        stats.matched++;
        const { result, matrix } = outcome;
        expect(result.mentors.map((o) => o.participant.id).sort()).toEqual(
          p.mentors.map((m) => emailOf(m.email)).sort(),
        );
        expect(result.mentees.map((o) => o.participant.id).sort()).toEqual(
          p.mentees.map((m) => emailOf(m.email)).sort(),
        );
        for (const person of [...result.mentors, ...result.mentees]) {
          expect(person.partners.length).toBeLessThanOrEqual(person.participant.capacity);
          expect(person.partners.length > 0 || person.reason !== null).toBe(true);
        }
        const chosen = new Set<string>();
        const forbidden = new Set(ruleSet.forbiddenPairs.map((f) => key(f.mentor, f.mentee)));
        for (const pair of result.pairs) {
          const k = key(pair.mentor.id, pair.mentee.id);
          expect(chosen.has(k)).toBe(false);
          chosen.add(k);
          expect(pair.mentor.id).not.toBe(pair.mentee.id);
          expect(forbidden.has(k)).toBe(false);
          expect(mayPair(matrix, pair.mentee.index, pair.mentor.index)).toBe(true);
        }
        for (const lock of ruleSet.lockedPairs) expect(chosen.has(key(lock.mentor, lock.mentee))).toBe(true);
        const partnerTotal = result.mentors.reduce((n, o) => n + o.partners.length, 0);
        expect(partnerTotal).toBe(result.pairs.length);
        expect(result.mentees.reduce((n, o) => n + o.partners.length, 0)).toBe(result.pairs.length);
      }),
      { numRuns: 150 },
    );
    // Many random cases must reach the solver (about half do: the rest lock a pair the rules exclude), or the property would be checked on nothing.
    expect(stats.matched).toBeGreaterThan(stats.runs / 3);
  });

  it('reach the same optimum, scores and problems whether scores are held by class or for every pair', () => {
    let compared = 0;
    fc.assert(
      fc.property(problemArb, (p) => {
        const ruleSet = ruleSetOf(p);
        if (!ruleSet || ruleSet.strategy?.name !== 'optimal') return;
        const input = {
          kind: 'two-tables' as const,
          mentors: table('mentors', p.mentors),
          mentees: table('mentees', p.mentees),
        };
        const [full, byClass] = (['matrix', 'classes'] as const).map((pairScores) =>
          matchTables(input, { ruleSet, solver, pairScores }),
        );
        expect(byClass.ok).toBe(full.ok);
        expect(byClass.problems.map((x) => x.message)).toEqual(full.problems.map((x) => x.message));
        if (!full.ok || !byClass.ok) return;
        compared++;
        expect(byClass.matrix.classes).toBeDefined();
        const mentorTier = ruleSet.strategy.mentorCoverage;
        const tiers = (run: typeof full & { ok: true }) => [
          run.result.summary.mentees.matched,
          mentorTier ? run.result.summary.mentors.matched : null,
          run.result.summary.totalScore,
        ];
        expect(tiers(byClass)).toEqual(tiers(full));
        for (let i = 0; i < p.mentees.length; i++) {
          for (let j = 0; j < p.mentors.length; j++) {
            expect(byClass.matrix.explainPair(i, j)).toEqual(full.matrix.explainPair(i, j));
          }
        }
      }),
      { numRuns: 150 },
    );
    expect(compared).toBeGreaterThan(20);
  });

  it('throw nothing but the engine’s own errors on garbage tables', () => {
    const cell: fc.Arbitrary<Cell> = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('SEO', 'Grade 7', '7', 'yes', 'mentor', 'both', '', ' ', '=1+1', '#N/A', 'a@b.c', 'A@B.C '),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
    );
    const garbageTable = (source: string) =>
      fc
        .uniqueArray(
          fc.oneof(
            fc.string({ minLength: 1, maxLength: 10 }),
            fc.constantFrom(...header, 'role', 'both mentor and mentee', 'characteristics'),
          ),
          { minLength: 1, maxLength: 7 },
        )
        .chain((names) =>
          fc
            .array(fc.array(cell, { minLength: names.length, maxLength: names.length }), { maxLength: 6 })
            .map((rows): Table => ({ source, header: names, rows, headerRow: 1, firstColumn: 0 })),
        );
    const preset = getPreset('mentor-match');
    fc.assert(
      fc.property(garbageTable('mentors'), garbageTable('mentees'), fc.boolean(), (mentors, mentees, oneTable) => {
        const input = oneTable
          ? { kind: 'one-table' as const, people: mentors, roleColumn: mentors.header[0] }
          : { kind: 'two-tables' as const, mentors, mentees };
        const outcome = run(input, preset);
        if (outcome?.ok) {
          const people = outcome.result.mentors.length + outcome.result.mentees.length;
          expect(people).toBe(outcome.matrix.mentors.length + outcome.matrix.mentees.length);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('parseRuleSet answers any JSON value with a rule set or problems, never a throw', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (json) => {
        const parsed = parseRuleSet(json);
        expect(parsed.ok || parsed.problems.length > 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
