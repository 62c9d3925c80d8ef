// The result as plain tables, ready for any writer (CSV, XLSX, Excel sheets). Column sets depend
// only on the rule set and the result, and rows follow the result's fixed order, so the same result
// always gives the same tables. A column or row called "score" is always the rules' points; a figure
// that includes the rounds' unmatched bonus says so in its name.
import type { Cell, Table } from '@mentor-matcher/tabular';
import type { MatchResult, Participant, PersonOutcome, StrategySettings } from './model.js';
import { describeReason } from './explain.js';
import { roundScore } from './summary.js';

export interface ResultTables {
  readonly pairs: Table;
  readonly mentors: Table;
  readonly mentees: Table;
  readonly unmatched: Table;
  readonly summary: Table;
}

function table(source: string, header: string[], rows: Cell[][]): Table {
  return { source, header, rows, headerRow: 1, firstColumn: 0 };
}

// Blank for someone with no email: their internal id (a file and row) is not an address.
const emailOf = (person: Participant) => person.email ?? '';

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** An attribute by its mapped header, or else by a usual header name (for results built without a mapping). */
function attribute(person: Participant, header: string | undefined, usualNames: readonly string[]): Cell {
  if (header !== undefined && header in person.attributes) return person.attributes[header];
  for (const [key, value] of Object.entries(person.attributes)) if (usualNames.includes(squash(key))) return value;
  return '';
}

const jobTitle = (person: Participant, header: string | undefined) => attribute(person, header, ['jobtitle', 'job']);
const biography = (person: Participant, header: string | undefined) => attribute(person, header, ['biography', 'bio']);

function lastName(person: Participant, header: string | undefined): Cell {
  const mapped = attribute(person, header, ['lastname', 'surname', 'familyname']);
  if (mapped !== '' && mapped !== null) return mapped;
  const first = person.firstName.trim();
  return first && person.name.startsWith(first) ? person.name.slice(first.length).trim() : '';
}

function scoreRuleColumns(result: MatchResult): { ruleId: string; label: string }[] {
  if (result.scoreRules) return [...result.scoreRules];
  const seen = new Map<string, string>();
  for (const pair of result.pairs)
    for (const c of pair.contributions) if (!seen.has(c.ruleId)) seen.set(c.ruleId, c.label);
  return [...seen].map(([ruleId, label]) => ({ ruleId, label }));
}

/** A rule's points in a pair's contributions (the last, should it be listed twice), 0 when it is not there. */
function pointsOf(contributions: MatchResult['pairs'][number]['contributions'], ruleId: string): number {
  for (let k = contributions.length - 1; k >= 0; k--)
    if (contributions[k].ruleId === ruleId) return contributions[k].points;
  return 0;
}

function pairsTable(result: MatchResult): Table {
  const rules = scoreRuleColumns(result);
  const withBonus = result.summary.strategy === 'rounds';
  const header = [
    'mentor email',
    'mentee email',
    'score',
    'mentor name',
    'mentee name',
    'round',
    'rank for mentee',
    ...rules.map((r) => r.label),
    ...(withBonus ? ['unmatched bonus', 'score with unmatched bonus'] : []),
    'locked',
  ];
  // One array per row, built in place: a Map and three spread arrays per pair were most of the
  // table's allocations (30,000 pairs at 10,000 a side).
  const rows = result.pairs.map((pair): Cell[] => {
    const row: Cell[] = [
      emailOf(pair.mentor),
      emailOf(pair.mentee),
      roundScore(pair.score),
      pair.mentor.name,
      pair.mentee.name,
      pair.round ?? '',
      pair.rankForMentee,
    ];
    for (const r of rules) row.push(pointsOf(pair.contributions, r.ruleId));
    if (withBonus) row.push(pair.bonus, roundScore(pair.scoreWithBonus));
    row.push(pair.locked ? 'locked' : pair.kept ? 'kept from earlier' : '');
    return row;
  });
  return table('Pairs', header, rows);
}

export interface ResultTableOptions {
  /**
   * Each match's job title and biography in the Mentors and Mentees tables (default true). The CLI
   * leaves them out: a biography written once per partner made its output many times the size of
   * its input.
   */
  readonly partnerProfiles?: boolean;
  /**
   * The person's own job title and biography, after their email address (default false). With
   * `partnerProfiles: false` each person's text is then written once, in their own row, and each
   * match refers to it by email: the row for `match N email` in the other side's table.
   */
  readonly ownProfile?: boolean;
}

/** One row per person, like the reference system's mentors-list.csv, ready for a mail merge. */
function peopleTable(
  source: string,
  people: readonly PersonOutcome[],
  result: MatchResult,
  role: 'mentor' | 'mentee',
  { partnerProfiles, ownProfile }: Required<ResultTableOptions>,
): Table {
  const own = result.profileColumns?.[role];
  const theirs = result.profileColumns?.[role === 'mentor' ? 'mentee' : 'mentor'];
  const widest = people.reduce((max, p) => Math.max(max, p.partners.length), 0);
  const header = ['first name', 'last name', 'email address'];
  if (ownProfile) header.push('job title', 'biography');
  header.push('number of matches');
  for (let k = 1; k <= widest; k++) {
    header.push(`match ${k} name`, `match ${k} email`);
    if (partnerProfiles) header.push(`match ${k} job title`, `match ${k} biography`);
  }
  const rows = people.map((outcome): Cell[] => {
    const person = outcome.participant;
    const row: Cell[] = [person.firstName, lastName(person, own?.lastName), emailOf(person)];
    if (ownProfile) row.push(jobTitle(person, own?.jobTitle), biography(person, own?.bio));
    row.push(outcome.partners.length);
    for (let k = 0; k < widest; k++) {
      const partner = outcome.partners[k];
      row.push(partner?.name ?? '', partner ? emailOf(partner) : '');
      if (partnerProfiles)
        row.push(partner ? jobTitle(partner, theirs?.jobTitle) : '', partner ? biography(partner, theirs?.bio) : '');
    }
    return row;
  });
  return table(source, header, rows);
}

function unmatchedTable(result: MatchResult): Table {
  const rows: Cell[][] = [];
  const settings = strategySettingsOf(result);
  for (const outcome of [...result.mentors, ...result.mentees]) {
    if (!outcome.reason) continue;
    const person = outcome.participant;
    rows.push([person.role, person.name, emailOf(person), describeReason(outcome.reason, person, settings)]);
  }
  return table('Unmatched', ['role', 'name', 'email', 'reason'], rows);
}

/** Results built before `strategySettings` existed carry the strategy's name and rounds in the summary and pairs. */
function strategySettingsOf(result: MatchResult): StrategySettings {
  if (result.strategySettings) return result.strategySettings;
  if (result.summary.strategy === 'rounds') {
    const rounds = result.pairs.reduce((max, p) => Math.max(max, p.round ?? 0), 0);
    return { name: 'rounds' as const, rounds, unmatchedBonus: 0 };
  }
  return { name: 'optimal' as const, mentorCoverage: result.summary.mentors.bestPossible !== null, alternates: 0 };
}

function summaryTable(result: MatchResult): Table {
  const { summary } = result;
  const rows: Cell[][] = [['strategy', summary.strategy]];
  for (const [side, plural, partner] of [
    [summary.mentees, 'mentees', 'mentor'],
    [summary.mentors, 'mentors', 'mentee'],
  ] as const) {
    rows.push([plural, side.total], [`${plural} with a ${partner}`, side.matched]);
    rows.push([`most ${plural} possible with a ${partner}`, side.bestPossible ?? '']);
    side.countsByMatches.forEach((count, k) =>
      rows.push([`${plural} with ${k} ${k === 1 ? partner : `${partner}s`}`, count]),
    );
  }
  rows.push(['pairs', summary.pairCount], ['total score', summary.totalScore]);
  rows.push(['mean score', summary.meanScore ?? ''], ['lowest score', summary.minScore ?? '']);
  if (summary.totalScoreWithBonus !== null && summary.totalScoreWithBonus !== undefined) {
    rows.push(
      ['total unmatched bonus', summary.totalBonus ?? ''],
      ['total score with unmatched bonus', summary.totalScoreWithBonus],
    );
  }
  for (const r of summary.rounds ?? []) {
    rows.push(
      [`round ${r.round} pairs`, r.pairCount],
      [`round ${r.round} total score`, r.totalScore],
      [`round ${r.round} total score with unmatched bonus`, r.totalScoreWithBonus],
    );
  }
  for (const headline of summary.headlines) rows.push(['note', headline]);
  for (const d of result.droppedEarlierPairs)
    rows.push(['earlier pair not kept', `${d.mentorId} with ${d.menteeId}: ${d.reason}`]);
  for (const p of result.problems) rows.push([p.severity, p.message]);
  return table('Summary', ['label', 'value'], rows);
}

export function resultTables(result: MatchResult, options: ResultTableOptions = {}): ResultTables {
  const layout = { partnerProfiles: options.partnerProfiles ?? true, ownProfile: options.ownProfile ?? false };
  return {
    pairs: pairsTable(result),
    mentors: peopleTable('Mentors', result.mentors, result, 'mentor', layout),
    mentees: peopleTable('Mentees', result.mentees, result, 'mentee', layout),
    unmatched: unmatchedTable(result),
    summary: summaryTable(result),
  };
}
