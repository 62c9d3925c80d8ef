// Who gets which email, with what personalisation, from a match result. Pure: no I/O, so the CLI,
// the add-in and tests share it.
import type { Cell } from '@mentor-matcher/tabular';
import type { MatchResult, Participant, PersonOutcome, Role } from '@mentor-matcher/engine';
import { z } from 'zod';
import { defaultFieldNames, numbered, type FieldNames } from './field-names.js';

export const messageKinds = ['mentor-matched', 'mentor-unmatched', 'mentee-matched', 'mentee-unmatched'] as const;
export type MessageKind = (typeof messageKinds)[number];

export const recipientSchema = z.object({
  /** The participant's id in the result (normalised email). */
  id: z.string(),
  email: z.string().min(1),
  name: z.string(),
  /** Where the person came from (file and 1-based row), so that a problem can name the row to fix. */
  source: z.string().optional(),
  row: z.number().int().optional(),
  personalisation: z.record(z.string(), z.string()),
});
export type Recipient = z.infer<typeof recipientSchema>;

export const messageListSchema = z.object({
  kind: z.enum(messageKinds),
  /** Personalisation field names in column order; every recipient has every one (Notify rejects a missing field). */
  fields: z.array(z.string()),
  recipients: z.array(recipientSchema),
});
export type MessageList = z.infer<typeof messageListSchema>;

export const messagesSchema = z.object({
  version: z.literal(1),
  lists: z.object({
    'mentor-matched': messageListSchema,
    'mentor-unmatched': messageListSchema,
    'mentee-matched': messageListSchema,
    'mentee-unmatched': messageListSchema,
  }),
  /** People who cannot be emailed (no email address), so that a coordinator can contact them another way. */
  skipped: z.array(
    z.object({ id: z.string(), name: z.string(), role: z.enum(['mentor', 'mentee']), reason: z.string() }),
  ),
});
export type Messages = z.infer<typeof messagesSchema>;

export interface BuildMessagesOptions {
  readonly fieldNames?: Partial<FieldNames>;
  /**
   * How many numbered `match N …` field groups to write. Default: the most partners anyone on that
   * side has. People with more partners still get every match in the `match details` field.
   */
  readonly maxMatches?: number;
  /** Input column names holding the job title, biography and last name; found by name when omitted. */
  readonly columns?: { readonly jobTitle?: string; readonly biography?: string; readonly lastName?: string };
}

interface LookupOptions extends BuildMessagesOptions {
  readonly profileColumns?: MatchResult['profileColumns'];
}

const synonyms = {
  jobTitle: ['job title', 'jobtitle', 'title', 'role title', 'position'],
  biography: ['biography', 'bio', 'about me', 'about you', 'profile'],
  lastName: ['last name', 'lastname', 'surname', 'family name'],
} as const;

export function buildMessages(result: MatchResult, options: BuildMessagesOptions = {}): Messages {
  const names: FieldNames = { ...defaultFieldNames, ...options.fieldNames };
  // The engine knows which columns it mapped to job title and biography; use them unless told otherwise.
  const lookup: LookupOptions = { ...options, profileColumns: result.profileColumns };
  const skipped: Messages['skipped'] = [];
  const lists = {} as Messages['lists'];
  for (const role of ['mentor', 'mentee'] as const) {
    const outcomes = role === 'mentor' ? result.mentors : result.mentees;
    const most = outcomes.reduce((max, o) => Math.max(max, o.partners.length), 0);
    const slots = options.maxMatches ?? most;
    lists[`${role}-matched`] = { kind: `${role}-matched`, fields: matchedFields(names, slots), recipients: [] };
    lists[`${role}-unmatched`] = { kind: `${role}-unmatched`, fields: unmatchedFields(names), recipients: [] };
    for (const outcome of outcomes) {
      const person = outcome.participant;
      const email = person.email?.trim();
      if (!email) {
        skipped.push({ id: person.id, name: person.name, role, reason: 'no email address' });
        continue;
      }
      const matched = outcome.partners.length > 0;
      const personalisation = matched
        ? matchedPersonalisation(outcome, names, slots, lookup)
        : unmatchedPersonalisation(person, names, lookup);
      lists[`${role}-${matched ? 'matched' : 'unmatched'}`].recipients.push({
        id: person.id,
        email,
        name: person.name,
        source: person.source,
        row: person.row,
        personalisation,
      });
    }
  }
  return { version: 1, lists, skipped };
}

export function kindFor(role: Role, matched: boolean): MessageKind {
  return `${role}-${matched ? 'matched' : 'unmatched'}`;
}

function unmatchedFields(names: FieldNames): string[] {
  return [names.firstName, names.lastName, names.numberOfMatches];
}

function matchedFields(names: FieldNames, slots: number): string[] {
  const fields = unmatchedFields(names);
  for (let n = 1; n <= slots; n++) {
    fields.push(
      numbered(names.matchName, n),
      numbered(names.matchEmail, n),
      numbered(names.matchJobTitle, n),
      numbered(names.matchBiography, n),
    );
  }
  fields.push(names.matchDetails);
  return fields;
}

function unmatchedPersonalisation(
  person: Participant,
  names: FieldNames,
  options: LookupOptions,
): Record<string, string> {
  return {
    [names.firstName]: person.firstName,
    [names.lastName]: lastName(person, options),
    [names.numberOfMatches]: '0',
  };
}

function matchedPersonalisation(
  outcome: PersonOutcome,
  names: FieldNames,
  slots: number,
  options: LookupOptions,
): Record<string, string> {
  const personalisation = unmatchedPersonalisation(outcome.participant, names, options);
  personalisation[names.numberOfMatches] = String(outcome.partners.length);
  const details: string[] = [];
  outcome.partners.forEach((partner, i) => {
    const email = partner.email ?? '';
    const jobTitle = attribute(partner, 'jobTitle', options);
    const biography = attribute(partner, 'biography', options);
    details.push(
      [
        `Match ${i + 1}: ${partner.name}`,
        jobTitle && `Job title: ${jobTitle}`,
        email && `Email: ${email}`,
        biography && `About them: ${biography}`,
      ]
        .filter(Boolean)
        .join('\n'),
    );
  });
  for (let n = 1; n <= slots; n++) {
    const partner = outcome.partners[n - 1];
    personalisation[numbered(names.matchName, n)] = partner?.name ?? '';
    personalisation[numbered(names.matchEmail, n)] = partner?.email ?? '';
    personalisation[numbered(names.matchJobTitle, n)] = partner ? attribute(partner, 'jobTitle', options) : '';
    personalisation[numbered(names.matchBiography, n)] = partner ? attribute(partner, 'biography', options) : '';
  }
  personalisation[names.matchDetails] = details.join('\n\n');
  return personalisation;
}

function lastName(person: Participant, options: LookupOptions): string {
  const fromColumn = attribute(person, 'lastName', options);
  if (fromColumn) return fromColumn;
  return person.name.startsWith(person.firstName) ? person.name.slice(person.firstName.length).trim() : '';
}

function attribute(person: Participant, field: keyof typeof synonyms, options: LookupOptions): string {
  const explicit =
    options.columns?.[field] ?? options.profileColumns?.[person.role]?.[field === 'biography' ? 'bio' : field];
  if (explicit !== undefined) return text(person.attributes[explicit]);
  const wanted = new Set<string>(synonyms[field]);
  for (const [header, value] of Object.entries(person.attributes)) {
    if (wanted.has(normalise(header))) return text(value);
  }
  return '';
}

function normalise(header: string): string {
  return header
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function text(value: Cell | undefined): string {
  return value === null || value === undefined ? '' : String(value).trim();
}
