// notify.json: the messages of a result, as the match command writes them and the notify command
// reads them. Version 3 (written now) holds each person once, with the partners their message names
// as positions in the other side's list, and nothing that follows from the rest: who gets which
// message, an email that is the id, a name that is the first and last name, a source shared by the
// whole side. Version 2 held the same at greater length (each message a list entry naming its
// recipient and partners by id, 12.7 MB for 10,000 × 10,000 sign-ups against 7.9 MB); version 1
// stored every message in full. Both are still read, so that a results folder matched by an
// earlier release can still be sent from.
import type { MatchResult, Participant, Role } from '@mentor-matcher/engine';
import { z } from 'zod';
import { defaultFieldNames, type FieldNames } from './field-names.js';
import {
  expandMessages,
  fieldNamesSchema,
  messageFileSchema,
  messagesSchema,
  noEmailAddress,
  otherRole,
  personText as participantText,
  roles,
  type BuildMessagesOptions,
  type MessageFile,
  type Messages,
  type PersonText,
} from './messages.js';
import { sameAsJson } from './same-json.js';

/** One person in notify.json (version 3). A field left out follows from the others. */
const storedPersonSchema = z.object({
  id: z.string(),
  /** Left out when it is the id. */
  email: z.string().optional(),
  /** Left out when it is the first and last name with a space between. */
  name: z.string().optional(),
  firstName: z.string(),
  lastName: z.string(),
  jobTitle: z.string(),
  biography: z.string(),
  /** Left out when it is the side's `sources` entry. */
  source: z.string().optional(),
  row: z.number().int().optional(),
  /** Their partners, in the order their message names them, as positions in the other side's list. */
  partners: z.array(z.number().int().min(0)).min(1).optional(),
  /** Only somebody's partner, with no message of their own (a result made by hand that does not list them). */
  recipient: z.literal(false).optional(),
});
type StoredPerson = z.infer<typeof storedPersonSchema>;

/**
 * notify.json, version 3. Each person in `people` with an email address gets their side's matched
 * message when they have `partners` and the unmatched one otherwise; a person with none gets no
 * message and is listed as skipped. Messages go out in the order of `people`.
 */
export const compactMessageFileSchema = z
  .object({
    version: z.literal(3),
    fieldNames: fieldNamesSchema,
    /** How many numbered `match N …` field groups each side's matched messages have. */
    slots: z.object({ mentor: z.number().int().min(0), mentee: z.number().int().min(0) }),
    /** The file every person of a side came from, when they all came from one. */
    sources: z.object({ mentor: z.string().optional(), mentee: z.string().optional() }),
    people: z.object({ mentor: z.array(storedPersonSchema), mentee: z.array(storedPersonSchema) }),
  })
  .superRefine((file, ctx) => {
    for (const role of roles) {
      const ids = new Set<string>();
      const others = file.people[otherRole(role)].length;
      file.people[role].forEach((person, i) => {
        if (ids.has(person.id))
          ctx.addIssue({ code: 'custom', path: ['people', role, i, 'id'], message: `${person.id} is listed twice` });
        ids.add(person.id);
        person.partners?.forEach((partner, j) => {
          if (partner >= others)
            ctx.addIssue({
              code: 'custom',
              path: ['people', role, i, 'partners', j],
              message: `no ${otherRole(role)} at ${partner} in people (it lists ${others}, from 0)`,
            });
        });
      });
    }
  });
export type CompactMessageFile = z.infer<typeof compactMessageFileSchema>;

export const notifyFileSchema = z.discriminatedUnion('version', [
  messagesSchema,
  messageFileSchema,
  compactMessageFileSchema,
]);
export type NotifyFile = z.infer<typeof notifyFileSchema>;

/** The messages as sent, from any version of the file. */
export function messagesFromNotifyFile(file: NotifyFile): Messages {
  if (file.version === 1) return file;
  return expandMessages(file.version === 2 ? file : resolveMessageFile(file));
}

const joinedName = (person: Pick<PersonText, 'firstName' | 'lastName'>) =>
  [person.firstName, person.lastName].filter((part) => part !== '').join(' ');

/** The stored messages, with every reference and every left-out field spelled out. */
export function resolveMessageFile(file: CompactMessageFile): MessageFile {
  const people = {
    mentor: file.people.mentor.map((p) => personText(p, file.sources.mentor)),
    mentee: file.people.mentee.map((p) => personText(p, file.sources.mentee)),
  };
  const lists = {} as MessageFile['lists'];
  const skipped: MessageFile['skipped'] = [];
  for (const role of roles) {
    const matched: MessageFile['lists']['mentor-matched'] = { slots: file.slots[role], recipients: [] };
    const unmatched: MessageFile['lists']['mentor-unmatched'] = { recipients: [] };
    lists[`${role}-matched`] = matched;
    lists[`${role}-unmatched`] = unmatched;
    const partnersOf = people[otherRole(role)];
    file.people[role].forEach((stored, i) => {
      const person = people[role][i];
      if (stored.recipient === false) return;
      if (!person.email.trim()) skipped.push({ id: person.id, name: person.name, role, reason: noEmailAddress });
      else if (stored.partners)
        matched.recipients.push({ id: person.id, partners: stored.partners.map((p) => partnersOf[p].id) });
      else unmatched.recipients.push({ id: person.id });
    });
  }
  return { version: 2, fieldNames: file.fieldNames, people, lists, skipped };
}

function personText(stored: StoredPerson, source: string | undefined): PersonText {
  const { id, firstName, lastName, jobTitle, biography, row } = stored;
  const person: PersonText = {
    id,
    email: stored.email ?? id,
    name: stored.name ?? joinedName(stored),
    firstName,
    lastName,
    jobTitle,
    biography,
  };
  const from = stored.source ?? source;
  if (from !== undefined) person.source = from;
  if (row !== undefined) person.row = row;
  return person;
}

/**
 * The messages of a result in the short form (version 3), made from the result itself: the same
 * as compactMessageFile(buildMessageFile(result, options)), without the longer form in between or
 * the check that it could be shortened (at 10,000 a side, a quarter of writing the results). Each
 * side's people come in the result's order, then any partner the result does not list (a result
 * made by hand), who gets no message of their own.
 */
export function buildCompactMessageFile(result: MatchResult, options: BuildMessagesOptions = {}): CompactMessageFile {
  const fieldNames: FieldNames = { ...defaultFieldNames, ...options.fieldNames };
  const lookup = { ...options, profileColumns: result.profileColumns };
  const outcomes = { mentor: result.mentors, mentee: result.mentees };
  const position = { mentor: new Map<string, number>(), mentee: new Map<string, number>() };
  const texts: Record<Role, PersonText[]> = { mentor: [], mentee: [] };
  const place = (person: Participant, role: Role) => {
    position[role].set(person.id, texts[role].length);
    texts[role].push(participantText(person, lookup));
  };
  for (const role of roles) {
    for (const { participant } of outcomes[role]) {
      if (position[role].has(participant.id))
        throw new Error(`notify.json: the ${role} ${participant.id} is in the result twice`);
      place(participant, role);
    }
  }
  const listed = { mentor: texts.mentor.length, mentee: texts.mentee.length };
  for (const role of roles)
    for (const { partners } of outcomes[role])
      for (const partner of partners) if (!position[partner.role].has(partner.id)) place(partner, partner.role);

  const sources: CompactMessageFile['sources'] = {};
  const people = {} as CompactMessageFile['people'];
  const slots = {} as CompactMessageFile['slots'];
  for (const role of roles) {
    const shared = sharedSource(texts[role]);
    if (shared !== undefined) sources[role] = shared;
    const partnersAt = position[otherRole(role)];
    slots[role] = options.maxMatches ?? outcomes[role].reduce((most, o) => Math.max(most, o.partners.length), 0);
    people[role] = texts[role].map((text, i) => {
      const outcome = i < listed[role] ? outcomes[role][i] : undefined;
      // Somebody without an email address gets no message, so their partners are not stored.
      const partners =
        outcome && outcome.partners.length > 0 && text.email.trim()
          ? outcome.partners.map((partner) => {
              const at = partnersAt.get(partner.id);
              if (at === undefined) throw new Error(`notify.json: no ${otherRole(role)} ${partner.id} in people`);
              return at;
            })
          : undefined;
      return storedPerson(text, shared, partners, outcome !== undefined);
    });
  }
  return { version: 3, fieldNames, slots, sources, people };
}

/**
 * The short form of stored messages, as buildMessageFile makes them: each list in the order of
 * `people`, and the skipped being the people without an email address. Anything else cannot be
 * said in version 3 and is refused rather than written differently.
 */
export function compactMessageFile(file: MessageFile): CompactMessageFile {
  const position = {
    mentor: new Map(file.people.mentor.map((p, i) => [p.id, i])),
    mentee: new Map(file.people.mentee.map((p, i) => [p.id, i])),
  };
  const sources: CompactMessageFile['sources'] = {};
  const people = {} as CompactMessageFile['people'];
  for (const role of roles) {
    const partners = new Map<string, number[]>();
    for (const r of file.lists[`${role}-matched`].recipients)
      partners.set(
        r.id,
        r.partners.map((id) => {
          const at = position[otherRole(role)].get(id);
          if (at === undefined) throw new Error(`notify.json: no ${otherRole(role)} ${id} in people`);
          return at;
        }),
      );
    const recipients = new Set(
      [
        ...file.lists[`${role}-matched`].recipients,
        ...file.lists[`${role}-unmatched`].recipients,
        ...file.skipped.filter((s) => s.role === role),
      ].map((r) => r.id),
    );
    const shared = sharedSource(file.people[role]);
    if (shared !== undefined) sources[role] = shared;
    people[role] = file.people[role].map((person) =>
      storedPerson(person, shared, partners.get(person.id), recipients.has(person.id)),
    );
  }
  const compact: CompactMessageFile = {
    version: 3,
    fieldNames: file.fieldNames,
    slots: { mentor: file.lists['mentor-matched'].slots, mentee: file.lists['mentee-matched'].slots },
    sources,
    people,
  };
  // Who gets which message is not written down in version 3 but follows from people: check that it
  // follows to the same, so that a file this cannot say is refused here, not sent differently later.
  const again = resolveMessageFile(compact);
  if (!sameAsJson([again.lists, again.skipped], [file.lists, file.skipped]))
    throw new Error('notify.json: the messages are not in the order of people, so they cannot be stored by position');
  return compact;
}

function sharedSource(people: readonly PersonText[]): string | undefined {
  const first = people[0]?.source;
  return first !== undefined && people.every((p) => p.source === first) ? first : undefined;
}

function storedPerson(
  person: PersonText,
  sharedSource: string | undefined,
  partners: number[] | undefined,
  recipient: boolean,
): StoredPerson {
  // Fields in the order the file lists them; one that follows from the others is left out.
  const stored: StoredPerson = { id: person.id } as StoredPerson;
  if (person.email !== person.id) stored.email = person.email;
  if (person.name !== joinedName(person)) stored.name = person.name;
  stored.firstName = person.firstName;
  stored.lastName = person.lastName;
  stored.jobTitle = person.jobTitle;
  stored.biography = person.biography;
  if (sharedSource === undefined && person.source !== undefined) stored.source = person.source;
  if (person.row !== undefined) stored.row = person.row;
  if (partners) stored.partners = partners;
  if (!recipient) stored.recipient = false;
  return stored;
}

/**
 * The file's text, in version 3: one line per person, so that it stays small and a change between
 * two results shows as whole lines.
 */
export function notifyFileText(file: MessageFile | CompactMessageFile): string {
  const compact = file.version === 3 ? file : compactMessageFile(file);
  const indent = (depth: number) => '  '.repeat(depth);
  const array = (items: readonly unknown[], depth: number) =>
    items.length === 0
      ? '[]'
      : `[\n${items.map((item) => indent(depth + 1) + JSON.stringify(item)).join(',\n')}\n${indent(depth)}]`;
  const object = (entries: readonly (readonly [string, string])[], depth: number) => {
    const lines = entries.map(([key, value]) => `${indent(depth + 1)}${JSON.stringify(key)}: ${value}`);
    return `{\n${lines.join(',\n')}\n${indent(depth)}}`;
  };
  const text = object(
    [
      ['version', JSON.stringify(compact.version)],
      ['fieldNames', JSON.stringify(compact.fieldNames)],
      ['slots', JSON.stringify(compact.slots)],
      ['sources', JSON.stringify(compact.sources)],
      [
        'people',
        object(
          roles.map((role) => [role, array(compact.people[role], 2)] as const),
          1,
        ),
      ],
    ],
    0,
  );
  return `${text}\n`;
}
