// notify.json: the messages of a result, as the match command writes them and the notify command
// reads them. Version 2 (written now) stores each person's text once (messages.ts, MessageFile);
// version 1 (written before) stored every message in full and is still read, so that a results
// folder matched by an earlier release can still be sent from.
import { z } from 'zod';
import { expandMessages, messageFileSchema, messagesSchema, type MessageFile, type Messages } from './messages.js';

export const notifyFileSchema = z.discriminatedUnion('version', [messagesSchema, messageFileSchema]);
export type NotifyFile = z.infer<typeof notifyFileSchema>;

/** The messages as sent, from either version of the file. */
export function messagesFromNotifyFile(file: NotifyFile): Messages {
  return file.version === 1 ? file : expandMessages(file);
}

/**
 * The file's text: one line per person and per recipient, so that it stays small and a change
 * between two results shows as whole lines.
 */
export function notifyFileText(file: MessageFile): string {
  const indent = (depth: number) => '  '.repeat(depth);
  const array = (items: readonly unknown[], depth: number) =>
    items.length === 0
      ? '[]'
      : `[\n${items.map((item) => indent(depth + 1) + JSON.stringify(item)).join(',\n')}\n${indent(depth)}]`;
  const object = (entries: readonly (readonly [string, string])[], depth: number) => {
    const lines = entries.map(([key, value]) => `${indent(depth + 1)}${JSON.stringify(key)}: ${value}`);
    return `{\n${lines.join(',\n')}\n${indent(depth)}}`;
  };
  const lists = Object.entries(file.lists).map(([kind, list]) => {
    const fields = Object.entries(list).map(([key, value]): [string, string] => [
      key,
      Array.isArray(value) ? array(value, 3) : JSON.stringify(value),
    ]);
    return [kind, object(fields, 2)] as const;
  });
  const text = object(
    [
      ['version', JSON.stringify(file.version)],
      ['fieldNames', JSON.stringify(file.fieldNames)],
      [
        'people',
        object(
          [
            ['mentor', array(file.people.mentor, 2)],
            ['mentee', array(file.people.mentee, 2)],
          ],
          1,
        ),
      ],
      ['lists', object(lists, 1)],
      ['skipped', array(file.skipped, 1)],
    ],
    0,
  );
  return `${text}\n`;
}
