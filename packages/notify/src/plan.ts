// Which emails a send would make: the recipients of every kind that has a template, less those
// already in the send log. Pure, so that --dry-run and the real send agree.
import { messageKinds, type MessageKind, type Messages, type Recipient } from './messages.js';

export type Templates = Partial<Record<MessageKind, string>>;

export interface PlannedSend {
  readonly kind: MessageKind;
  readonly template: string;
  readonly recipient: Recipient;
}

export interface SendPlan {
  readonly sends: readonly PlannedSend[];
  /** Per kind, recipients skipped because the log says they were already sent this kind. */
  readonly alreadySent: Readonly<Record<MessageKind, number>>;
  /** Per kind with recipients but no template: how many people will get nothing. */
  readonly withoutTemplate: Readonly<Partial<Record<MessageKind, number>>>;
}

export function planSends(
  messages: Messages,
  templates: Templates,
  isAlreadySent: (kind: MessageKind, email: string) => boolean = () => false,
): SendPlan {
  const sends: PlannedSend[] = [];
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
      if (isAlreadySent(kind, recipient.email)) alreadySent[kind]++;
      else sends.push({ kind, template, recipient });
    }
  }
  return { sends, alreadySent, withoutTemplate };
}
