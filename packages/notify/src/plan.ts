// Which emails a send would make, and why: the recipients of every kind that has a template, each
// with what the send log says about that exact message. Pure, so that --dry-run and the real send
// agree. A message is one template, one recipient and one set of personalisation values; the log
// is keyed on all three (node/message-key.ts), so a message that changed after a re-match is sent,
// and the one that did not change is not sent again.
import { emailAddressProblem } from '@mentor-matcher/engine';
import { messageKinds, type MessageKind, type Messages, type Recipient } from './messages.js';

export type Templates = Partial<Record<MessageKind, string>>;

/** What the send log knows about one message. */
export type PriorSend =
  /** Nothing: this person has not been sent anything (or the log is new). */
  | { readonly state: 'new' }
  /** This person was sent a different message before (a re-match changed their result). */
  | { readonly state: 'changed' }
  | { readonly state: 'sent' }
  /** A run stopped between starting this send and hearing back: ask Notify (by reference) before sending. */
  | { readonly state: 'unconfirmed'; readonly reference: string }
  /** Notify refused it in an earlier run. */
  | { readonly state: 'failed'; readonly reference: string; readonly reason: string };

export interface PlannedSend {
  readonly kind: MessageKind;
  readonly template: string;
  readonly recipient: Recipient;
  readonly prior: PriorSend;
}

export interface InvalidRecipient {
  readonly kind: MessageKind;
  readonly recipient: Recipient;
  /** Why Notify would refuse the address (the engine's email-address.ts). */
  readonly reason: string;
}

export interface SendCounts {
  readonly new: number;
  readonly changed: number;
  readonly alreadySent: number;
  /** Left half-sent by an earlier run; looked up at Notify before anything is sent. */
  readonly unconfirmed: number;
  /** Refused by Notify in an earlier run and tried again (retryFailed). */
  readonly retried: number;
  /** Refused by Notify in an earlier run and not tried again. */
  readonly failedEarlier: number;
}

export interface SendPlan {
  /** What a send will try, in order: new, changed, unconfirmed and (when asked) earlier failures. */
  readonly sends: readonly PlannedSend[];
  readonly counts: SendCounts;
  /** Per kind, recipients whose message is in the log as sent. */
  readonly alreadySent: Readonly<Record<MessageKind, number>>;
  /** Refused by Notify in an earlier run and not tried again this time. */
  readonly failedEarlier: readonly PlannedSend[];
  /** Addresses Notify would refuse: never sent. */
  readonly invalid: readonly InvalidRecipient[];
  /** Per kind with recipients but no template: how many people will get nothing. */
  readonly withoutTemplate: Readonly<Partial<Record<MessageKind, number>>>;
}

export interface PlanOptions {
  /** Send again the messages Notify refused in an earlier run. Default false. */
  readonly retryFailed?: boolean;
}

export type PriorLookup = (kind: MessageKind, template: string, recipient: Recipient) => PriorSend;

export function planSends(
  messages: Messages,
  templates: Templates,
  priorOf: PriorLookup = () => ({ state: 'new' }),
  options: PlanOptions = {},
): SendPlan {
  const sends: PlannedSend[] = [];
  const failedEarlier: PlannedSend[] = [];
  const invalid: InvalidRecipient[] = [];
  const counts = { new: 0, changed: 0, alreadySent: 0, unconfirmed: 0, retried: 0, failedEarlier: 0 };
  const alreadySent = { 'mentor-matched': 0, 'mentor-unmatched': 0, 'mentee-matched': 0, 'mentee-unmatched': 0 };
  const withoutTemplate: Partial<Record<MessageKind, number>> = {};
  for (const kind of messageKinds) {
    const { recipients } = messages.lists[kind];
    const template = templates[kind];
    if (!template) {
      if (recipients.length > 0) withoutTemplate[kind] = recipients.length;
      continue;
    }
    for (const recipient of recipients) {
      const problem = emailAddressProblem(recipient.email);
      if (problem !== null) {
        invalid.push({ kind, recipient, reason: problem });
        continue;
      }
      const prior = priorOf(kind, template, recipient);
      const send = { kind, template, recipient, prior };
      switch (prior.state) {
        case 'sent':
          counts.alreadySent++;
          alreadySent[kind]++;
          break;
        case 'failed':
          if (options.retryFailed) {
            counts.retried++;
            sends.push(send);
          } else {
            counts.failedEarlier++;
            failedEarlier.push(send);
          }
          break;
        default:
          counts[prior.state]++;
          sends.push(send);
      }
    }
  }
  return { sends, counts, alreadySent, failedEarlier, invalid, withoutTemplate };
}
