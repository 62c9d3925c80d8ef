// Draws synthetic people. Every draw goes through one seeded Random in a fixed order, so the output
// depends only on the seed and the counts.
import { createRandom, weightedTable, type Random, type WeightedTable } from './random.js';
import {
  characteristicRates,
  firstNames,
  grades,
  interests,
  juniorTitles,
  lastNames,
  menteeGradeWeights,
  mentorGradeWeights,
  middleTitles,
  organisations,
  organisationZipfExponent,
  professions,
  seniorTitleByGrade,
  type Grade,
} from './vocabulary.js';

export interface Person {
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly bothMentorAndMentee: boolean;
  readonly jobTitle: string;
  readonly grade: Grade;
  readonly organisation: string;
  readonly profession: string;
  readonly characteristics: readonly string[];
  readonly matchWithSimilarIdentity: boolean;
  readonly identityToMatch: string;
  readonly biography: string;
}

export interface GeneratedPeople {
  readonly mentors: readonly Person[];
  /** Some mentees are the same people as mentors who said they are both (same email). */
  readonly mentees: readonly Person[];
}

export interface GenerateOptions {
  readonly mentors: number;
  readonly mentees: number;
  readonly seed: number;
  /** Share of mentees who are also in the mentors list (same person, same email). Default 0.05. */
  readonly sharedShare?: number;
}

const mentorGrades = weightedTable(grades.map((g, i) => [g, mentorGradeWeights[i]] as const));
const menteeGrades = weightedTable(grades.map((g, i) => [g, menteeGradeWeights[i]] as const));
const organisationTable = weightedTable(
  organisations.map((o, rank) => [o, 1 / Math.pow(rank + 1, organisationZipfExponent)] as const),
);
const professionTable = weightedTable(professions);
const domains = new Map(organisations.map((o) => [o, domainFor(o)]));

export function generatePeople(options: GenerateOptions): GeneratedPeople {
  for (const key of ['mentors', 'mentees'] as const) {
    const n = options[key];
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`${key}: expected a whole number ≥ 0, got ${n}`);
  }
  if (!Number.isInteger(options.seed)) throw new RangeError(`seed: expected a whole number, got ${options.seed}`);
  const random = createRandom(options.seed);
  const emails = new Set<string>();
  const mentors: Person[] = [];
  for (let i = 0; i < options.mentors; i++) mentors.push(drawPerson(random, mentorGrades, emails, 'mentor'));

  const candidates = mentors.filter((m) => m.bothMentorAndMentee);
  const sharedCount = Math.min(candidates.length, Math.round(options.mentees * (options.sharedShare ?? 0.05)));
  const sharedAt = new Map<number, Person>();
  for (let k = 0; k < sharedCount; k++) {
    const mentor = candidates.splice(random.int(candidates.length), 1)[0];
    let slot = random.int(options.mentees);
    while (sharedAt.has(slot)) slot = (slot + 1) % options.mentees;
    sharedAt.set(slot, mentor);
  }
  const mentees: Person[] = [];
  for (let i = 0; i < options.mentees; i++) {
    const shared = sharedAt.get(i);
    mentees.push(shared ? asMentee(random, shared) : drawPerson(random, menteeGrades, emails, 'mentee'));
  }
  return { mentors, mentees };
}

function drawPerson(
  random: Random,
  gradeTable: WeightedTable<Grade>,
  emails: Set<string>,
  side: 'mentor' | 'mentee',
): Person {
  const firstName = random.pick(firstNames);
  const lastName = random.pick(lastNames);
  const grade = random.pickWeighted(gradeTable);
  const organisation = random.pickWeighted(organisationTable);
  const profession = random.pickWeighted(professionTable);
  const characteristics = characteristicRates.filter(([, rate]) => random.chance(rate)).map(([name]) => name);
  const bothMentorAndMentee = random.chance(0.3);
  const email = uniqueEmail(firstName, lastName, domains.get(organisation) ?? 'example.gov.uk', emails);
  const jobTitle = titleFor(random, grade, profession);
  const wantsMatch = characteristics.length > 0 && random.chance(0.55);
  const identityToMatch =
    characteristics.length > 0 && (wantsMatch || random.chance(0.3)) ? random.pick(characteristics) : '';
  const person = {
    firstName,
    lastName,
    email,
    bothMentorAndMentee,
    jobTitle,
    grade,
    organisation,
    profession,
    characteristics,
    matchWithSimilarIdentity: wantsMatch,
    identityToMatch,
    biography: '',
  };
  return { ...person, biography: biographyFor(random, person, side) };
}

/** The same person signing up as a mentee too: same details, their own mentee answers. */
function asMentee(random: Random, mentor: Person): Person {
  const wantsMatch = mentor.characteristics.length > 0 && random.chance(0.55);
  return {
    ...mentor,
    matchWithSimilarIdentity: wantsMatch,
    identityToMatch: wantsMatch ? random.pick(mentor.characteristics) : '',
    biography: biographyFor(random, mentor, 'mentee'),
  };
}

function titleFor(random: Random, grade: Grade, profession: string): string {
  const senior = seniorTitleByGrade[grade];
  if (grade === 'SCS4') return senior;
  if (senior) return `${senior} ${profession}`;
  if (grade === 'AA' || grade === 'AO') return random.pick(juniorTitles);
  return `${profession} ${random.pick(middleTitles)}`;
}

function biographyFor(random: Random, person: Omit<Person, 'biography'>, side: 'mentor' | 'mentee'): string {
  const years = 1 + random.int(25);
  const topic = random.pick(interests);
  const opening = `${person.jobTitle} (${person.grade}) at ${person.organisation}, in the ${person.profession} profession. I have worked in the civil service for ${years} year${years === 1 ? '' : 's'}.`;
  return side === 'mentor'
    ? `${opening} I am happy to help with ${topic}.`
    : `${opening} I would like help with ${topic}.`;
}

function uniqueEmail(firstName: string, lastName: string, domain: string, taken: Set<string>): string {
  const local = `${asciiSlug(firstName)}.${asciiSlug(lastName)}`;
  let email = `${local}@${domain}`;
  for (let n = 2; taken.has(email); n++) email = `${local}${n}@${domain}`;
  taken.add(email);
  return email;
}

function domainFor(organisation: string): string {
  const skip = new Set([
    'department',
    'for',
    'of',
    'and',
    'the',
    'hm',
    'uk',
    'office',
    'ministry',
    'agency',
    'service',
  ]);
  const words = asciiSlug(organisation)
    .split('-')
    .filter((w) => w && !skip.has(w));
  return `${(words.length > 0 ? words : asciiSlug(organisation).split('-')).slice(0, 3).join('-')}.gov.uk`;
}

function asciiSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
