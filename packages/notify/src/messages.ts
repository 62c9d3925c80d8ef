// Who gets which email, with what personalisation, from a match result. Pure: no I/O, so the CLI,
// the add-in and tests share it. Two forms of the same messages: as sent (`Messages`: every
// recipient with their whole personalisation, so a partner's biography is in each of their
// partners' messages), and as stored (`MessageFile`: each person's text once, each message a
// reference to its recipient and partners). The stored form expands to the sent form exactly.
import type { Cell } from '@mentor-matcher/tabular';
import type { MatchResult, Participant, Role } from '@mentor-matcher/engine';
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

/** People who cannot be emailed (no email address), so that a coordinator can contact them another way. */
const skippedSchema = z.array(
  z.object({ id: z.string(), name: z.string(), role: z.enum(['mentor', 'mentee']), reason: z.string() }),
);

/** The messages as sent (and as notify.json stored them before version 2). */
export const messagesSchema = z.object({
  version: z.literal(1),
  lists: z.object({
    'mentor-matched': messageListSchema,
    'mentor-unmatched': messageListSchema,
    'mentee-matched': messageListSchema,
    'mentee-unmatched': messageListSchema,
  }),
  skipped: skippedSchema,
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

export interface LookupOptions extends BuildMessagesOptions {
  readonly profileColumns?: MatchResult['profileColumns'];
}

const synonyms = {
  jobTitle: ['job title', 'jobtitle', 'title', 'role title', 'position'],
  biography: ['biography', 'bio', 'about me', 'about you', 'profile'],
  lastName: ['last name', 'lastname', 'surname', 'family name'],
} as const;

/** What the messages say about one person, stored once in notify.json and referred to by id. */
export const personTextSchema = z.object({
  /** The participant's id in the result (normalised email, or file and row when there is none). */
  id: z.string(),
  /** As in the input (a partner's `match N email`); trimmed, the address their own message goes to. */
  email: z.string(),
  name: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  jobTitle: z.string(),
  biography: z.string(),
  source: z.string().optional(),
  row: z.number().int().optional(),
});
export type PersonText = z.infer<typeof personTextSchema>;

export const fieldNamesSchema = z.object({
  firstName: z.string(),
  lastName: z.string(),
  numberOfMatches: z.string(),
  matchName: z.string(),
  matchEmail: z.string(),
  matchJobTitle: z.string(),
  matchBiography: z.string(),
  matchDetails: z.string(),
}) satisfies z.ZodType<FieldNames>;

const matchedListSchema = z.object({
  /** How many numbered `match N …` field groups each message has. */
  slots: z.number().int().min(0),
  /** Each recipient by id (in `people` for their role), with their partners' ids (in the other role's). */
  recipients: z.array(z.object({ id: z.string(), partners: z.array(z.string()).min(1) })),
});
const unmatchedListSchema = z.object({ recipients: z.array(z.object({ id: z.string() })) });

/**
 * The messages as stored (notify.json, version 2): each person's text once, in `people`, and each
 * message as a reference to its recipient and their partners. `expandMessages` turns it into the
 * messages as sent, byte for byte what version 1 stored. notify.json is now written in a shorter
 * form of the same (version 3, notify-file.ts), which reads back as this.
 */
export const messageFileSchema = z
  .object({
    version: z.literal(2),
    fieldNames: fieldNamesSchema,
    people: z.object({ mentor: z.array(personTextSchema), mentee: z.array(personTextSchema) }),
    lists: z.object({
      'mentor-matched': matchedListSchema,
      'mentor-unmatched': unmatchedListSchema,
      'mentee-matched': matchedListSchema,
      'mentee-unmatched': unmatchedListSchema,
    }),
    skipped: skippedSchema,
  })
  .superRefine((file, ctx) => {
    const ids = { mentor: new Set<string>(), mentee: new Set<string>() };
    for (const role of roles) {
      file.people[role].forEach((person, i) => {
        if (ids[role].has(person.id))
          ctx.addIssue({ code: 'custom', path: ['people', role, i, 'id'], message: `${person.id} is listed twice` });
        ids[role].add(person.id);
      });
    }
    const known = (role: Role, id: string, path: (string | number)[]) => {
      if (!ids[role].has(id)) ctx.addIssue({ code: 'custom', path, message: `no ${role} ${id} in people` });
    };
    for (const role of roles) {
      const matched = file.lists[`${role}-matched`].recipients;
      matched.forEach((r, i) => {
        const path = ['lists', `${role}-matched`, 'recipients', i];
        known(role, r.id, [...path, 'id']);
        r.partners.forEach((partner, j) => known(otherRole(role), partner, [...path, 'partners', j]));
      });
      file.lists[`${role}-unmatched`].recipients.forEach((r, i) =>
        known(role, r.id, ['lists', `${role}-unmatched`, 'recipients', i, 'id']),
      );
    }
  });
export type MessageFile = z.infer<typeof messageFileSchema>;

export const roles = ['mentor', 'mentee'] as const;
export const otherRole = (role: Role): Role => (role === 'mentor' ? 'mentee' : 'mentor');
/** Why somebody gets no message; the only reason there is. */
export const noEmailAddress = 'no email address';

/** The messages for a result, as sent: each recipient with their whole personalisation. */
export function buildMessages(result: MatchResult, options: BuildMessagesOptions = {}): Messages {
  return expandMessages(buildMessageFile(result, options));
}

/** The messages for a result, as stored: each person's text once, messages referring to it. */
export function buildMessageFile(result: MatchResult, options: BuildMessagesOptions = {}): MessageFile {
  const fieldNames: FieldNames = { ...defaultFieldNames, ...options.fieldNames };
  // The engine knows which columns it mapped to job title and biography; use them unless told otherwise.
  const lookup: LookupOptions = { ...options, profileColumns: result.profileColumns };
  const skipped: MessageFile['skipped'] = [];
  const people = { mentor: new Map<string, PersonText>(), mentee: new Map<string, PersonText>() };
  const partners: Participant[] = [];
  const lists = {} as MessageFile['lists'];
  for (const role of roles) {
    const outcomes = role === 'mentor' ? result.mentors : result.mentees;
    const most = outcomes.reduce((max, o) => Math.max(max, o.partners.length), 0);
    const matched: MessageFile['lists']['mentor-matched'] = { slots: options.maxMatches ?? most, recipients: [] };
    const unmatched: MessageFile['lists']['mentor-unmatched'] = { recipients: [] };
    lists[`${role}-matched`] = matched;
    lists[`${role}-unmatched`] = unmatched;
    for (const outcome of outcomes) {
      const person = outcome.participant;
      people[role].set(person.id, personText(person, lookup));
      partners.push(...outcome.partners);
      if (!person.email?.trim()) {
        skipped.push({ id: person.id, name: person.name, role, reason: noEmailAddress });
      } else if (outcome.partners.length > 0) {
        matched.recipients.push({ id: person.id, partners: outcome.partners.map((p) => p.id) });
      } else {
        unmatched.recipients.push({ id: person.id });
      }
    }
  }
  // A partner is someone on the other side, listed there already; a result made by hand may not list them.
  for (const partner of partners)
    if (!people[partner.role].has(partner.id)) people[partner.role].set(partner.id, personText(partner, lookup));
  return {
    version: 2,
    fieldNames,
    people: { mentor: [...people.mentor.values()], mentee: [...people.mentee.values()] },
    lists,
    skipped,
  };
}

/** The messages as sent, from the stored form: every recipient's personalisation in full. */
export function expandMessages(file: MessageFile): Messages {
  const names = file.fieldNames;
  const byId = { mentor: peopleById(file.people.mentor), mentee: peopleById(file.people.mentee) };
  const lists = {} as Messages['lists'];
  for (const role of roles) {
    const own = (id: string) => lookUp(byId[role], role, id);
    const theirs = (id: string) => lookUp(byId[otherRole(role)], otherRole(role), id);
    const matched = file.lists[`${role}-matched`];
    lists[`${role}-matched`] = {
      kind: `${role}-matched`,
      fields: matchedFields(names, matched.slots),
      recipients: matched.recipients.map((r) => {
        const person = own(r.id);
        return recipient(person, matchedPersonalisation(person, r.partners.map(theirs), names, matched.slots));
      }),
    };
    lists[`${role}-unmatched`] = {
      kind: `${role}-unmatched`,
      fields: unmatchedFields(names),
      recipients: file.lists[`${role}-unmatched`].recipients.map((r) => {
        const person = own(r.id);
        return recipient(person, unmatchedPersonalisation(person, names));
      }),
    };
  }
  return { version: 1, lists, skipped: file.skipped };
}

function peopleById(people: readonly PersonText[]): Map<string, PersonText> {
  return new Map(people.map((p) => [p.id, p]));
}

function lookUp(people: ReadonlyMap<string, PersonText>, role: Role, id: string): PersonText {
  const person = people.get(id);
  if (!person) throw new Error(`notify messages: no ${role} ${id} in people`);
  return person;
}

function recipient(person: PersonText, personalisation: Record<string, string>): Recipient {
  return {
    id: person.id,
    email: person.email.trim(),
    name: person.name,
    source: person.source,
    row: person.row,
    personalisation,
  };
}

/** What the messages say about a participant: their text, read once, as stored in notify.json. */
export function personText(person: Participant, options: LookupOptions): PersonText {
  return {
    id: person.id,
    email: person.email ?? '',
    name: person.name,
    firstName: person.firstName,
    lastName: lastName(person, options),
    jobTitle: attribute(person, 'jobTitle', options),
    biography: attribute(person, 'biography', options),
    source: person.source,
    row: person.row,
  };
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

function unmatchedPersonalisation(person: PersonText, names: FieldNames): Record<string, string> {
  return {
    [names.firstName]: person.firstName,
    [names.lastName]: person.lastName,
    [names.numberOfMatches]: '0',
  };
}

// The order of the fields and the text of `match details` are part of each message's content key
// (node/message-key.ts): changing either would send everyone already sent their message again.
function matchedPersonalisation(
  person: PersonText,
  partners: readonly PersonText[],
  names: FieldNames,
  slots: number,
): Record<string, string> {
  const personalisation = unmatchedPersonalisation(person, names);
  personalisation[names.numberOfMatches] = String(partners.length);
  const details: string[] = [];
  partners.forEach((partner, i) => {
    const { email, jobTitle, biography } = partner;
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
    const partner = partners[n - 1];
    personalisation[numbered(names.matchName, n)] = partner?.name ?? '';
    personalisation[numbered(names.matchEmail, n)] = partner?.email ?? '';
    personalisation[numbered(names.matchJobTitle, n)] = partner?.jobTitle ?? '';
    personalisation[numbered(names.matchBiography, n)] = partner?.biography ?? '';
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
