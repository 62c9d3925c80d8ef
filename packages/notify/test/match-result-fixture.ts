// A small hand-built MatchResult: two mentors, four mentees (one without an email address).
import type { MatchResult, Participant, PersonOutcome, Role } from '@mentor-matcher/engine';

let nextIndex = 0;
function person(
  role: Role,
  first: string,
  last: string,
  email: string | null,
  extra: Record<string, string> = {},
): Participant {
  return {
    id: email ?? `mentees.csv#${nextIndex + 2}`,
    role,
    index: nextIndex++,
    name: `${first} ${last}`,
    firstName: first,
    email,
    capacity: role === 'mentor' ? 3 : 1,
    source: `${role}s.csv`,
    row: nextIndex + 1,
    attributes: {
      'first name': first,
      'last name': last,
      'email address': email,
      'Job Title': extra.job ?? '',
      biography: extra.bio ?? '',
    },
  };
}

export const ada = person('mentor', 'Ada', 'Lovelace', 'ada@example.gov.uk', {
  job: 'Head of Analysis',
  bio: 'I like engines.',
});
export const bob = person('mentor', 'Bob', 'Stone', 'bob@example.gov.uk', {
  job: 'Policy Lead',
  bio: 'Policy, mostly.',
});
export const cat = person('mentee', 'Cat', 'Ng', 'cat@example.gov.uk', { job: 'Analyst', bio: 'New to analysis.' });
export const dan = person('mentee', 'Dan', "O'Neil", 'DAN@example.gov.uk ', { job: 'Caseworker', bio: '=1+2' });
export const eve = person('mentee', 'Eve', 'Park', 'eve@example.gov.uk');
export const nobody = person('mentee', 'No', 'Email', null);

const outcome = (participant: Participant, partners: Participant[]): PersonOutcome => ({
  participant,
  partners,
  reason: partners.length > 0 ? null : { kind: 'no-eligible-partner', excludedBy: [] },
  alternates: [],
});

export const result: MatchResult = {
  pairs: [],
  mentors: [outcome(ada, [cat, dan]), outcome(bob, [])],
  mentees: [outcome(cat, [ada]), outcome(dan, [ada]), outcome(eve, []), outcome(nobody, [])],
  summary: {
    strategy: 'optimal',
    mentors: { total: 2, matched: 1, countsByMatches: [1, 0, 1], bestPossible: null },
    mentees: { total: 4, matched: 2, countsByMatches: [2, 2], bestPossible: null },
    pairCount: 2,
    totalScore: 0,
    meanScore: 0,
    minScore: 0,
    headlines: [],
  },
  problems: [],
  droppedEarlierPairs: [],
};
