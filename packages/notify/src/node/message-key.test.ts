// The content keys of messages already sent must not change when the way notify.json is stored
// changes, or a re-run would send everyone their message again. The expected keys and identities
// were computed by the release that stored every message in full (version 1 of notify.json), on the
// same fixture and options, with the template id `t-<kind>`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { result } from '../../test/match-result-fixture.js';
import { buildMessageFile, buildMessages, messageKinds, type BuildMessagesOptions } from '../messages.js';
import { messagesFromNotifyFile, notifyFileSchema, notifyFileText } from '../notify-file.js';
import { messageKey, resultIdentity } from './message-key.js';

type Variant = 'default' | 'maxMatches3' | 'maxMatches1' | 'fieldNames' | 'columns';
const before = JSON.parse(
  readFileSync(new URL('../../test/keys-before-output-once.json', import.meta.url), 'utf8'),
) as Record<Variant, { identity: string; keys: Record<string, string[]> }>;

const variants: Record<Variant, BuildMessagesOptions> = {
  default: {},
  maxMatches3: { maxMatches: 3 },
  maxMatches1: { maxMatches: 1 },
  fieldNames: { fieldNames: { firstName: 'FirstName', matchName: 'Match{n}Name' } },
  columns: { columns: { jobTitle: 'biography' } },
};

describe('message keys across the stored forms of notify.json', () => {
  for (const [name, options] of Object.entries(variants) as [Variant, BuildMessagesOptions][]) {
    it(`are those of the full messages of the earlier release (${name})`, () => {
      const stored = notifyFileSchema.parse(JSON.parse(notifyFileText(buildMessageFile(result, options))));
      const messages = messagesFromNotifyFile(stored);
      const keys = Object.fromEntries(
        messageKinds.map((kind) => [kind, messages.lists[kind].recipients.map((r) => messageKey(`t-${kind}`, r))]),
      );
      expect(keys).toEqual(before[name].keys);
      expect(resultIdentity(messages)).toBe(before[name].identity);
      expect(resultIdentity(buildMessages(result, options))).toBe(before[name].identity);
    });
  }
});
