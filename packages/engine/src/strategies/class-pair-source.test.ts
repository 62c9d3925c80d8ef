// The class pair source's pricing: where many mentors of one class are equally good, the mentees of
// one class must be offered different ones, or each pricing round brings in the same few mentors for
// everybody and the solve needs many more rounds.
import type { Table } from '@mentor-matcher/tabular';
import { describe, expect, it } from 'vitest';
import { detectMapping } from '../mapping.js';
import { groupByRuleFields } from '../class-grouping.js';
import { CLASS_BLOCK, scoreByClasses } from '../pair-classes.js';
import { readParticipants } from '../participants.js';
import { getPreset } from '../rules/presets.js';
import { classPairSource } from './class-pair-source.js';

const ruleSet = getPreset('mentor-match-optimal');

/** `count` people who differ only in name and email, so they share one class. */
function lookalikes(
  count: number,
  role: 'mentor' | 'mentee',
  grade: string,
  organisation: string,
  profession = 'Policy',
  first = 0,
): Table {
  const header = ['first name', 'last name', 'email address', 'grade', 'organisation', 'profession'];
  const rows = Array.from({ length: count }, (_, k) => [
    `Person${first + k}`,
    role,
    `${role}${first + k}@example.gov.uk`,
    grade,
    organisation,
    profession,
  ]);
  return { source: `${role}s.csv`, header, rows, headerRow: 1, firstColumn: 0 };
}

function people(table: Table, role: 'mentor' | 'mentee') {
  return readParticipants(table, role, detectMapping(table.header, role, ruleSet), ruleSet).participants;
}

/** The two tables' people grouped into classes, and their scores held by class. */
function byClasses(mentorTable: Table, menteeTable: Table) {
  const mentors = people(mentorTable, 'mentor');
  const mentees = people(menteeTable, 'mentee');
  const grouping = {
    mentors: groupByRuleFields(mentors, ruleSet, 'mentor'),
    mentees: groupByRuleFields(mentees, ruleSet, 'mentee'),
  };
  return { grouping, scores: scoreByClasses(mentors, mentees, ruleSet, grouping) };
}

/** A pricing sink that keeps each mentee's first offered mentor and then wants no more. */
function firstOfferPerMentee() {
  const kept = new Map<number, number>();
  const sink = {
    floor: (row: number) => (kept.has(row) ? Infinity : 0),
    offer: (row: number, col: number) => {
      if (!kept.has(row)) kept.set(row, col);
    },
  };
  return { kept, sink };
}

describe('pricing by class', () => {
  const { grouping, scores } = byClasses(
    lookalikes(40, 'mentor', 'Grade 7', 'HM Treasury'),
    lookalikes(40, 'mentee', 'HEO', 'Cabinet Office'),
  );

  it('offers the mentees of one class different mentors among equally good ones', () => {
    expect(grouping.mentors.count).toBe(1);
    expect(grouping.mentees.count).toBe(1);
    // Every pair gains the same at zero potentials; each mentee keeps one.
    const { kept, sink } = firstOfferPerMentee();
    classPairSource(scores, scores.classes).offerImproving(
      { rowPotential: new Float64Array(40), colPotential: new Float64Array(40), scale: 1 },
      sink,
    );
    expect(kept.size).toBe(40);
    expect(new Set(kept.values()).size).toBeGreaterThanOrEqual(15);
  });

  it('still offers each mentee the mentors of largest potential first', () => {
    // Mentors 0–9 are cheaper to take (higher potential): every mentee's pick must be among them.
    const colPotential = Float64Array.from({ length: 40 }, (_, j) => (j < 10 ? 5 : 0));
    const { kept, sink } = firstOfferPerMentee();
    classPairSource(scores, scores.classes).offerImproving(
      { rowPotential: new Float64Array(40), colPotential, scale: 1 },
      sink,
    );
    expect(kept.size).toBe(40);
    for (const mentor of kept.values()) expect(mentor).toBeLessThan(10);
    expect(new Set(kept.values()).size).toBeGreaterThan(3);
  });
});

describe('pricing among mentor classes of equal potential', () => {
  // One mentor in Organisation A (class 0), ten in Organisation B (class 1), equally good.
  const mentorRows = [
    ...lookalikes(1, 'mentor', 'Grade 7', 'Organisation A').rows,
    ...lookalikes(10, 'mentor', 'Grade 7', 'Organisation B', 'Policy', 1).rows,
  ];
  const { grouping, scores } = byClasses(
    { ...lookalikes(0, 'mentor', 'Grade 7', ''), rows: mentorRows },
    lookalikes(10, 'mentee', 'HEO', 'Cabinet Office'),
  );

  it('offers the larger class first, so that its mentors are shared out', () => {
    expect(grouping.mentors.count).toBe(2);
    expect(grouping.mentors.classOf[0]).toBe(0);
    const { kept, sink } = firstOfferPerMentee();
    classPairSource(scores, scores.classes).offerImproving(
      { rowPotential: new Float64Array(10), colPotential: new Float64Array(11), scale: 1 },
      sink,
    );
    expect(kept.size).toBe(10);
    for (const mentor of kept.values()) expect(mentor).toBeGreaterThan(0);
    expect(new Set(kept.values()).size).toBeGreaterThan(3);
  });
});

describe('pricing reads the mentee classes in groups', () => {
  const professions = ['Policy', 'Digital', 'Finance', 'Legal', 'Science', 'Analysis', 'Security', 'Project', 'HR'];

  it.each([1, 2, 3, 4, 5, 7, 8, 9])('opens every class that can gain, and no other, among %i', (classCount) => {
    const rows = professions
      .slice(0, classCount)
      .flatMap((profession, c) => lookalikes(3, 'mentee', 'HEO', 'Cabinet Office', profession, 3 * c).rows);
    const menteeTable = { ...lookalikes(0, 'mentee', 'HEO', 'Cabinet Office'), rows };
    const { grouping, scores } = byClasses(lookalikes(5, 'mentor', 'Grade 7', 'HM Treasury'), menteeTable);
    expect(grouping.mentees.count).toBe(classCount);
    // Mentees of odd-numbered professions sit so high that no pair of theirs gains.
    const rowPotential = Float64Array.from({ length: 3 * classCount }, (_, i) =>
      Math.floor(i / 3) % 2 === 1 ? 1e9 : 0,
    );
    const { kept, sink } = firstOfferPerMentee();
    classPairSource(scores, scores.classes).offerImproving(
      { rowPotential, colPotential: new Float64Array(5), scale: 1 },
      sink,
    );
    const expected = Array.from({ length: 3 * classCount }, (_, i) => i).filter((i) => rowPotential[i] === 0);
    expect([...kept.keys()].sort((x, y) => x - y)).toEqual(expected);
  });
});

describe('pricing skips only the mentor classes no mentee class of its group pairs with', () => {
  // 70 mentor classes of each grade (one organisation each), numbered grade by grade, so that each
  // grade spans blocks of its own; four mentee classes, one grade each, priced as one group.
  const grades = ['HEO', 'SEO', 'Grade 7', 'Grade 6', 'SCS1'];
  const mentorRows = grades.flatMap((grade, g) =>
    Array.from({ length: 70 }, (_, k) =>
      lookalikes(1, 'mentor', grade, `Organisation ${k}`, 'Policy', 70 * g + k),
    ).flatMap((table) => table.rows),
  );
  const menteeRows = ['AO', 'EO', 'HEO', 'SEO'].flatMap(
    (grade, g) => lookalikes(1, 'mentee', grade, 'Cabinet Office', 'Policy', g).rows,
  );
  const { grouping, scores } = byClasses(
    { ...lookalikes(0, 'mentor', 'HEO', ''), rows: mentorRows },
    { ...lookalikes(0, 'mentee', 'HEO', ''), rows: menteeRows },
  );

  it('offers every eligible pair when every pair gains', () => {
    expect(grouping.mentors.count).toBe(350);
    expect(grouping.mentees.count).toBe(4);
    expect(scores.classes.eligibleBlocks).toContain(0);
    const offered: string[] = [];
    classPairSource(scores, scores.classes).offerImproving(
      { rowPotential: new Float64Array(4), colPotential: new Float64Array(350), scale: 1 },
      { floor: () => 0, offer: (row, col) => offered.push(`${row} ${col}`) },
    );
    const eligible: string[] = [];
    for (let mentee = 0; mentee < 4; mentee++) {
      for (let mentor = 0; mentor < 350; mentor++) {
        if (Number.isFinite(classPairSource(scores, scores.classes).score(mentee, mentor))) {
          eligible.push(`${mentee} ${mentor}`);
        }
      }
    }
    // Each mentee has some eligible mentors, not all of them.
    for (let mentee = 0; mentee < 4; mentee++) {
      const own = eligible.filter((pair) => pair.startsWith(`${mentee} `)).length;
      expect(own).toBeGreaterThan(0);
      expect(own).toBeLessThan(350);
    }
    expect(offered.sort()).toEqual(eligible.sort());
  });

  it("offers each mentor an eligible mentee from its own draw, across the mentor classes' blocks", () => {
    const source = classPairSource(scores, scores.classes);
    const offered: [number, number][] = [];
    source.offerBest(new Int32Array(4).fill(1), new Int32Array(350).fill(1), (mentee, mentor) =>
      offered.push([mentee, mentor]),
    );
    for (const [mentee, mentor] of offered) expect(Number.isFinite(source.score(mentee, mentor))).toBe(true);
    const withEligible = Array.from({ length: 350 }, (_, mentor) => mentor).filter((mentor) =>
      [0, 1, 2, 3].some((mentee) => Number.isFinite(source.score(mentee, mentor))),
    );
    expect(withEligible.length).toBeGreaterThan(CLASS_BLOCK);
    expect([...new Set(offered.map(([, mentor]) => mentor))].sort((a, b) => a - b)).toEqual(withEligible);
  });
});

describe('best pairs by class', () => {
  // Two mentors every mentee ranks first (same profession), ten they rank lower.
  const favourites = lookalikes(2, 'mentor', 'Grade 7', 'HM Treasury');
  const others = lookalikes(10, 'mentor', 'Grade 7', 'HM Treasury', 'Digital', 2);
  const mentorTable = { ...favourites, rows: [...favourites.rows, ...others.rows] };
  const { grouping, scores } = byClasses(mentorTable, lookalikes(40, 'mentee', 'HEO', 'Cabinet Office'));

  it("draws a mentor's own pairs only when the mentees' draws offered it fewer than it keeps", () => {
    expect(grouping.mentors.count).toBe(2);
    const offered: number[] = [];
    classPairSource(scores, scores.classes).offerBest(
      new Int32Array(40).fill(2),
      new Int32Array(12).fill(3),
      (_mentee, mentor) => offered.push(mentor),
    );
    // The mentees draw first, two each; then the mentors still short of three draw three.
    const count = (list: number[], mentor: number) => list.filter((m) => m === mentor).length;
    const fromMentees = offered.slice(0, 80);
    const fromMentors = offered.slice(80);
    const ownDraws = Array.from({ length: 12 }, (_, mentor) => count(fromMentors, mentor));
    const expected = Array.from({ length: 12 }, (_, mentor) => (count(fromMentees, mentor) < 3 ? 3 : 0));
    expect(ownDraws).toEqual(expected);
    // Both kinds occur: the first favourite is every mentee's first pick, the second nobody's.
    expect([count(fromMentees, 0), ownDraws[0]]).toEqual([40, 0]);
    expect([count(fromMentees, 1), ownDraws[1]]).toEqual([0, 3]);
  });
});
