// Identities for the send log. A message's key is a hash of everything that makes it that message
// (template, recipient, personalisation), so after a re-match an unchanged message keeps its key
// (already sent) and a changed one gets a new key (sent again). The log holds keys, not the
// personalisation itself (partners' names and emails, biographies).
import { createHash } from 'node:crypto';
import type { Messages, Recipient } from '../messages.js';

export function normalisedEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** 128 bits of SHA-256 over template id, normalised address and the sorted personalisation. */
export function messageKey(template: string, recipient: Pick<Recipient, 'email' | 'personalisation'>): string {
  const fields = Object.entries(recipient.personalisation).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return sha256([template, normalisedEmail(recipient.email), fields]).slice(0, 32);
}

/** The identity of a whole result's messages (notify.json), recorded in the log at each run. */
export function resultIdentity(messages: Messages): string {
  return sha256(messages).slice(0, 16);
}

function sha256(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}
